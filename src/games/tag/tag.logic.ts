import { Inject } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ErrorCode, GameError } from '../../protocol';
import { defineActions, type GameLogic, GameRoomKind, type PlayerRef, type RoomContext } from '../../game-api';
import type { Entity } from '../../state';
import { tagConfig } from './tag.config';
import { tagState } from './tag.state';

type Ctx = RoomContext<typeof tagState>;
type Runner = Entity<(typeof tagState)['decl'], 'player'>;

export const TagAction = { Move: 'move', Tag: 'tag' } as const;

const clamp = (v: number, limit: number) => (v < -limit ? -limit : v > limit ? limit : v);

/**
 * Tag: one player is "it" and tags others by coming within TAG_RANGE; the tagged player becomes
 * "it". An example of a room kind that a backend team adds without touching the core.
 * - The first player to join is "it"; if "it" leaves, the longest-present player takes over.
 * - `move {position}`: position clamped to the field.
 * - `tag {target_id}`: only "it" may tag, not within TAG_COOLDOWN_MS of becoming "it"; a target
 *   out of range is a miss (applied, no effect). A hit scores 1 for the tagger.
 * - v2 clients see `it` as a field of the player; v1 clients (whose `sync` has no such field) see
 *   `health` 1 for the player who is "it" and 0 for everyone else.
 */
@GameRoomKind('tag', { state: tagState, v1: { type: 'player', position: ['x', 'y'], health: 'it', score: 'score' } })
export class TagLogic implements GameLogic<typeof tagState> {
  readonly actions = defineActions<Ctx>()({
    [TagAction.Move]: {
      position: 'required',
      run: (ctx, player, { position }) => {
        const runner = this.runner(ctx, player);
        runner.x = clamp(position.x, this.config.fieldSize);
        runner.y = clamp(position.y, this.config.fieldSize);
      },
    },
    [TagAction.Tag]: { target: 'required', run: (ctx, player, { target }) => this.tag(ctx, this.runner(ctx, player), target) },
  });

  constructor(@Inject(tagConfig.KEY) private readonly config: ConfigType<typeof tagConfig>) {}

  onJoin(ctx: Ctx, player: PlayerRef): void {
    const runner = ctx.state.spawn('player', {}, player);
    if (!this.it(ctx)) runner.it = true;
  }

  onLeave(ctx: Ctx, player: PlayerRef): void {
    const runner = ctx.state.get(player.entityId);
    if (!runner) return;
    ctx.state.despawn(runner);
    if (!runner.it) return;
    // The longest-present player becomes "it" (ctx.players is in join order).
    for (const next of ctx.players.values()) {
      const candidate = ctx.state.get(next.entityId);
      if (candidate) {
        candidate.it = true;
        ctx.state.room.canTagAt = 0;
        return;
      }
    }
  }

  private it(ctx: Ctx): Runner | undefined {
    for (const runner of ctx.state.ofType('player')) if (runner.it) return runner;
    return undefined;
  }

  private runner(ctx: Ctx, player: PlayerRef): Runner {
    const runner = ctx.state.get(player.entityId);
    if (!runner) throw new GameError(ErrorCode.NotInRoom, 'not a player of this room');
    return runner;
  }

  private tag(ctx: Ctx, tagger: Runner, targetId: number): void {
    if (!tagger.it) throw new GameError(ErrorCode.InvalidPayload, 'only the player who is "it" can tag');
    const wait = ctx.state.room.canTagAt - ctx.clock.now;
    if (wait > 0) throw new GameError(ErrorCode.InvalidPayload, `no tag-backs: wait ${wait} ms`);
    const target = ctx.state.get(targetId);
    if (!target || target === tagger) throw new GameError(ErrorCode.InvalidPayload, 'tag needs payload.target_id of another player');
    const dx = target.x - tagger.x;
    const dy = target.y - tagger.y;
    if (dx * dx + dy * dy > this.config.tagRange ** 2) return; // a miss
    tagger.score += 1;
    tagger.it = false;
    target.it = true;
    ctx.state.room.canTagAt = ctx.clock.now + this.config.cooldownMs;
  }
}
