import { InMemorySessionStore } from './in-memory.session-store';
import type { DetachedSession } from './session-store.port';

describe(InMemorySessionStore, () => {
  const session = (sessionId: string, detachedAt: number): DetachedSession => ({ sessionId, clientId: `c-${sessionId}`, rooms: [], detachedAt });

  it('should hand a parked session out once', async () => {
    const store = new InMemorySessionStore();
    await store.park(session('s1', 0));
    expect(await store.take('s1')).toEqual(expect.objectContaining({ sessionId: 's1' }));
    expect(await store.take('s1')).toBeUndefined();
    expect(await store.takeExpired(Infinity)).toEqual([]);
  });

  it('should expire only sessions detached at or before the cutoff', async () => {
    const store = new InMemorySessionStore();
    await store.park(session('s1', 100));
    await store.park(session('s2', 200));
    expect((await store.takeExpired(150)).map((s) => s.sessionId)).toEqual(['s1']);
    expect(await store.take('s1')).toBeUndefined();
    expect(store.size).toBe(1);
  });
});
