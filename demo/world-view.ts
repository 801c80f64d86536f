// The page's world mode (`?kind=world`): a 'world' room (protocol v2, interest management) with
// wandering bots. Only what the server lets this client see is in the SDK's mirror, and only that
// is drawn, around the player: the cells of the view, its boundary, the entities in it. Entities
// fade in when they come into view (or spawn) and fade out when they leave it (or despawn).
import type { WorldRoom } from '../client/kinds/world';
import { createInterpolator, type Entity, type Interpolator, type Room } from '../client/src/index';
import type { Figure } from './render';

export type { WorldRoom };

type Thing = Entity<WorldRoom>;
/** How long an entity takes to fade in or out. */
const FADE_MS = 400;
/** Canvas pixels per world unit. */
const SCALE = 1.2;
/** The world's half width (the kind's WORLD_HALF). */
export const WORLD_HALF = 1000;
/** How long a predicted position of the own player is shown if the server's frames never reach it. */
const PREDICTION_MS = 500;

/** An entity that left the mirror a moment ago, drawn fading out where it was last seen. */
interface Ghost {
  x: number;
  y: number;
  type: string;
  since: number;
}

/** The view's square of the world and what is drawn in it, for the browser test (`window.demo.world()`). */
export interface WorldSnapshot {
  cells: number[];
  /** The square of the world the view covers (the union of its cells). */
  area: { x: number; y: number; width: number; height: number } | undefined;
  cellSize: number;
  bots: number;
  players: number;
  /** Entities drawn now (fading ghosts excepted), at the positions the mirror holds (drawing interpolates between them). */
  drawn: { id: number; type: string; x: number; y: number }[];
  /** Entities that entered / left the view (not spawns or despawns) since the page joined. */
  entered: number;
  left: number;
  fadingIn: number;
  fadingOut: number;
}

export class WorldView {
  private room: Room<WorldRoom> | undefined;
  private smooth: Interpolator<'x' | 'y'>[] = [];
  /** When each entity appeared (came into view or spawned), for its fade-in. */
  private readonly appeared = new Map<number, number>();
  private readonly ghosts = new Map<number, Ghost>();
  private predicted: { x: number; y: number; until: number } | undefined;
  private stops: (() => void)[] = [];
  private counts = { entered: 0, left: 0 };

  constructor(
    private readonly say: (text: string, kind?: string) => void,
    /** The list of players in view changed. */
    private readonly changed: () => void,
  ) {}

  attach(room: Room<WorldRoom>): void {
    this.detach();
    this.room = room;
    this.smooth = (['bot', 'player'] as const).map((type) => createInterpolator(room, { type, fields: ['x', 'y'], delayMs: 100 }));
    const appear = (e: Thing) => (this.appeared.set(e.id, performance.now()), this.ghosts.delete(e.id), e.type === 'player' && this.changed());
    const vanish = (e: Thing) => {
      this.appeared.delete(e.id);
      this.ghosts.set(e.id, { x: e.x, y: e.y, type: e.type, since: performance.now() });
      if (e.type === 'player') this.changed();
    };
    this.stops.push(
      room.onAdd('bot', appear, { immediate: false }),
      room.onAdd('player', appear, { immediate: false }),
      room.onEnterView((e) => (this.counts.entered += 1, appear(e))),
      room.onRemove('bot', vanish),
      room.onRemove('player', vanish),
      room.onLeaveView((e) => (this.counts.left += 1, vanish(e))),
      room.onChange('player', (player) => {
        if (player.id === room.myEntity?.id && player.x === this.predicted?.x && player.y === this.predicted.y) this.predicted = undefined;
      }),
    );
    this.say(`you see the ${viewWidth(room)} × ${viewWidth(room)} cells of ${room.state.view?.interest.cellSize ?? '?'} around you, nothing beyond`, 'event');
    // The room's fields come with the frame after the join when the join created the room.
    this.stops.push(room.listen('room', 'bots', (bots) => bots > 0 && this.say(`${bots} bots wander the world`, 'event')));
  }

  detach(): void {
    for (const stop of this.stops.splice(0)) stop();
    for (const smooth of this.smooth.splice(0)) smooth.dispose();
    this.appeared.clear();
    this.ghosts.clear();
    this.room = undefined;
    this.predicted = undefined;
  }

  /** The players in view (the scoreboard lists them with where they are). */
  figures(): Figure[] {
    const room = this.room;
    if (!room) return [];
    const mine = room.myEntity?.id;
    return [...room.state.ofType('player')].map((p) => ({
      entityId: p.id,
      playerId: '',
      name: p.name || `#${p.id}`,
      ...this.at(p, undefined),
      health: 0,
      score: 0,
      mine: p.id === mine,
      hit: false,
      note: `at (${Math.round(p.x)}, ${Math.round(p.y)})`,
    }));
  }

  /** Shows the player's own move at once (the server's frames confirm it). */
  predict(position: { x: number; y: number }): void {
    this.predicted = { x: position.x, y: position.y, until: performance.now() + PREDICTION_MS };
  }

