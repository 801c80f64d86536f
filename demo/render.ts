// Drawing the arena: players as dots with their name, health bar and score above them.
import type { RoomPlayer } from '../client/src/index';

/** World units per canvas pixel is 1; the world's origin is the canvas centre. */
export const VIEW = { halfWidth: 300, halfHeight: 220 };
const MAX_HEALTH = 100;

export function drawArena(ctx: CanvasRenderingContext2D, players: Iterable<RoomPlayer>, me: string | undefined, flash: ReadonlyMap<string, number>): void {
  const { width, height } = ctx.canvas;
  ctx.clearRect(0, 0, width, height);
  ctx.strokeStyle = '#2a2a36';
  ctx.strokeRect(width / 2 - VIEW.halfWidth, height / 2 - VIEW.halfHeight, VIEW.halfWidth * 2, VIEW.halfHeight * 2);
  const now = performance.now();
  for (const player of players) {
    const x = width / 2 + player.position.x;
    const y = height / 2 + player.position.y;
    const hit = (flash.get(player.player_id) ?? 0) > now;
    ctx.fillStyle = hit ? '#fff' : player.client_id === me ? '#6cf' : '#f96';
    ctx.beginPath();
    ctx.arc(x, y, 9, 0, Math.PI * 2);
    ctx.fill();
    // Health bar, then the name and score above it.
    ctx.fillStyle = '#400';
    ctx.fillRect(x - 15, y - 18, 30, 4);
    ctx.fillStyle = '#4c4';
    ctx.fillRect(x - 15, y - 18, (30 * Math.max(0, player.health)) / MAX_HEALTH, 4);
    ctx.fillStyle = '#ddd';
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText(`${player.nickname || player.player_id} · ${player.score}`, x, y - 24);
  }
}

/** The other player nearest to `me` (the attack key's target), if any. */
export function nearestOther(players: Iterable<RoomPlayer>, me: RoomPlayer): RoomPlayer | undefined {
  let best: RoomPlayer | undefined;
  let bestDistance = Infinity;
  for (const player of players) {
    if (player.player_id === me.player_id) continue;
    const distance = Math.hypot(player.position.x - me.position.x, player.position.y - me.position.y);
    if (distance < bestDistance) [best, bestDistance] = [player, distance];
  }
  return best;
}
