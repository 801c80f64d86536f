import { enumVar, intVar, listVar, readSpec, stringVar } from './env-var';

describe('readSpec', () => {
  const spec = {
    rate: intVar('X_RATE', { default: 20, min: 1, max: 120, doc: 'rate' }),
    mode: enumVar('X_MODE', { default: 'a', values: ['a', 'b'] as const, doc: 'mode' }),
    list: listVar('X_LIST', { default: [], doc: 'list', expected: 'numbers', item: (s) => (/^\d+$/.test(s) ? Number(s) : undefined) }),
  };

  it('should use defaults for unset and blank variables', () => {
    expect(readSpec(spec, { X_RATE: ' ' })).toEqual({ rate: 20, mode: 'a', list: [] });
  });

  it('should parse valid values', () => {
    expect(readSpec(spec, { X_RATE: '60', X_MODE: 'b', X_LIST: '1, 2' })).toEqual({ rate: 60, mode: 'b', list: [1, 2] });
  });

  it.each([
    ['X_RATE', 'abc', /X_RATE must be an integer from 1 to 120 \(got "abc"\)/],
    ['X_RATE', '0', /X_RATE must be an integer/],
    ['X_RATE', '1.5', /X_RATE must be an integer/],
    ['X_MODE', 'c', /X_MODE must be one of a, b/],
    ['X_LIST', '1,x', /X_LIST must be numbers/],
  ])('should refuse %s=%s with a message naming the variable', (name, value, message) => {
    expect(() => readSpec(spec, { [name]: value })).toThrow(message);
  });
});

describe('secret variables', () => {
  const spec = {
    key: stringVar('X_KEY', { default: '', doc: 'key', secret: true, pattern: /^.{16,}$/, expected: 'at least 16 characters' }),
    url: stringVar('X_URL', { default: '', doc: 'url', secret: true, pattern: /^rediss?:\/\//, expected: 'a redis:// URL' }),
  };

  it.each([
    ['X_KEY', 'hunter2-short'],
    ['X_URL', 'http://:p4ssw0rd-value@redis:6379'],
  ])('should refuse a bad %s without echoing its value', (name, value) => {
    expect.assertions(3);
    try {
      readSpec(spec, { [name]: value });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain(name);
      expect(message).not.toContain(value);
      expect(message).toMatch(/value not shown/);
    }
  });
});
