import { Inject } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ErrorCode, GameError, type GameActionPayload, type Vec3 } from '../../protocol';
import { type GameLogic, GameRoomKind, type PlayerRef, type PlayerView, type TickClock } from '../../game-api';
import { arenaConfig } from './arena.config';

interface Fighter {
  readonly ref: PlayerRef;
  position: Vec3;
  velocity: Vec3;
  health: number;
  score: number;
  /** When the last move was applied (ms), to derive velocity. */
  lastMoveAt: number;
  /** Velocity is non-zero and must be zeroed on the first tick without a move. */
  moving: boolean;
  movedThisTick: boolean;
}

/** A fighter as `serialize` writes it: plain data, its player by id. */
type SerializedFighter = Omit<Fighter, 'ref'> & { playerId: string };

export interface ArenaState {
  readonly fighters: Map<string, Fighter>;
  readonly byEntity: Map<number, Fighter>;
}

export const ArenaAction = { Move: 'move', Attack: 'attack' } as const;

const ZERO = (): Vec3 => ({ x: 0, y: 0, z: 0 });
/** π(3 − √5): successive multiples never line up, so spawn angles stay spread for any player count. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const clamp = (v: number, min: number, max: number) => (v < min ? min : v > max ? max : v);

/**
 * The default room kind: free movement in a box, melee attacks, score.
 * - `move {position}`: position clamped to ARENA_BOUNDS; velocity = displacement / time since the
 *   previous move (at least one tick), zeroed on the first tick without a move.
 * - `attack {target_id}`: hits the player with that entity id if within ARENA_ATTACK_RANGE:
 *   −ARENA_ATTACK_DAMAGE health, +ARENA_HIT_SCORE for the attacker; at 0 health the attacker gets
 *   ARENA_KILL_SCORE more and the target respawns with full health.
 * - Spawns: on a ring of ARENA_SPAWN_RADIUS around the centre, at an angle from the player's entity
 *   id (golden-angle steps, so any number of players stand apart), clamped into the bounds.
 */
@GameRoomKind('arena')
export class ArenaLogic implements GameLogic<ArenaState> {
  constructor(@Inject(arenaConfig.KEY) private readonly config: ConfigType<typeof arenaConfig>) {}

  createState(): ArenaState {
    return { fighters: new Map(), byEntity: new Map() };
  }

  onJoin(state: ArenaState, player: PlayerRef, clock: TickClock): void {
    const fighter: Fighter = {
      ref: player,
      position: this.spawnPoint(player.entityId),
      velocity: ZERO(),
      health: this.config.maxHealth,
      score: 0,
      lastMoveAt: clock.now,
      moving: false,
      movedThisTick: false,
    };
    state.fighters.set(player.playerId, fighter);
    state.byEntity.set(player.entityId, fighter);
  }

  onLeave(state: ArenaState, player: PlayerRef): void {
    state.fighters.delete(player.playerId);
    state.byEntity.delete(player.entityId);
  }

  onAction(state: ArenaState, player: PlayerRef, action: GameActionPayload, clock: TickClock): void {
    const fighter = state.fighters.get(player.playerId);
    if (!fighter) throw new GameError(ErrorCode.NotInRoom, 'not a player of this room');
    switch (action.action) {
      case ArenaAction.Move:
        return this.move(fighter, action, clock);
      case ArenaAction.Attack:
        return this.attack(state, fighter, action);
      default:
        throw new GameError(ErrorCode.InvalidPayload, `unknown action "${action.action}"; arena knows move, attack`);
    }
  }

  onTick(state: ArenaState): { changed: boolean; keepTicking: boolean } {
    let changed = false;
    let keepTicking = false;
    for (const fighter of state.fighters.values()) {
      if (fighter.movedThisTick) {
        fighter.movedThisTick = false;
        keepTicking = true; // zero its velocity next tick unless it moves again
      } else if (fighter.moving) {
        fighter.velocity = ZERO();
        fighter.moving = false;
        changed = true;
      }
    }
    return { changed, keepTicking };
  }

  snapshot(state: ArenaState): PlayerView[] {
    const views: PlayerView[] = [];
    for (const f of state.fighters.values()) {
      views.push({ player_id: f.ref.playerId, position: f.position, velocity: f.velocity, health: f.health, score: f.score });
    }
    return views;
  }

  serialize(state: ArenaState): SerializedFighter[] {
    return [...state.fighters.values()].map(({ ref, ...rest }) => ({ ...rest, playerId: ref.playerId }));
  }

  restore(data: unknown, players: readonly PlayerRef[]): ArenaState {
    const state = this.createState();
    const refs = new Map(players.map((player) => [player.playerId, player]));
    for (const { playerId, ...rest } of data as SerializedFighter[]) {
      const ref = refs.get(playerId);
      if (!ref) continue; // left while the snapshot was in flight
      const fighter: Fighter = { ...rest, ref };
      state.fighters.set(playerId, fighter);
      state.byEntity.set(ref.entityId, fighter);
    }
    return state;
  }

  private move(fighter: Fighter, action: GameActionPayload, clock: TickClock): void {
    if (!action.position) throw new GameError(ErrorCode.InvalidPayload, 'move needs payload.position {x, y, z}');
    const { min, max } = this.config.bounds;
    const to = {
      x: clamp(action.position.x ?? 0, min.x, max.x),
      y: clamp(action.position.y ?? 0, min.y, max.y),
      z: clamp(action.position.z ?? 0, min.z, max.z),
    };
    const seconds = Math.max(clock.now - fighter.lastMoveAt, clock.tickMs) / 1000;
    const from = fighter.position;
    fighter.velocity = { x: (to.x - from.x) / seconds, y: (to.y - from.y) / seconds, z: (to.z - from.z) / seconds };
    fighter.position = to;
    fighter.lastMoveAt = clock.now;
    fighter.moving = true;
    fighter.movedThisTick = true;
  }

  private attack(state: ArenaState, attacker: Fighter, action: GameActionPayload): void {
    const target = action.target_id ? state.byEntity.get(action.target_id) : undefined;
    if (!target) throw new GameError(ErrorCode.InvalidPayload, `attack needs payload.target_id of a player in the room`);
    if (target === attacker) throw new GameError(ErrorCode.InvalidPayload, 'a player cannot attack itself');
    const dx = target.position.x - attacker.position.x;
    const dy = target.position.y - attacker.position.y;
    const dz = target.position.z - attacker.position.z;
    if (dx * dx + dy * dy + dz * dz > this.config.attackRange ** 2) return; // a miss: applied, no effect
    target.health = Math.max(0, target.health - this.config.attackDamage);
    attacker.score += this.config.hitScore;
    if (target.health === 0) {
      attacker.score += this.config.killScore;
      target.health = this.config.maxHealth;
      target.position = this.spawnPoint(target.ref.entityId);
      target.velocity = ZERO();
    }
  }

  private spawnPoint(entityId: number): Vec3 {
    const { min, max } = this.config.bounds;
    const radius = this.config.spawnRadius ?? 0;
    const angle = entityId * GOLDEN_ANGLE;
    // `+ 0` turns a -0 (radius 0, negative cosine) into 0: positions go on the wire and into tests.
    const x = Math.round(radius * Math.cos(angle)) + 0;
    const y = Math.round(radius * Math.sin(angle)) + 0;
    return { x: clamp(x, min.x, max.x), y: clamp(y, min.y, max.y), z: clamp(0, min.z, max.z) };
  }
}
