import { InMemoryDedupWindow } from './in-memory.dedup-window';

describe(InMemoryDedupWindow, () => {
  const window = (size: number, ms: number) =>
    new InMemoryDedupWindow({ dedupWindowSize: size, dedupWindowMs: ms } as never);

  describe('claim', () => {
    it('should grant an id once per session', async () => {
      const dedup = window(10, 60000);
      expect(await dedup.claim('s1', 'a')).toBe(true);
      expect(await dedup.claim('s1', 'a')).toBe(false);
      expect(await dedup.claim('s2', 'a')).toBe(true);
    });

    it('should forget the oldest id past the window size', async () => {
      const dedup = window(2, 60000);
      for (const id of ['a', 'b', 'c']) await dedup.claim('s1', id);
      expect(await dedup.claim('s1', 'c')).toBe(false);
      expect(await dedup.claim('s1', 'a')).toBe(true);
    });

    it('should forget ids older than the window time', async () => {
      const dedup = window(10, 1000);
      await dedup.claim('s1', 'a', 0);
      expect(await dedup.claim('s1', 'a', 999)).toBe(false);
      expect(await dedup.claim('s1', 'a', 2001)).toBe(true);
    });
  });

  describe('release', () => {
    it('should let a released id be claimed again', async () => {
      const dedup = window(10, 60000);
      await dedup.claim('s1', 'a');
      await dedup.release('s1', 'a');
      expect(await dedup.claim('s1', 'a')).toBe(true);
    });
  });
});
