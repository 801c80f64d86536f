import { useRedisPair } from '../../test/support/redis-connections';
import { eventually } from '../../test/support/redis';
import type { DedupWindow } from './dedup-window.port';
import { InMemoryDedupWindow } from './in-memory.dedup-window';
import { InMemorySessionStore } from './in-memory.session-store';
import { RedisDedupWindow } from './redis.dedup-window';
import { RedisSessionStore } from './redis.session-store';
import type { DetachedSession, SessionStore } from './session-store.port';

/** The SessionStore and DedupWindow guarantees, held against every implementation (a real redis-server and a 3-node Redis Cluster). */
const redisPair = useRedisPair();

const DEDUP_MS = 600;
const implementations: [string, () => { store: SessionStore; dedup: DedupWindow }][] = [
  ['in memory', () => ({ store: new InMemorySessionStore(), dedup: new InMemoryDedupWindow({ dedupWindowSize: 1000, dedupWindowMs: DEDUP_MS } as never) })],
  ['Redis', () => ({ store: new RedisSessionStore(redisPair.standalone, { resumeGraceMs: 60000, slackMs: 1000, liveTtlMs: 60000 }), dedup: new RedisDedupWindow(redisPair.standalone, { dedupWindowMs: DEDUP_MS }) })],
  ['Redis Cluster', () => ({ store: new RedisSessionStore(redisPair.clustered, { resumeGraceMs: 60000, slackMs: 1000, liveTtlMs: 60000 }), dedup: new RedisDedupWindow(redisPair.clustered, { dedupWindowMs: DEDUP_MS }) })],
];

describe.each(implementations)('session ports (%s)', (_name, make) => {
  let n = 0;
  const unique = (what: string) => `${what}-${++n}-${Math.random().toString(36).slice(2, 6)}`;
  const session = (sessionId: string, detachedAt: number): DetachedSession => ({
    sessionId,
    clientId: `c-${sessionId}`,
    playerId: 'p',
    rooms: [{ roomId: 'r', epoch: 'e1' }],
    detachedAt,
  });

  describe('SessionStore', () => {
    it('should hand a parked session out once, with everything it held', async () => {
      const { store } = make();
      const id = unique('s');
      await store.park(session(id, 5));
      expect(await store.take(id)).toEqual(session(id, 5));
      expect(await store.take(id)).toBeUndefined();
    });

    it('should replace a session parked again under the same id', async () => {
      const { store } = make();
      const id = unique('s');
      await store.park(session(id, 5));
      await store.park({ ...session(id, 6), rooms: [] });
      expect(await store.take(id)).toEqual(expect.objectContaining({ detachedAt: 6, rooms: [] }));
    });

    it('should hand each expired session to exactly one of several concurrent takers', async () => {
      const { store } = make();
      const ids = [unique('x'), unique('x'), unique('x')];
      // Far in the past, so that other tests' sessions sharing the store are not in the way.
      for (const id of ids) await store.park(session(id, 10));
      const later = unique('later');
      await store.park(session(later, 1e15));
      const results = await Promise.all([store.takeExpired(100), store.takeExpired(100), store.take(ids[0])]);
      const handedOut = [...results[0], ...results[1], ...(results[2] ? [results[2]] : [])].map((s) => s.sessionId);
      expect(handedOut.sort()).toEqual([...ids].sort());
      expect(await store.take(later)).toEqual(expect.objectContaining({ sessionId: later }));
    });

    it("should hand a connected session's record to at most one taker, and only while it names that instance", async () => {
      const { store } = make();
      const id = unique('live');
      const { detachedAt: _, ...rest } = session(id, 0);
      const live = { ...rest, instanceId: 'i-dead' };
      await store.track(live);
      expect(await store.live(id)).toEqual(live);
      expect(await store.takeLive(id, 'i-other')).toBeUndefined();
      const takers = await Promise.all([store.takeLive(id, 'i-dead'), store.takeLive(id, 'i-dead')]);
      expect(takers.filter(Boolean)).toEqual([live]);
      expect(await store.live(id)).toBeUndefined();
    });

    it('should drop the live record when the session is parked or forgotten', async () => {
      const { store } = make();
      const [a, b] = [unique('live'), unique('live')];
      for (const id of [a, b]) await store.track({ sessionId: id, clientId: `c-${id}`, rooms: [], instanceId: 'i' });
      await store.park(session(a, 5));
      await store.forget(b);
      expect(await store.live(a)).toBeUndefined();
      expect(await store.live(b)).toBeUndefined();
      expect(await store.take(a)).toEqual(session(a, 5));
    });
  });

  describe('DedupWindow', () => {
    it('should grant an id once per session, also to concurrent claims', async () => {
      const { dedup } = make();
      const [s1, s2] = [unique('s'), unique('s')];
      const claims = await Promise.all([dedup.claim(s1, 'a'), dedup.claim(s1, 'a'), dedup.claim(s1, 'a')]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await dedup.claim(s2, 'a')).toBe(true);
    });

    it('should let a released id be claimed again', async () => {
      const { dedup } = make();
      const s = unique('s');
      await dedup.claim(s, 'a');
      await dedup.release(s, 'a');
      expect(await dedup.claim(s, 'a')).toBe(true);
      expect(await dedup.claim(s, 'a')).toBe(false);
    });

    it('should refuse an id until shortly before the window ends and grant it again shortly after', async () => {
      const { dedup } = make();
      const s = unique('s');
      const before = Date.now();
      expect(await dedup.claim(s, 'a')).toBe(true);
      const after = Date.now();
      // A third into the window: still refused (only asserted when the answer came inside the
      // window, so that a stalled machine cannot turn a late answer into a false failure).
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, before + DEDUP_MS / 3 - Date.now())));
      const refused = !(await dedup.claim(s, 'a'));
      if (Date.now() < before + DEDUP_MS) expect(refused).toBe(true);
      else if (!refused) return; // stalled past the window: that grant was already the second half
      // Once the window is over: granted again within a short slack, not seconds later.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, after + DEDUP_MS - Date.now())));
      await eventually(() => dedup.claim(s, 'a'), `id claimable again right after ${DEDUP_MS} ms`, DEDUP_MS / 2, 20);
    });
  });
});
