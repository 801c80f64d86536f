import { ErrorCode, GameError, str, type Vec3 } from '../../protocol';
import { defineActions, type GameLogic, GameRoomKind, type PlayerRef, type RoomContext } from '../../game-api';
import type { Entity } from '../../state';
import { worldState } from './world.state';

type Ctx = RoomContext<typeof worldState>;
type Decl = (typeof worldState)['decl'];

/** The world is a square from -HALF to +HALF on x and y. */
export const WORLD_HALF = 1000;
/** Cells of 100 × 100, a client sees 3 × 3 of them: 300 × 300 around its player. */
export const CELL_SIZE = 100;
/** A bot walks this far per tick, turning now and then. */
const BOT_STEP = 2;

const clamp = (v: number) => (v < -WORLD_HALF ? -WORLD_HALF : v > WORLD_HALF ? WORLD_HALF : v);
/** Deterministic spread from an entity id (no Math.random in rules a test replays). */
const hash = (n: number) => {
  let x = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return ((x ^ (x >>> 16)) >>> 0) / 4294967296;
};

/**
 * An open world with interest management: a 2000 × 2000 field in cells of 100, each client sees
 * the 3 × 3 cells around its player (or around the point its logic sets). Players walk (`move`);
 * the creation option `bots` (0-1000) fills the world with wandering bots, so a few clients can
 * see a crowded world. An example of a kind that declares `interest`.
 */
@GameRoomKind('world', {
  state: worldState,
  maxPlayers: 5000,
  maxQueuedActions: 20000, // 4 per seat: two late ticks of every player moving at 10 moves/s
  options: { bots: str({ max: 4, pattern: /^([0-9]{1,3}|1000)$/, patternHint: 'be a whole number from 0 to 1000' }) },
  interest: { cellSize: CELL_SIZE, viewDistance: 1, positions: { player: ['x', 'y'], bot: ['x', 'y'] } },
  v1: { type: 'player', position: ['x', 'y'] },
})
export class WorldLogic implements GameLogic<typeof worldState> {
  readonly actions = defineActions<Ctx>()({
    move: {
      position: 'required',
      run: (ctx, player, { position }) => this.move(this.player(ctx, player), position),
    },
  });

  onCreate(ctx: Ctx): void {
    const bots = Number(ctx.options.bots ?? 0);
    ctx.state.room.bots = bots;
    for (let i = 0; i < bots; i++) {
      const id = i + 1;
      const angle = hash(id * 7) * Math.PI * 2;
      ctx.state.spawn('bot', { x: (hash(id) * 2 - 1) * WORLD_HALF, y: (hash(id * 3) * 2 - 1) * WORLD_HALF, dx: Math.cos(angle) * BOT_STEP, dy: Math.sin(angle) * BOT_STEP });
    }
  }

  onJoin(ctx: Ctx, player: PlayerRef): void {
    const id = player.entityId;
    ctx.state.spawn('player', { x: (hash(id * 5) * 2 - 1) * WORLD_HALF * 0.2, y: (hash(id * 11) * 2 - 1) * WORLD_HALF * 0.2, name: player.nickname.slice(0, 32) }, player);
  }

  onLeave(ctx: Ctx, player: PlayerRef): void {
    const entity = ctx.state.get(player.entityId);
    if (entity) ctx.state.despawn(entity);
  }

  /** Bots wander: straight on, bouncing off the world's edge; the room ticks while it has bots. */
  onTick(ctx: Ctx): boolean {
    for (const bot of ctx.state.ofType('bot')) {
      let { x, y, dx, dy } = bot;
      if (Math.abs(x + dx) > WORLD_HALF) dx = -dx;
      if (Math.abs(y + dy) > WORLD_HALF) dy = -dy;
      x += dx;
      y += dy;
      Object.assign(bot, { x, y, dx, dy });
    }
    return ctx.state.room.bots > 0;
  }

  private player(ctx: Ctx, ref: PlayerRef): Entity<Decl, 'player'> {
    const entity = ctx.state.get(ref.entityId);
    if (!entity || entity.type !== 'player') throw new GameError(ErrorCode.NotInRoom, 'not a player of this room');
    return entity as Entity<Decl, 'player'>;
  }

  private move(player: Entity<Decl, 'player'>, to: Vec3): void {
    player.x = clamp(to.x);
    player.y = clamp(to.y);
  }
}
