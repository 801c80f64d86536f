import { Module } from '@nestjs/common';
import { defineActions, type GameLogic, GameRoomKind, type PlayerRef, type RoomContext } from '../../src/game-api';
import { str } from '../../src/protocol';
import { defineState, t } from '../../src/state';

const squadState = defineState({ entities: { player: { x: t.float({ precision: 1 }) } } });
type SquadCtx = RoomContext<typeof squadState>;

/**
 * A room kind for matchmaking tests: 4 players, a `level` creation option its logic lists as
 * numeric metadata, and actions that lock, unlock and relist the room.
 */
@GameRoomKind('squad', {
  state: squadState,
  maxPlayers: 4,
  options: { level: str({ max: 3, pattern: /^[0-9]{1,3}$/, patternHint: 'be a whole number' }) },
})
export class SquadLogic implements GameLogic<typeof squadState> {
  readonly actions = defineActions<SquadCtx>()({
    lock: { run: (ctx) => ctx.lock() },
    unlock: { run: (ctx) => ctx.unlock() },
    /** `params.map` becomes the room's `map` metadata; `params.huge` tries a value over the limit. */
    relist: {
      params: { map: str({ min: 0, max: 32 }), huge: str({ max: 5, pattern: /^[0-9]+$/ }) },
      run: (ctx, _player, { params }) => ctx.setMetadata(params.huge ? { huge: 'x'.repeat(Number(params.huge)) } : { map: params.map ?? null }),
    },
  });

  onCreate(ctx: SquadCtx) {
    if (ctx.options.level) ctx.setMetadata({ level: Number(ctx.options.level) });
  }
  onJoin(ctx: SquadCtx, player: PlayerRef) {
    ctx.state.spawn('player', {}, player);
  }
  onLeave(ctx: SquadCtx, player: PlayerRef) {
    ctx.state.despawn(ctx.state.get(player.entityId)!);
  }
}

@Module({ providers: [SquadLogic] })
export class SquadModule {}
