import { Inject } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ErrorCode, GameError, type Vec3 } from '../../protocol';
import { defineActions, type GameLogic, GameRoomKind, type PlayerRef, type RoomContext } from '../../game-api';
import type { Entity } from '../../state';
import { arenaConfig } from './arena.config';
import { arenaState } from './arena.state';

type Ctx = RoomContext<typeof arenaState>;
type Fighter = Entity<(typeof arenaState)['decl'], 'player'>;

export const ArenaAction = { Move: 'move', Attack: 'attack' } as const;

const clamp = (v: number, min: number, max: number) => (v < min ? min : v > max ? max : v);
/** π(3 − √5): successive multiples never line up, so spawn angles stay spread for any player count. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * The default room kind: free movement in a box, melee attacks, score.
 * - `move {position}`: position clamped to ARENA_BOUNDS; velocity (for v1 clients) = displacement
 *   / time since the previous move (at least one tick), zeroed on the first tick without a move.
 * - `attack {target_id}`: hits the player with that entity id if within ARENA_ATTACK_RANGE:
 *   −ARENA_ATTACK_DAMAGE health, +ARENA_HIT_SCORE for the attacker; at 0 health the attacker gets
 *   ARENA_KILL_SCORE more and the target respawns with full health.
 * - Spawns: on a ring of ARENA_SPAWN_RADIUS around the centre, at an angle from the player's entity
 *   id (golden-angle steps, so any number of players stand apart), clamped into the bounds.
 */
@GameRoomKind('arena', {
  state: arenaState,
  v1: { type: 'player', position: ['x', 'y', 'z'], velocity: ['vx', 'vy', 'vz'], health: 'health', score: 'score' },
})
export class ArenaLogic implements GameLogic<typeof arenaState> {
  readonly actions = defineActions<Ctx>()({
    [ArenaAction.Move]: { position: 'required', run: (ctx, player, { position }) => this.move(ctx, this.fighter(ctx, player), position) },
    [ArenaAction.Attack]: { target: 'required', run: (ctx, player, { target }) => this.attack(ctx, this.fighter(ctx, player), target) },
  });

  constructor(@Inject(arenaConfig.KEY) private readonly config: ConfigType<typeof arenaConfig>) {}

  onJoin(ctx: Ctx, player: PlayerRef): void {
    ctx.state.spawn('player', { ...this.spawnPoint(player.entityId), health: this.config.maxHealth, lastMoveAt: ctx.clock.now }, player);
  }

  onLeave(ctx: Ctx, player: PlayerRef): void {
    const fighter = ctx.state.get(player.entityId);
    if (fighter) ctx.state.despawn(fighter);
  }

  /** Zeroes the velocity of fighters that did not move this tick; keeps ticking while any moved. */
  onTick(ctx: Ctx): boolean {
    let moved = false;
    for (const fighter of ctx.state.ofType('player')) {
      if (fighter.movedThisTick) {
        fighter.movedThisTick = false;
        moved = true; // zero its velocity next tick unless it moves again
      } else if (fighter.vx !== 0 || fighter.vy !== 0 || fighter.vz !== 0) {
        fighter.vx = fighter.vy = fighter.vz = 0;
      }
    }
    return moved;
  }

  private fighter(ctx: Ctx, player: PlayerRef): Fighter {
    const fighter = ctx.state.get(player.entityId);
    if (!fighter) throw new GameError(ErrorCode.NotInRoom, 'not a player of this room');
    return fighter;
  }

  private move(ctx: Ctx, fighter: Fighter, position: Vec3): void {
    const { min, max } = this.config.bounds;
    const to = { x: clamp(position.x, min.x, max.x), y: clamp(position.y, min.y, max.y), z: clamp(position.z, min.z, max.z) };
    const seconds = Math.max(ctx.clock.now - fighter.lastMoveAt, ctx.clock.tickMs) / 1000;
    fighter.vx = (to.x - fighter.x) / seconds;
    fighter.vy = (to.y - fighter.y) / seconds;
    fighter.vz = (to.z - fighter.z) / seconds;
    fighter.x = to.x;
    fighter.y = to.y;
    fighter.z = to.z;
    fighter.lastMoveAt = ctx.clock.now;
    fighter.movedThisTick = true;
  }

  private attack(ctx: Ctx, attacker: Fighter, targetId: number): void {
    const target = ctx.state.get(targetId);
    if (!target || target.type !== 'player') throw new GameError(ErrorCode.InvalidPayload, 'attack needs payload.target_id of a player in the room');
    if (target === attacker) throw new GameError(ErrorCode.InvalidPayload, 'a player cannot attack itself');
    const dx = target.x - attacker.x;
    const dy = target.y - attacker.y;
    const dz = target.z - attacker.z;
    if (dx * dx + dy * dy + dz * dz > this.config.attackRange ** 2) return; // a miss: applied, no effect
    target.health = Math.max(0, target.health - this.config.attackDamage);
    attacker.score += this.config.hitScore;
    if (target.health === 0) {
      attacker.score += this.config.killScore;
      Object.assign(target, this.spawnPoint(target.id), { health: this.config.maxHealth, vx: 0, vy: 0, vz: 0 });
    }
  }

  private spawnPoint(entityId: number): { x: number; y: number; z: number } {
    const { min, max } = this.config.bounds;
    const radius = this.config.spawnRadius;
    const angle = entityId * GOLDEN_ANGLE;
    // `+ 0` turns a -0 (radius 0, negative cosine) into 0.
    const x = Math.round(radius * Math.cos(angle)) + 0;
    const y = Math.round(radius * Math.sin(angle)) + 0;
    return { x: clamp(x, min.x, max.x), y: clamp(y, min.y, max.y), z: clamp(0, min.z, max.z) };
  }

}
