import { defineActions, GameRoomKind } from '../game-api';
import { kindRegistry } from '../game-api/testing';
import { defineState } from '../state';
import { KeyframeNeed, Room, type RoomActivity } from './room';

@GameRoomKind('test', { state: defineState({}) })
class Noop {
  readonly actions = defineActions()({ a: { run: () => undefined }, b: { run: () => undefined }, c: { run: () => undefined } });
  onJoin(): void {}
  onLeave(): void {}
}
const kind = kindRegistry([new Noop()]).get('test');

describe(Room.name, () => {
  let active: Set<Room>;
  let room: Room;
  const activity: RoomActivity = { activated: (r) => active.add(r), settled: (r) => active.delete(r) };

  beforeEach(() => {
    active = new Set();
    room = new Room('r', kind, {}, activity, 50);
  });

  describe('enqueue', () => {
    it('should queue in arrival order, activate the room, and refuse past the limit with RATE_LIMITED', () => {
      const member = room.addMember('c', 'p', 'n', 2);
      room.enqueue(member, { action: 'a' }, undefined, 2);
      room.enqueue(member, { action: 'b' }, undefined, 2);
      expect(() => room.enqueue(member, { action: 'c' }, undefined, 2)).toThrow(expect.objectContaining({ code: 'RATE_LIMITED' }));
      expect(active.has(room)).toBe(true);
      expect(room.takeActions().map((q) => q.action.action)).toEqual(['a', 'b']);
      expect(room.takeActions()).toEqual([]);
    });
  });

  it("should take the kind's own bound on queued actions over ROOM_MAX_QUEUED_ACTIONS", () => {
    @GameRoomKind('big', { state: defineState({}), maxQueuedActions: 3 })
    class Big extends Noop {}
    const big = new Room('b', kindRegistry([new Big()]).get('big'), {}, activity, 50);
    const member = big.addMember('c', 'p', 'n', 2);
    for (const action of ['a', 'b', 'c']) big.enqueue(member, { action }, undefined, 1);
    expect(() => big.enqueue(member, { action: 'a' }, undefined, 1000)).toThrow(expect.objectContaining({ code: 'RATE_LIMITED' }));
  });

  describe('settle', () => {
    it('should leave the active set once nothing is queued, changed or ticking, and come back on the next change', () => {
      room.markChanged();
      expect(room.takeChanged()).toBe(true);
      expect(room.settle(true)).toBe(true);
      expect(room.settle(false)).toBe(false);
      expect(active.size).toBe(0);
      room.markChanged();
      expect(active.has(room)).toBe(true);
      expect(room.settle(false)).toBe(true); // the change is still to be published
    });
  });

  describe('nextFrame', () => {
    it('should number frames 1, 2, … and go on after a takeover without going backwards, owing everyone a keyframe', () => {
      expect([room.nextFrame(), room.nextFrame()]).toEqual([1, 2]);
      room.continueFrom(10);
      room.continueFrom(4);
      expect(room.nextFrame()).toBe(11);
      expect(room.takeKeyframeNeed()).toBe(KeyframeNeed.All);
    });
  });

  describe('stop', () => {
    it('should take the room out of the tick loop for good', () => {
      room.markChanged();
      room.stop();
      expect(active.size).toBe(0);
      expect(room.takeChanged()).toBe(false);
    });
  });
});