  snapshot(): WorldSnapshot {
    const room = this.room;
    const view = room?.state.view;
    const now = performance.now();
    const things = room ? [...room.state.entities.values()] : [];
    const fading = (since: number) => now - since < FADE_MS;
    return {
      cells: view ? [...view.cells].sort((a, b) => a - b) : [],
      area: room ? areaOf(room) : undefined,
      cellSize: view?.interest.cellSize ?? 0,
      bots: things.filter((e) => e.type === 'bot').length,
      players: things.filter((e) => e.type === 'player').length,
      drawn: things.map((e) => ({ id: e.id, type: e.type, x: e.x, y: e.y })),
      entered: this.counts.entered,
      left: this.counts.left,
      fadingIn: [...this.appeared.values()].filter(fading).length,
      fadingOut: [...this.ghosts.values()].filter((g) => fading(g.since)).length,
    };
  }

  /** Draws the view around the player: its cells and boundary, the entities in it, the ghosts fading out. */
  draw(ctx: CanvasRenderingContext2D, now: number): void {
    const { width, height } = ctx.canvas;
    ctx.clearRect(0, 0, width, height);
    const room = this.room;
    if (!room) return;
    const me = room.myEntity;
    const centre = me ? this.at(me, now) : { x: 0, y: 0 };
    const sx = (x: number) => width / 2 + (x - centre.x) * SCALE;
    const sy = (y: number) => height / 2 + (y - centre.y) * SCALE;
    // The world's edge, the cells seen (lighter), and the view's boundary.
    ctx.strokeStyle = '#553';
    ctx.strokeRect(sx(-WORLD_HALF), sy(-WORLD_HALF), 2 * WORLD_HALF * SCALE, 2 * WORLD_HALF * SCALE);
    for (const b of room.state.view?.bounds() ?? []) {
      ctx.fillStyle = '#23232e';
      ctx.fillRect(sx(b.x), sy(b.y), b.size * SCALE, b.size * SCALE);
      ctx.strokeStyle = '#34344a';
      ctx.strokeRect(sx(b.x), sy(b.y), b.size * SCALE, b.size * SCALE);
    }
    const area = areaOf(room);
    if (area) {
      ctx.strokeStyle = '#6cf';
      ctx.setLineDash([6, 4]);
      ctx.strokeRect(sx(area.x), sy(area.y), area.width * SCALE, area.height * SCALE);
      ctx.setLineDash([]);
    }
    for (const [id, ghost] of this.ghosts) {
      const k = 1 - (now - ghost.since) / FADE_MS;
      if (k <= 0) this.ghosts.delete(id);
      else dot(ctx, sx(ghost.x), sy(ghost.y), ghost.type, false, k);
    }
    for (const e of room.state.entities.values()) {
      const at = this.at(e, now);
      const alpha = Math.min(1, (now - (this.appeared.get(e.id) ?? -Infinity)) / FADE_MS);
      dot(ctx, sx(at.x), sy(at.y), e.type, e.id === me?.id, alpha);
      if (e.type === 'player') {
        ctx.globalAlpha = alpha;
        ctx.fillStyle = '#ddd';
        ctx.font = '12px system-ui, sans-serif';
        ctx.textAlign = 'center';
        ctx.fillText((e as Entity<WorldRoom, 'player'>).name, sx(at.x), sy(at.y) - 14);
        ctx.globalAlpha = 1;
      }
    }
    ctx.fillStyle = '#9ab';
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'left';
    const seen = this.snapshot();
    ctx.fillText(`view: ${seen.cells.length} cells · ${seen.bots} bots, ${seen.players} players in view · world ${2 * WORLD_HALF} × ${2 * WORLD_HALF}`, 8, height - 10);
  }

  /** Where an entity is drawn: the own player where it was moved, the others interpolated (`now` given). */
  private at(e: Thing, now: number | undefined): { x: number; y: number } {
    const room = this.room!;
    if (e.id === room.myEntity?.id) {
      const predicted = this.predicted && this.predicted.until > performance.now() ? this.predicted : undefined;
      return predicted ?? { x: e.x, y: e.y };
    }
    if (now === undefined) return { x: e.x, y: e.y };
    for (const smooth of this.smooth) {
      const at = smooth.at(e.id, now);
      if (at) return at;
    }
    return { x: e.x, y: e.y };
  }
}

/** The square of the world the view covers: the bounding box of its cells (a square of whole cells). */
function areaOf(room: Room<WorldRoom>): WorldSnapshot['area'] {
  const cells = room.state.view?.bounds() ?? [];
  if (cells.length === 0) return undefined;
  const x = Math.min(...cells.map((b) => b.x));
  const y = Math.min(...cells.map((b) => b.y));
  return { x, y, width: Math.max(...cells.map((b) => b.x + b.size)) - x, height: Math.max(...cells.map((b) => b.y + b.size)) - y };
}

const viewWidth = (room: Room<WorldRoom>) => 2 * (room.state.view?.interest.viewDistance ?? 0) + 1;

function dot(ctx: CanvasRenderingContext2D, x: number, y: number, type: string, mine: boolean, alpha: number): void {
  ctx.globalAlpha = Math.max(0, alpha);
  ctx.fillStyle = type === 'bot' ? '#8a8' : mine ? '#6cf' : '#f96';
  ctx.beginPath();
  ctx.arc(x, y, type === 'bot' ? 5 : 8, 0, Math.PI * 2);
  ctx.fill();
  ctx.globalAlpha = 1;
}
