// Drawing the arena: players as dots with their name, health bar and score above them.

/** World units per canvas pixel is 1; the world's origin is the canvas centre. */
export const VIEW = { halfWidth: 300, halfHeight: 220 };
const MAX_HEALTH = 100;

/** A player as the page draws it, whichever protocol its values came from. */
export interface Figure {
  /** The player's entity id (what `attack` targets). */
  entityId: number;
  playerId: string;
  name: string;
  x: number;
  y: number;
  health: number;
  score: number;
  mine: boolean;
  /** Hit a moment ago: drawn flashing. */
  hit: boolean;
  /** Shown in the scoreboard instead of score and health (the world mode has neither). */
  note?: string;
}

export function drawArena(ctx: CanvasRenderingContext2D, figures: Iterable<Figure>): void {
  const { width, height } = ctx.canvas;
  ctx.clearRect(0, 0, width, height);
  ctx.strokeStyle = '#2a2a36';
  ctx.strokeRect(width / 2 - VIEW.halfWidth, height / 2 - VIEW.halfHeight, VIEW.halfWidth * 2, VIEW.halfHeight * 2);
  for (const figure of figures) {
    const x = width / 2 + figure.x;
    const y = height / 2 + figure.y;
    ctx.fillStyle = figure.hit ? '#fff' : figure.mine ? '#6cf' : '#f96';
    ctx.beginPath();
    ctx.arc(x, y, 9, 0, Math.PI * 2);
    ctx.fill();
    // Health bar, then the name and score above it.
    ctx.fillStyle = '#400';
    ctx.fillRect(x - 15, y - 18, 30, 4);
    ctx.fillStyle = '#4c4';
    ctx.fillRect(x - 15, y - 18, (30 * Math.max(0, figure.health)) / MAX_HEALTH, 4);
    ctx.fillStyle = '#ddd';
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText(`${figure.name} · ${figure.score}`, x, y - 24);
  }
}

/** The figure nearest to `me` other than `me` (the attack key's target), if any. */
export function nearestOther(figures: Iterable<Figure>, me: Figure): Figure | undefined {
  let best: Figure | undefined;
  let bestDistance = Infinity;
  for (const figure of figures) {
    if (figure.entityId === me.entityId) continue;
    const distance = Math.hypot(figure.x - me.x, figure.y - me.y);
    if (distance < bestDistance) [best, bestDistance] = [figure, distance];
  }
  return best;
}
