import { matchesFilters, metadataOf } from './listing-match';

describe('listing-match', () => {
  describe('matchesFilters', () => {
    const metadata = { mode: 'ranked', level: 12, open: true, code: '7' };

    it('should hold when every equality and range holds, and with no filters', () => {
      expect(matchesFilters(metadata, {})).toBe(true);
      expect(matchesFilters(metadata, { mode: 'ranked', open: true, level: { min: 10, max: 20 } })).toBe(true);
      expect(matchesFilters(metadata, { level: { min: 12 } })).toBe(true);
      expect(matchesFilters(metadata, { level: { max: 12 } })).toBe(true);
    });

    it('should fail on a different value, a value of another type, a range missed, or a missing name', () => {
      expect(matchesFilters(metadata, { mode: 'casual' })).toBe(false);
      expect(matchesFilters(metadata, { level: '12' })).toBe(false);
      expect(matchesFilters(metadata, { code: 7 })).toBe(false);
      expect(matchesFilters(metadata, { code: { min: 0 } })).toBe(false);
      expect(matchesFilters(metadata, { level: { min: 13 } })).toBe(false);
      expect(matchesFilters(metadata, { region: 'eu' })).toBe(false);
    });
  });

  describe('metadataOf', () => {
    it("should list the filters' equalities and leave ranges out", () => {
      expect(metadataOf({ mode: 'ranked', level: { min: 1, max: 3 }, open: false, size: 4 })).toEqual({ mode: 'ranked', open: false, size: 4 });
    });
  });
});
