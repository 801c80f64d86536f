import { useRedisPair } from '../../test/support/redis-connections';
import type { RedisConnections } from '../redis';
import { type DirectoryTable, InMemoryRoomDirectory } from './in-memory.room-directory';
import { RedisRoomDirectory } from './redis.room-directory';
import type { DirectorySettings, NewRoom, RoomDirectory } from './room-directory.port';

/**
 * The RoomDirectory guarantees, held against every implementation (in memory, a real
 * redis-server and a 3-node Redis Cluster). Two instances, `a` and `b`, share one directory, as
 * two gateways share one Redis; time is the test's clock, moved by hand.
 */
const redisPair = useRedisPair('mm:');

const RESERVATION_MS = 1000;
type Make = (clock: { now: number }) => { a: RoomDirectory; b: RoomDirectory };

const settings = (clock: { now: number }): DirectorySettings => ({ reservationTimeoutMs: RESERVATION_MS, maxMetadataBytes: 200, now: () => clock.now });

const inMemory: Make = (clock) => {
  const table: DirectoryTable = new Map();
  return { a: new InMemoryRoomDirectory(settings(clock), table), b: new InMemoryRoomDirectory(settings(clock), table) };
};
const onRedis = (redis: () => RedisConnections): Make => (clock) => ({
  a: new RedisRoomDirectory(redis(), settings(clock)),
  b: new RedisRoomDirectory(redis(), settings(clock)),
});

const implementations: [string, Make][] = [
  ['in memory', inMemory],
  ['Redis', onRedis(() => redisPair.standalone)],
  ['Redis Cluster', onRedis(() => redisPair.clustered)],
];

