import { t } from './field-types';

describe('t (field types)', () => {
  describe('float', () => {
    const x = t.float({ precision: 0.1 });

    it('should store round(value / precision) and read back the quantized value', () => {
      expect(x.store(1.26, 'x')).toBe(13);
      expect(x.load(13)).toBeCloseTo(1.3, 12);
      expect(x.store(-0.04, 'x')).toBe(0);
      expect(x.load(x.store(x.load(x.store(3.14159, 'x')), 'x'))).toBe(x.load(x.store(3.14159, 'x'))); // stable
    });

    it('should clamp to the declared min and max', () => {
      const hp = t.float({ precision: 0.5, min: 0, max: 10 });
      expect(hp.load(hp.store(12, 'hp'))).toBe(10);
      expect(hp.load(hp.store(-3, 'hp'))).toBe(0);
    });

    it('should start at the value nearest to 0 inside [min, max]', () => {
      expect(t.float({ precision: 1, min: 5, max: 9 }).initial).toBe(5);
    });

    it('should refuse non-finite values naming the field', () => {
      expect(() => x.store(Number.NaN, 'player.x')).toThrow('player.x must be a finite number');
      expect(() => x.store(Infinity, 'player.x')).toThrow(TypeError);
    });

    it('should keep every stored value inside 32 bits', () => {
      expect(x.store(1e12, 'x')).toBe(2147483647);
      expect(x.store(-1e12, 'x')).toBe(-2147483648);
    });
  });

  describe('integers', () => {
    it.each([
      ['int8', t.int8(), -128, 127],
      ['uint8', t.uint8(), 0, 255],
      ['int16', t.int16(), -32768, 32767],
      ['uint16', t.uint16(), 0, 65535],
      ['int32', t.int32(), -2147483648, 2147483647],
      ['uint32', t.uint32(), 0, 4294967295],
    ])('%s should accept its range and refuse one past it', (_name, field, min, max) => {
      expect(field.store(min, 'f')).toBe(min);
      expect(field.store(max, 'f')).toBe(max);
      expect(() => field.store(max + 1, 'f')).toThrow(RangeError);
      expect(() => field.store(min - 1, 'f')).toThrow(RangeError);
      expect(() => field.store(1.5, 'f')).toThrow(RangeError);
    });

    it('should wrap a decoded sum back into the type (two’s complement)', () => {
      expect(t.uint8().element.wrap(255 + 1)).toBe(0);
      expect(t.int8().element.wrap(127 + 1)).toBe(-128);
      expect(t.uint32().element.wrap(-1)).toBe(4294967295);
      expect(t.int16().element.wrap(-32768 - 1)).toBe(32767);
    });
  });

  describe('enum, bool, string', () => {
    it('should store an enum as the index of its value', () => {
      const team = t.enum(['red', 'blue']);
      expect(team.store('blue', 'team')).toBe(1);
      expect(team.load(1)).toBe('blue');
      expect(() => team.store('green', 'team')).toThrow('team must be one of "red", "blue"');
    });

    it('should store booleans as 0 and 1 and refuse anything else', () => {
      expect(t.bool().store(true, 'b')).toBe(1);
      expect(t.bool().load(0)).toBe(false);
      expect(() => t.bool().store(1, 'b')).toThrow(TypeError);
    });

    it('should refuse strings over maxLength', () => {
      expect(() => t.string({ maxLength: 3 }).store('abcd', 'name')).toThrow('name must be at most 3 characters');
    });

    it('should take a default through the same checks', () => {
      expect(t.uint8().withDefault(100).initial).toBe(100);
      expect(() => t.uint8().withDefault(300)).toThrow(RangeError);
    });
  });

  describe('list and map', () => {
    it('should store lists as frozen values compared element by element', () => {
      const list = t.list(t.uint8(), { maxLength: 3 });
      const a = list.store([1, 2], 'l');
      expect(Object.isFrozen(a)).toBe(true);
      expect(list.same(a, list.store([1, 2], 'l'))).toBe(true);
      expect(list.same(a, list.store([2, 1], 'l'))).toBe(false);
      expect(() => list.store([1, 2, 3, 4], 'l')).toThrow(RangeError);
    });

    it('should store maps sorted by key so that equal maps store equally', () => {
      const map = t.map(t.int16(), { maxEntries: 4 });
      expect(map.same(map.store({ b: 2, a: 1 }, 'm'), map.store({ a: 1, b: 2 }, 'm'))).toBe(true);
      expect(map.load(map.store({ b: 2, a: 1 }, 'm'))).toEqual({ a: 1, b: 2 });
    });

    it('should refuse a list of lists', () => {
      expect(() => t.list(t.list(t.uint8(), { maxLength: 2 }), { maxLength: 2 })).toThrow(TypeError);
    });
  });
});
