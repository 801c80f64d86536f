import { SeenPositions } from './seen-positions';

describe(SeenPositions, () => {
  describe('add', () => {
    it('should move the watermark only over contiguous positions and refuse repeats', () => {
      const seen = new SeenPositions();
      expect([3, 1, 3, 2, 1].map((position) => seen.add(position))).toEqual([true, true, false, true, false]);
      expect(seen.watermark).toBe(3);
    });

    it('should give up a gap once more than maxGaps positions wait above it', () => {
      const seen = new SeenPositions(0, 3);
      for (const position of [2, 3, 4]) seen.add(position);
      expect(seen.watermark).toBe(0);
      seen.add(6);
      expect(seen.watermark).toBe(4); // 1 is given up; 5 is still awaited
      expect(seen.add(1)).toBe(false);
      expect(seen.add(5)).toBe(true);
      expect(seen.watermark).toBe(6);
    });
  });

  describe('raiseTo', () => {
    it('should cover everything up to the position and never move back', () => {
      const seen = new SeenPositions();
      seen.add(7);
      seen.raiseTo(5);
      expect(seen.watermark).toBe(5);
      seen.add(6);
      expect(seen.watermark).toBe(7);
      seen.raiseTo(2);
      expect(seen.watermark).toBe(7);
    });
  });
});
