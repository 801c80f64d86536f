import { clientView, owner, playerOf, propDescriptor, ServerRoom } from '../testing/server-state';
import type { StateFramePayload } from '../types';
import { StateFrameError, StateMirror } from './state-mirror';

describe(StateMirror, () => {
  let world: ServerRoom;
  let mirror: StateMirror;

  beforeEach(() => {
    world = new ServerRoom();
    world.state.spawn('player', { x: 1, name: 'ann', items: [1, 2] }, owner(1));
    world.state.spawn('flag', { tags: ['a'] });
    world.delta();
    mirror = new StateMirror(propDescriptor);
    mirror.apply(world.keyframe());
  });

  describe('apply', () => {
    it('should refuse any delta before the first keyframe', () => {
      const fresh = new StateMirror(propDescriptor);
      expect(fresh.apply({ frame: 0, ops: [] })).toBeUndefined();
      expect(fresh.frame).toBe(-1);
    });

    it('should refuse a delta whose base is not its frame, changing nothing', () => {
      playerOf(world.state, 1).x = 5;
      world.delta();
      playerOf(world.state, 1).x = 6;
      const skipped = world.delta()!;
      const before = clientView(mirror);
      expect(mirror.apply(skipped)).toBeUndefined();
      expect(mirror.frame).toBe(1);
      expect(clientView(mirror)).toEqual(before);
    });

    // Records of entity 1 (player: x float, name string at bit 4, items list at bit 5), entity 2 a flag.
    it.each<[string, Partial<StateFramePayload>, string]>([
      ['ops that end inside a record', { ops: [1, 4] }, 'ops end inside a record'],
      ['a spawn of a type the kind lacks', { ops: [3, 1, 9] }, 'spawned with type 9'],
      ['a mask naming fields the type lacks', { ops: [1, (1 << 20) * 4] }, 'names fields'],
      ['an update of an entity the mirror lacks', { ops: [1, 4, 3, 6, 4, 1] }, 'update of entity 7'],
      ['more string values than strings', { ops: [1, (1 << 4) * 4], strings: [] }, 'more string values than strings'],
      ['strings left over', { ops: [1, 4, 1], strings: ['x'] }, '1 strings left over'],
      ['a despawn of the room', { ops: [0, 2] }, 'the room cannot be despawned'],
      ['a spawn of the room in a delta', { ops: [0, 1, 0] }, 'only in keyframes'],
      ['an entity spawned with the room type', { ops: [5, 1, 0] }, 'spawned with type 0'],
      ['a negative list length', { ops: [1, (1 << 5) * 4, -1] }, 'bad element count'],
      ['a keyframe without the room', { key: true, ops: [1, 1, 1] }, 'must describe the room'],
    ])('should throw on %s and leave the mirror as it was', (_, frame, message) => {
      const before = clientView(mirror);
      expect(() => mirror.apply({ frame: 2, ops: [], ...frame })).toThrow(StateFrameError);
      expect(() => mirror.apply({ frame: 2, ops: [], ...frame })).toThrow(message);
      expect(mirror.frame).toBe(1);
      expect(clientView(mirror)).toEqual(before);
    });

    it('should keep the stored integers and show decoded values (a float is q × precision, bit for bit)', () => {
      playerOf(world.state, 1).x = 0.3; // stored 3, shown 3 × 0.1
      mirror.apply(world.delta()!);
      expect(mirror.entities.get(1)!.x).toBe(3 * 0.1);
      expect(mirror.entities.get(1)!.x).toBe(playerOf(world.state, 1).x);
    });

    it('should show lists and maps as frozen values, replaced (not mutated) when they change', () => {
      const items = mirror.entities.get(1)!.items;
      expect(Object.isFrozen(items)).toBe(true);
      playerOf(world.state, 1).items = [3];
      mirror.apply(world.delta()!);
      expect(items).toEqual([1, 2]);
      expect(mirror.entities.get(1)!.items).toEqual([3]);
    });
  });

  describe('constructor', () => {
    it('should refuse a descriptor with a field type it cannot decode, naming the field', () => {
      const descriptor = { kind: 'k', types: [{ name: 'room', fields: [{ name: 'when', type: 'date' }] }] };
      expect(() => new StateMirror(descriptor)).toThrow('field "room.when" has type "date", which this SDK cannot decode');
    });
  });
});
