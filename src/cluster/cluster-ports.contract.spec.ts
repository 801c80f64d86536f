import { useRedisPair } from '../../test/support/redis-connections';
import { eventually } from '../../test/support/redis';
import type { RedisConnections } from '../redis';
import type { ClientRegistry } from './client-registry.port';
import { InMemoryClientRegistry, type RegistryTable } from './in-memory.client-registry';
import { InMemoryRoomLeases, type LeaseTable } from './in-memory.room-leases';
import { InMemoryRoomStateStore } from './in-memory.room-state-store';
import { RedisClientRegistry } from './redis.client-registry';
import { RedisRoomLeases } from './redis.room-leases';
import { RedisRoomStateStore } from './redis.room-state-store';
import type { RoomLeases } from './room-leases.port';
import type { RoomStateStore, StoredMember } from './room-state-store.port';

/**
 * The RoomLeases, ClientRegistry and RoomStateStore guarantees, held against every implementation
 * (in memory, a real redis-server and a 3-node Redis Cluster). Two instances, `a` and `b`, share one
 * store, as two gateways share one Redis.
 */
const redisPair = useRedisPair('cl:');

const LEASE_MS = 1000;
const TTL_MS = 1000;

interface Instance {
  leases: RoomLeases;
  clients: ClientRegistry;
  store: RoomStateStore;
}
/** `lose` deletes a client's entry behind the registry's back (the store lost it). */
type Make = () => { a: Instance; b: Instance; lose(clientId: string): Promise<void> };

const inMemory: Make = () => {
  const leases: LeaseTable = new Map();
  const registry: RegistryTable = { clients: new Map(), instances: new Map() };
  const states = new Map();
  const instance = (id: string): Instance => ({
    leases: new InMemoryRoomLeases(id, { roomLeaseMs: LEASE_MS }, leases),
    clients: new InMemoryClientRegistry(id, { clientTtlMs: TTL_MS }, registry),
    store: new InMemoryRoomStateStore(states),
  });
  return { a: instance('a'), b: instance('b'), lose: async (clientId) => void registry.clients.delete(clientId) };
};

const onRedis = (redis: () => RedisConnections): Make => () => {
  const tag = Math.random().toString(36).slice(2, 6);
  const instance = (id: string): Instance => ({
    leases: new RedisRoomLeases(redis(), `${id}-${tag}`, { roomLeaseMs: LEASE_MS }),
    clients: new RedisClientRegistry(redis(), `${id}-${tag}`, { clientTtlMs: TTL_MS }),
    store: new RedisRoomStateStore(redis()),
  });
  return { a: instance('a'), b: instance('b'), lose: async (clientId) => void (await redis().cmd.del(redis().key('client', clientId))) };
};

const implementations: [string, Make][] = [
  ['in memory', inMemory],
  ['Redis', onRedis(() => redisPair.standalone)],
  ['Redis Cluster', onRedis(() => redisPair.clustered)],
];