describe.each(implementations)('RoomDirectory (%s)', (_name, make) => {
  let n = 0;
  /** A kind of this test's own, so that tests sharing a store never see each other's rooms. */
  const freshKind = () => `k${++n}-${Math.random().toString(36).slice(2, 6)}`;
  let clock: { now: number };
  let a: RoomDirectory;
  let b: RoomDirectory;
  beforeEach(() => {
    clock = { now: 1_000_000 };
    ({ a, b } = make(clock));
  });
  const newRoom = (kind: string, maxClients: number, extra: Partial<NewRoom> = {}): NewRoom => ({
    roomId: `${kind}-${++n}`,
    kind,
    maxClients,
    metadata: {},
    ...extra,
  });
  const fills = async (directory: RoomDirectory, kind: string) =>
    Object.fromEntries((await directory.list({ kind, includePrivate: true })).rooms.map((room) => [room.roomId, room.clients]));

  describe('reserve', () => {
    it('should create a room when none matches, then fill the fullest open room before creating another', async () => {
      const kind = freshKind();
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) {
        const directory = i % 2 ? b : a;
        const { roomId, created } = await directory.reserve({ kind, filters: {}, clientId: `c${i}`, create: newRoom(kind, 3) });
        expect(created).toBe(i % 3 === 0);
        ids.push(roomId);
      }
      expect(new Set(ids).size).toBe(3);
      expect(Object.values(await fills(a, kind)).sort()).toEqual([1, 3, 3]);
    });

    // The atomicity guarantee. Checked to fail with `reserve` split into a read (LIST_LUA) and a
    // write in a second round trip, so that reservations could read the same state in between:
    // on Redis all 40 created a room of their own, on the Cluster one room was promised to all 40.
    it('should never promise more seats than a room has, nor create a room while one has a free seat, with 40 reservations at once from two instances', async () => {
      const kind = freshKind();
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 ? b : a).reserve({ kind, filters: { mode: 'duo' }, clientId: `c${i}`, create: newRoom(kind, 4, { metadata: { mode: 'duo' } }) })),
      );
      expect(results.filter((r) => r.created)).toHaveLength(10);
      const rooms = await fills(b, kind);
      expect(Object.values(rooms)).toEqual(Array(10).fill(4));
      const perRoom = new Map<string, number>();
      for (const { roomId } of results) perRoom.set(roomId, (perRoom.get(roomId) ?? 0) + 1);
      expect([...perRoom.values()]).toEqual(Array(10).fill(4));
    });

    it('should pass by locked, private, full and non-matching rooms, and match equalities and numeric ranges', async () => {
      const kind = freshKind();
      const seat = (directory: RoomDirectory, room: NewRoom, clientId: string) => directory.create(room, clientId);
      const locked = newRoom(kind, 4, { metadata: { mode: 'ranked', level: 15 } });
      const hidden = newRoom(kind, 4, { metadata: { mode: 'ranked', level: 15 }, private: true });
      const full = newRoom(kind, 1, { metadata: { mode: 'ranked', level: 15 } });
      const casual = newRoom(kind, 4, { metadata: { mode: 'casual', level: 15 } });
      const low = newRoom(kind, 4, { metadata: { mode: 'ranked', level: 3 } });
      const right = newRoom(kind, 4, { metadata: { mode: 'ranked', level: 12, region: 'eu' } });
      for (const room of [locked, hidden, full, casual, low, right]) await seat(a, room, 'owner');
      expect(await b.relist(kind, locked.roomId, { locked: true }, 4)).toBe(true);
      const filters = { mode: 'ranked', level: { min: 10, max: 20 } };
      const found = await b.reserve({ kind, filters, clientId: 'joiner', create: newRoom(kind, 4) });
      expect(found).toEqual({ roomId: right.roomId, created: false });
      // A number never equals a string, and a range never matches a string value.
      const other = await a.reserve({ kind, filters: { level: '12' }, clientId: 'j2', create: newRoom(kind, 4) });
      expect(other.created).toBe(true);
    });

    it('should prefer the fuller of two matching rooms, the lower id on a tie', async () => {
      const kind = freshKind();
      const [r1, r2] = [newRoom(kind, 5, { roomId: `${kind}-b` }), newRoom(kind, 5, { roomId: `${kind}-a` })];
      await a.create(r1, 'x1');
      await a.create(r2, 'y1');
      expect((await b.reserve({ kind, filters: {}, clientId: 'j1', create: newRoom(kind, 5) })).roomId).toBe(r2.roomId);
      expect((await b.reserve({ kind, filters: {}, clientId: 'j2', create: newRoom(kind, 5) })).roomId).toBe(r2.roomId);
      await a.seated(kind, r1.roomId, 'x2', 5);
      await a.seated(kind, r1.roomId, 'x3', 5);
      await a.seated(kind, r1.roomId, 'x4', 5);
      expect((await b.reserve({ kind, filters: {}, clientId: 'j3', create: newRoom(kind, 5) })).roomId).toBe(r1.roomId);
    });
  });

  describe('reservations', () => {
    it('should free a reservation not taken within the timeout, and forget a room whose creator never arrived', async () => {
      const kind = freshKind();
      const room = newRoom(kind, 2);
      await a.create(room, 'creator');
      await a.reserve({ kind, filters: {}, clientId: 'slow', create: newRoom(kind, 2) });
      expect(await fills(b, kind)).toEqual({ [room.roomId]: 2 });
      clock.now += RESERVATION_MS - 1;
      expect(await fills(b, kind)).toEqual({ [room.roomId]: 2 });
      await a.seated(kind, room.roomId, 'creator', 2);
      clock.now += 1;
      expect(await fills(b, kind)).toEqual({ [room.roomId]: 1 });
      await a.unseated(kind, room.roomId, 'creator');
      expect(await fills(b, kind)).toEqual({});
    });

    it('should turn a reservation into a member once (seated is idempotent), and free a released one at once', async () => {
      const kind = freshKind();
      const room = newRoom(kind, 3);
      await a.create(room, 'c1');
      await b.reserve({ kind, filters: {}, clientId: 'c2', create: newRoom(kind, 3) });
      await a.seated(kind, room.roomId, 'c1', 3);
      await a.seated(kind, room.roomId, 'c1', 3);
      expect(await fills(b, kind)).toEqual({ [room.roomId]: 2 });
      await b.release(kind, room.roomId, 'c2');
      expect(await fills(b, kind)).toEqual({ [room.roomId]: 1 });
      clock.now += RESERVATION_MS * 2;
      expect(await fills(b, kind)).toEqual({ [room.roomId]: 1 });
    });

    it('should list a room that a join by id created, with its kind\'s max and no metadata', async () => {
      const kind = freshKind();
      await a.seated(kind, `${kind}-byid`, 'c1', 8);
      expect((await b.list({ kind })).rooms).toEqual([{ roomId: `${kind}-byid`, kind, clients: 1, maxClients: 8, metadata: {}, locked: false, private: false }]);
    });

    it('should remove a closed room, but keep its listing while a joiner on its way holds a reservation', async () => {
      const kind = freshKind();
      const room = newRoom(kind, 3, { metadata: { mode: 'x' } });
      await a.create(room, 'c1');
      await a.seated(kind, room.roomId, 'c1', 3);
      await b.reserve({ kind, filters: { mode: 'x' }, clientId: 'c2', create: newRoom(kind, 3) });
      await a.unseated(kind, room.roomId, 'c1');
      await a.closed(kind, room.roomId);
      expect((await b.list({ kind })).rooms).toEqual([expect.objectContaining({ roomId: room.roomId, clients: 1, metadata: { mode: 'x' } })]);
      await b.release(kind, room.roomId, 'c2');
      expect((await b.list({ kind })).total).toBe(0);
    });
  });

  describe('relist', () => {
    it('should merge metadata (null removes a name) and lock and unlock', async () => {
      const kind = freshKind();
      const room = newRoom(kind, 4, { metadata: { mode: 'ranked', map: 'dust' } });
      await a.create(room, 'c1');
      expect(await b.relist(kind, room.roomId, { metadata: { level: 7, map: null, open: true } }, 4)).toBe(true);
      expect(await b.relist(kind, room.roomId, { locked: true }, 4)).toBe(true);
      expect((await a.list({ kind })).rooms[0]).toEqual(expect.objectContaining({ metadata: { mode: 'ranked', level: 7, open: true }, locked: true }));
      await b.relist(kind, room.roomId, { locked: false }, 4);
      expect((await a.list({ kind })).rooms[0].locked).toBe(false);
    });

    it('should refuse metadata that would grow past the limit, and change nothing', async () => {
      const kind = freshKind();
      const room = newRoom(kind, 4, { metadata: { mode: 'ranked' } });
      await a.create(room, 'c1');
      expect(await b.relist(kind, room.roomId, { metadata: { text: 'x'.repeat(190) }, locked: true }, 4)).toBe(false);
      expect((await a.list({ kind })).rooms[0]).toEqual(expect.objectContaining({ metadata: { mode: 'ranked' }, locked: false }));
    });
  });

  describe('list', () => {
    it('should list rooms of one kind or of every kind, by filters, without private rooms unless asked, a page at a time', async () => {
      const [k1, k2] = [freshKind(), freshKind()];
      for (let i = 0; i < 5; i++) await a.create(newRoom(k1, 4, { roomId: `${k1}-${i}`, metadata: { level: i } }), 'c');
      await a.create(newRoom(k2, 4, { roomId: `${k2}-p`, private: true }), 'c');
      await a.create(newRoom(k2, 4, { roomId: `${k2}-q` }), 'c');
      const page1 = await b.list({ kind: k1, filters: { level: { min: 1 } }, pageSize: 3 });
      expect(page1.total).toBe(4);
      expect(page1.rooms.map((r) => r.roomId)).toEqual([`${k1}-1`, `${k1}-2`, `${k1}-3`]);
      const page2 = await b.list({ kind: k1, filters: { level: { min: 1 } }, pageSize: 3, page: 1 });
      expect(page2.rooms.map((r) => r.roomId)).toEqual([`${k1}-4`]);
      expect((await b.list({ kind: k2 })).rooms.map((r) => r.roomId)).toEqual([`${k2}-q`]);
      expect((await b.list({ kind: k2, includePrivate: true })).rooms.map((r) => r.roomId)).toEqual([`${k2}-p`, `${k2}-q`]);
      const everything = (await b.list({ pageSize: 1000 })).rooms.map((r) => r.roomId);
      expect(everything).toEqual(expect.arrayContaining([`${k1}-0`, `${k2}-q`]));
      expect(everything).not.toContain(`${k2}-p`);
    });
  });
});
