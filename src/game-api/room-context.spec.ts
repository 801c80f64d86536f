import { defineActions, type GameLogic, GameRoomKind, type RoomContext } from './index';
import { GameRoomHarness } from './testing';
import { defineState } from '../state';

const state = defineState({ entities: {} });
type Ctx = RoomContext<typeof state>;

@GameRoomKind('listed', { state })
class ListedLogic implements GameLogic<typeof state> {
  readonly actions = defineActions<Ctx>()({});
  onCreate(ctx: Ctx) {
    ctx.setMetadata({ mode: 'ranked', level: 3 });
  }
  onJoin(ctx: Ctx) {
    if (ctx.players.size === 2) ctx.lock();
  }
  onLeave(ctx: Ctx) {
    ctx.unlock();
    ctx.setMetadata({ level: null, open: true });
  }
}

describe('LiveRoomContext', () => {
  describe('lock, unlock and setMetadata', () => {
    it('should change the listing: metadata merged, null removing a name, locked as the logic says', () => {
      const room = new GameRoomHarness(new ListedLogic());
      expect(room.listing).toEqual({ locked: false, metadata: { mode: 'ranked', level: 3 } });
      room.join('a');
      room.join('b');
      expect(room.listing.locked).toBe(true);
      room.leave('b');
      expect(room.listing).toEqual({ locked: false, metadata: { mode: 'ranked', open: true } });
    });

    it('should refuse a bad name or value with a TypeError that says what is allowed, and change nothing', () => {
      const room = new GameRoomHarness(new ListedLogic());
      expect(() => room.ctx.setMetadata({ 'bad name': 1 })).toThrow(/name "bad name" must match/);
      expect(() => room.ctx.setMetadata({ level: Number.NaN })).toThrow(/"level" must be a string .*a finite number/);
      expect(() => room.ctx.setMetadata({ text: 'x'.repeat(257) })).toThrow(/≤ 256 characters/);
      expect(() => room.ctx.setMetadata({ nested: {} as never })).toThrow(TypeError);
      expect(room.listing.metadata).toEqual({ mode: 'ranked', level: 3 });
    });
  });
});