describe.each(implementations)('cluster ports (%s)', (_name, make) => {
  let n = 0;
  const unique = (what: string) => `${what}-${++n}-${Math.random().toString(36).slice(2, 6)}`;
  const idOf = (leases: RoomLeases) => (leases as unknown as { instanceId: string }).instanceId;

  describe('RoomLeases', () => {
    it('should give a free room to exactly one of several instances asking at once, and tell them all the same owner', async () => {
      const { a, b } = make();
      const room = unique('r');
      const owners = await Promise.all([a.leases.ownerOf(room), b.leases.ownerOf(room), a.leases.ownerOf(room), b.leases.ownerOf(room)]);
      expect(new Set(owners).size).toBe(1);
      expect([idOf(a.leases), idOf(b.leases)]).toContain(owners[0]);
    });

    it('should keep a renewed lease past its lifetime, and free it once its owner stops asking', async () => {
      const { a, b } = make();
      const room = unique('r');
      expect(await a.leases.ownerOf(room)).toBe(idOf(a.leases));
      // Renewed every tenth of its lifetime for two lifetimes: a stall of the loop up to ~0.9 s is harmless.
      const renewUntil = Date.now() + LEASE_MS * 2;
      while (Date.now() < renewUntil) {
        expect(await a.leases.ownerOf(room)).toBe(idOf(a.leases));
        expect(await b.leases.ownerOf(room)).toBe(idOf(a.leases));
        await new Promise((resolve) => setTimeout(resolve, LEASE_MS / 10));
      }
      await eventually(async () => (await b.leases.ownerOf(room)) === idOf(b.leases), 'b takes the expired lease', 5000, 50);
      expect(await a.leases.ownerOf(room)).toBe(idOf(b.leases));
    });

    it('should free a lease on release by its owner only', async () => {
      const { a, b } = make();
      const room = unique('r');
      await a.leases.ownerOf(room);
      await b.leases.release(room);
      expect(await b.leases.ownerOf(room)).toBe(idOf(a.leases));
      await a.leases.release(room);
      expect(await b.leases.ownerOf(room)).toBe(idOf(b.leases));
    });

    it('should answer the owner of many rooms at once, taking the free ones', async () => {
      const { a, b } = make();
      const [mine, theirs] = [unique('r'), unique('r')];
      await b.leases.ownerOf(theirs);
      const owners = await a.leases.ownersOf([mine, theirs]);
      expect(owners).toEqual(new Map([[mine, idOf(a.leases)], [theirs, idOf(b.leases)]]));
    });

    it('should tell who holds each lease without taking a free one', async () => {
      const { a, b } = make();
      const [free, theirs] = [unique('r'), unique('r')];
      await b.leases.ownerOf(theirs);
      expect(await a.leases.holdersOf([free, theirs])).toEqual(new Map([[free, undefined], [theirs, idOf(b.leases)]]));
      // Still free: the next instance asking takes it.
      expect(await b.leases.ownerOf(free)).toBe(idOf(b.leases));
    });
  });

  describe('ClientRegistry', () => {
    it('should locate the clients of the last sync on their instance, and forget a client the next sync lacks', async () => {
      const { a, b } = make();
      const [c1, c2] = [unique('c'), unique('c')];
      await a.clients.sync([c1, c2]);
      expect(await b.clients.locate(c1)).toBe(idOf(a.leases));
      expect(await b.clients.locate(c2)).toBe(idOf(a.leases));
      await a.clients.sync([c1]);
      expect(await b.clients.locate(c2)).toBeNull();
      expect(await b.clients.locate(unique('nobody'))).toBeNull();
    });

    it('should report an instance alive while it syncs, and its entries gone a lifetime after it stopped', async () => {
      const { a, b } = make();
      const c = unique('c');
      await a.clients.sync([c]);
      expect(await b.clients.alive([idOf(a.leases), idOf(b.leases)])).toEqual(new Set([idOf(a.leases)]));
      await eventually(async () => (await b.clients.alive([idOf(a.leases)]))?.size === 0, 'a no longer alive', 5000, 50);
      expect(await b.clients.locate(c)).toBeNull();
    });

    it('should give every caller the same moment an instance was first found dead, and nothing for a living one', async () => {
      const { a, b } = make();
      await a.clients.sync([]);
      const gone = unique('gone-instance');
      expect(await b.clients.deadSince([idOf(a.leases)], 1000)).toEqual(new Map());
      expect(await b.clients.deadSince([gone, idOf(a.leases)], 1000)).toEqual(new Map([[gone, 1000]]));
      expect(await a.clients.deadSince([gone], 5000)).toEqual(new Map([[gone, 1000]]));
    });

    it('should write every entry again on the sync after a reset', async () => {
      const { a, b, lose } = make();
      const c = unique('c');
      await a.clients.sync([c]);
      await lose(c);
      a.clients.reset();
      await a.clients.sync([c]);
      expect(await b.clients.locate(c)).toBe(idOf(a.leases));
    });
  });

  describe('RoomStateStore', () => {
    const member = (clientId: string, instanceId = 'a'): StoredMember => ({ clientId, playerId: `p-${clientId}`, nickname: 'n', entityId: 1, instanceId });

    it('should keep what addMember put and removeMember left, for every instance to read', async () => {
      const { a, b } = make();
      const room = unique('r');
      expect(await b.store.members(room)).toEqual([]);
      await a.store.addMember(room, member('c1'));
      await a.store.addMember(room, member('c2'));
      await a.store.addMember(room, member('c1', 'moved'));
      await a.store.removeMember(room, 'c2');
      expect(await b.store.members(room)).toEqual([member('c1', 'moved')]);
      expect([await b.store.hasMember(room, 'c1'), await b.store.hasMember(room, 'c2'), await b.store.hasMember(unique('r'), 'c1')]).toEqual([true, false, false]);
    });

    it('should save a snapshot that replaces the presence, load the last one, and forget both on delete', async () => {
      const { a, b } = make();
      const room = unique('r');
      expect(await b.store.load(room)).toBeNull();
      await a.store.addMember(room, member('gone'));
      const snapshot = { frameNum: 7, savedAt: 1000, nextEntityId: 3, state: { score: 2 }, members: [member('c1'), member('c2')] };
      await a.store.save(room, snapshot);
      expect(await b.store.load(room)).toEqual(snapshot);
      expect((await b.store.members(room)).map((m) => m.clientId).sort()).toEqual(['c1', 'c2']);
      await a.store.delete(room);
      expect(await b.store.load(room)).toBeNull();
      expect(await b.store.members(room)).toEqual([]);
    });
  });
});
