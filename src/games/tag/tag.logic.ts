import { Inject } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ErrorCode, type GameActionPayload, GameError, type Vec3 } from '../../protocol';
import { GameRoomKind, type GameLogic, type PlayerRef, type PlayerView, type TickClock } from '../../game-api';
import { tagConfig } from './tag.config';

interface Runner {
  readonly ref: PlayerRef;
  position: Vec3;
  score: number;
}

export interface TagState {
  /** Join order: when "it" leaves, the longest-present player becomes "it". */
  readonly runners: Map<string, Runner>;
  readonly byEntity: Map<number, Runner>;
  it: Runner | undefined;
  /** Server time before which the current "it" cannot tag. */
  canTagAt: number;
}

export const TagAction = { Move: 'move', Tag: 'tag' } as const;

const clamp = (v: number, limit: number) => (v < -limit ? -limit : v > limit ? limit : v);

/**
 * Tag: one player is "it" and tags others by coming within TAG_RANGE; the tagged player becomes
 * "it". An example of a room kind that a backend team adds without touching the core.
 * - The first player to join is "it"; if "it" leaves, the longest-present player takes over.
 * - `move {position}`: position clamped to the field (z is always 0).
 * - `tag {target_id}`: only "it" may tag, not within TAG_COOLDOWN_MS of becoming "it"; a target
 *   out of range is a miss (applied, no effect). A hit scores 1 for the tagger.
 * - In the snapshot, `health` is 1 for the player who is "it" and 0 for everyone else (the
 *   contract's snapshot has no game-specific fields; a game proto could add them).
 */
@GameRoomKind('tag')
export class TagLogic implements GameLogic<TagState> {
  constructor(@Inject(tagConfig.KEY) private readonly config: ConfigType<typeof tagConfig>) {}

  createState(): TagState {
    return { runners: new Map(), byEntity: new Map(), it: undefined, canTagAt: 0 };
  }

  onJoin(state: TagState, player: PlayerRef): void {
    const runner: Runner = { ref: player, position: { x: 0, y: 0, z: 0 }, score: 0 };
    state.runners.set(player.playerId, runner);
    state.byEntity.set(player.entityId, runner);
    state.it ??= runner;
  }

  onLeave(state: TagState, player: PlayerRef): void {
    const runner = state.runners.get(player.playerId);
    state.runners.delete(player.playerId);
    state.byEntity.delete(player.entityId);
    if (state.it === runner) {
      state.it = state.runners.values().next().value;
      state.canTagAt = 0;
    }
  }

  onAction(state: TagState, player: PlayerRef, action: GameActionPayload, clock: TickClock): void {
    const runner = state.runners.get(player.playerId);
    if (!runner) throw new GameError(ErrorCode.NotInRoom, 'not a player of this room');
    switch (action.action) {
      case TagAction.Move:
        if (!action.position) throw new GameError(ErrorCode.InvalidPayload, 'move needs payload.position {x, y}');
        runner.position = {
          x: clamp(action.position.x ?? 0, this.config.fieldSize),
          y: clamp(action.position.y ?? 0, this.config.fieldSize),
          z: 0,
        };
        return;
      case TagAction.Tag:
        return this.tag(state, runner, action, clock);
      default:
        throw new GameError(ErrorCode.InvalidPayload, `unknown action "${action.action}"; tag knows move, tag`);
    }
  }

  snapshot(state: TagState): PlayerView[] {
    const zero = { x: 0, y: 0, z: 0 };
    return [...state.runners.values()].map((r) => ({
      player_id: r.ref.playerId,
      position: r.position,
      velocity: zero,
      health: state.it === r ? 1 : 0,
      score: r.score,
    }));
  }

  private tag(state: TagState, tagger: Runner, action: GameActionPayload, clock: TickClock): void {
    if (state.it !== tagger) throw new GameError(ErrorCode.InvalidPayload, 'only the player who is "it" can tag');
    if (clock.now < state.canTagAt) {
      throw new GameError(ErrorCode.InvalidPayload, `no tag-backs: wait ${state.canTagAt - clock.now} ms`);
    }
    const target = action.target_id ? state.byEntity.get(action.target_id) : undefined;
    if (!target || target === tagger) throw new GameError(ErrorCode.InvalidPayload, 'tag needs payload.target_id of another player');
    const dx = target.position.x - tagger.position.x;
    const dy = target.position.y - tagger.position.y;
    if (dx * dx + dy * dy > this.config.tagRange ** 2) return; // a miss
    tagger.score += 1;
    state.it = target;
    state.canTagAt = clock.now + this.config.cooldownMs;
  }
}
