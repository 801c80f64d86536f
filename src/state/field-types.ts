/**
 * The field types a room kind declares its state with (`t.float({ precision: 0.1 })`, `t.uint8()`,
 * `t.enum(['red', 'blue'])`, …). A field type knows how to turn what the game logic writes into the
 * one value the server stores and sends (`store`), and back (`load`). Numbers are stored as
 * integers: a float is stored quantized (`round(value / precision)`), so the value a client
 * decodes is bit for bit the value the server holds. Every stored number fits a 32-bit integer,
 * which is what the wire carries (see docs/protocol.md, "State frames").
 */

/** How a stored value travels: one number in `ops`, one entry in `strings`, or a collection of either. */
export type WireShape = 'number' | 'string' | 'list' | 'map';

/** A scalar field: stored as one number or one string. */
export interface ScalarType<T = unknown> {
  readonly kind: FieldKind;
  readonly shape: 'number' | 'string';
  /** Stored value of a fresh entity. */
  readonly initial: number | string;
  /** What the logic wrote → what is stored. Throws a `TypeError`/`RangeError` naming `path` on a bad value. */
  store(value: unknown, path: string): number | string;
  /** Stored → what the logic (and a client) reads. */
  load(stored: number | string): T;
  /** Brings an integer decoded from a delta back into this type's range (two's complement wrap). */
  wrap(n: number): number;
  /** Declaration for the published schema descriptor. */
  describe(): Record<string, unknown>;
}

export type FieldKind = 'int' | 'uint' | 'float' | 'bool' | 'enum' | 'string' | 'list' | 'map' | 'number';

/** A declared field: a scalar type or a small collection of one, plus its options. */
export interface FieldType<T = unknown> {
  readonly kind: FieldKind;
  readonly shape: WireShape;
  readonly serverOnly: boolean;
  readonly initial: unknown;
  /** The element type of a list/map; the type itself for scalars. */
  readonly element: ScalarType;
  /** Largest number of elements (lists and maps). */
  readonly maxSize: number;
  store(value: unknown, path: string): unknown;
  load(stored: unknown): T;
  /** Whether two stored values are the same (collections compare element by element). */
  same(a: unknown, b: unknown): boolean;
  describe(): Record<string, unknown>;
  /** The same field, not sent to clients: kept, persisted for failover, readable by the logic. */
  serverSide(): FieldType<T>;
  /** The same field with another value for fresh entities. */
  withDefault(value: T): FieldType<T>;
}

const INT_RANGES = {
  8: { signed: [-128, 127], unsigned: [0, 255] },
  16: { signed: [-32768, 32767], unsigned: [0, 65535] },
  32: { signed: [-2147483648, 2147483647], unsigned: [0, 4294967295] },
} as const;
export type IntBits = keyof typeof INT_RANGES;

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function finiteNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`${path} must be a finite number (got ${String(value)})`);
  return value;
}

function wrapper(bits: IntBits, signed: boolean): (n: number) => number {
  if (bits === 32) return signed ? (n) => n | 0 : (n) => n >>> 0;
  const shift = 32 - bits;
  if (signed) return (n) => (n << shift) >> shift;
  const mask = bits === 8 ? 0xff : 0xffff;
  return (n) => n & mask;
}

function intType(bits: IntBits, signed: boolean): ScalarType<number> {
  const [min, max] = INT_RANGES[bits][signed ? 'signed' : 'unsigned'];
  const name = `${signed ? 'int' : 'uint'}${bits}`;
  return {
    kind: signed ? 'int' : 'uint',
    shape: 'number',
    initial: 0,
    store(value, path) {
      const n = finiteNumber(value, path);
      if (!Number.isInteger(n) || n < min || n > max) throw new RangeError(`${path} must be an integer from ${min} to ${max} (${name}), got ${n}`);
      return n;
    },
    load: (stored) => stored as number,
    wrap: wrapper(bits, signed),
    describe: () => ({ type: name }),
  };
}

export interface FloatOptions {
  /** Smallest step the value keeps: what is stored and sent is `round(value / precision)`. */
  precision: number;
  /** Written values are clamped into [min, max]. @default the range a 32-bit quantized value can hold */
  min?: number;
  max?: number;
}

function floatType({ precision, min, max }: FloatOptions): ScalarType<number> {
  if (!(precision > 0) || !Number.isFinite(precision)) throw new RangeError(`float precision must be a positive number, got ${precision}`);
  const low = Math.max(min ?? -Infinity, INT32_MIN * precision);
  const high = Math.min(max ?? Infinity, INT32_MAX * precision);
  if (low > high) throw new RangeError(`float min (${min}) must not exceed max (${max})`);
  // Quantizing then clamping the integer keeps every stored value inside [low, high] after load.
  const qLow = Math.ceil(low / precision - 1e-9) | 0;
  const qHigh = Math.floor(high / precision + 1e-9) | 0;
  return {
    kind: 'float',
    shape: 'number',
    initial: Math.min(Math.max(0, qLow), qHigh),
    store(value, path) {
      const q = Math.round(finiteNumber(value, path) / precision);
      return (q < qLow ? qLow : q > qHigh ? qHigh : q) | 0; // `| 0`: no -0 (it would compare unequal nowhere, but print oddly)
    },
    load: (stored) => (stored as number) * precision,
    wrap: (n) => n | 0,
    describe: () => ({ type: 'float', precision, ...(min !== undefined && { min }), ...(max !== undefined && { max }) }),
  };
}

const boolType: ScalarType<boolean> = {
  kind: 'bool',
  shape: 'number',
  initial: 0,
  store(value, path) {
    if (typeof value !== 'boolean') throw new TypeError(`${path} must be a boolean (got ${typeof value})`);
    return value ? 1 : 0;
  },
  load: (stored) => stored === 1,
  wrap: (n) => n & 1,
  describe: () => ({ type: 'bool' }),
};

function enumType<V extends string>(values: readonly V[]): ScalarType<V> {
  if (values.length === 0 || new Set(values).size !== values.length) throw new RangeError('an enum needs distinct values');
  const index = new Map(values.map((v, i) => [v as string, i]));
  return {
    kind: 'enum',
    shape: 'number',
    initial: 0,
    store(value, path) {
      const i = typeof value === 'string' ? index.get(value) : undefined;
      if (i === undefined) throw new RangeError(`${path} must be one of ${values.map((v) => JSON.stringify(v)).join(', ')} (got ${JSON.stringify(value)})`);
      return i;
    },
    load: (stored) => values[stored as number],
    wrap: (n) => n >>> 0,
    describe: () => ({ type: 'enum', values: [...values] }),
  };
}

export interface StringOptions {
  /** Longest value in UTF-16 code units. @default 256 */
  maxLength?: number;
}

function stringType({ maxLength = 256 }: StringOptions = {}): ScalarType<string> {
  return {
    kind: 'string',
    shape: 'string',
    initial: '',
    store(value, path) {
      if (typeof value !== 'string') throw new TypeError(`${path} must be a string (got ${typeof value})`);
      if (value.length > maxLength) throw new RangeError(`${path} must be at most ${maxLength} characters (got ${value.length})`);
      return value;
    },
    load: (stored) => stored as string,
    wrap: (n) => n,
    describe: () => ({ type: 'string', maxLength }),
  };
}

/** Any finite JS number, unquantized: only for server-side fields (timestamps, accumulators). */
const numberType: ScalarType<number> = {
  kind: 'number',
  shape: 'number',
  initial: 0,
  store: (value, path) => finiteNumber(value, path),
  load: (stored) => stored as number,
  wrap: (n) => n,
  describe: () => ({ type: 'number' }),
};

/** A scalar field, optionally server-side only, with its default. */
function scalarField<T>(type: ScalarType<T>, serverOnly = false, initial: number | string = type.initial): FieldType<T> {
  return {
    kind: type.kind,
    shape: type.shape,
    serverOnly,
    initial,
    element: type,
    maxSize: 1,
    store: (value, path) => type.store(value, path),
    load: (stored) => type.load(stored as number | string),
    same: (a, b) => a === b,
    describe: () => type.describe(),
    serverSide: () => scalarField(type, true, initial),
    withDefault: (value) => scalarField(type, serverOnly, type.store(value, 'default')),
  };
}

/** Lists and maps are values: reading one gives a frozen copy; assign a new one to change it. */
function listField<T>(element: ScalarType<T>, maxLength: number, serverOnly = false, initial: readonly (number | string)[] = []): FieldType<readonly T[]> {
  return {
    kind: 'list',
    shape: 'list',
    serverOnly,
    initial,
    element,
    maxSize: maxLength,
    store(value, path) {
      if (!Array.isArray(value)) throw new TypeError(`${path} must be an array`);
      if (value.length > maxLength) throw new RangeError(`${path} must have at most ${maxLength} elements (got ${value.length})`);
      return Object.freeze(value.map((v, i) => element.store(v, `${path}[${i}]`)));
    },
    load: (stored) => Object.freeze((stored as (number | string)[]).map((v) => element.load(v))),
    same(a, b) {
      const x = a as (number | string)[];
      const y = b as (number | string)[];
      if (x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
      return true;
    },
    describe: () => ({ type: 'list', of: element.describe(), maxLength }),
    serverSide: () => listField(element, maxLength, true, initial),
    withDefault: (value) => listField(element, maxLength, serverOnly, listField(element, maxLength).store(value, 'default') as (number | string)[]),
  };
}

/** A map is stored as a frozen array of [key, value] pairs sorted by key, so equal maps store equally. */
function mapField<T>(element: ScalarType<T>, maxEntries: number, serverOnly = false, initial: readonly (readonly [string, number | string])[] = []): FieldType<Readonly<Record<string, T>>> {
  return {
    kind: 'map',
    shape: 'map',
    serverOnly,
    initial,
    element,
    maxSize: maxEntries,
    store(value, path) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError(`${path} must be an object`);
      const keys = Object.keys(value).sort();
      if (keys.length > maxEntries) throw new RangeError(`${path} must have at most ${maxEntries} entries (got ${keys.length})`);
      return Object.freeze(keys.map((k) => Object.freeze([k, element.store((value as Record<string, unknown>)[k], `${path}.${k}`)] as const)));
    },
    load(stored) {
      const out: Record<string, T> = Object.create(null);
      for (const [k, v] of stored as [string, number | string][]) out[k] = element.load(v);
      return Object.freeze(out);
    },
    same(a, b) {
      const x = a as [string, number | string][];
      const y = b as [string, number | string][];
      if (x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) if (x[i][0] !== y[i][0] || x[i][1] !== y[i][1]) return false;
      return true;
    },
    describe: () => ({ type: 'map', of: element.describe(), maxEntries }),
    serverSide: () => mapField(element, maxEntries, true, initial),
    withDefault: (value) => mapField(element, maxEntries, serverOnly, mapField(element, maxEntries).store(value, 'default') as [string, number | string][]),
  };
}

function scalarOf(field: FieldType): ScalarType {
  if (field.shape === 'list' || field.shape === 'map') throw new TypeError('lists and maps hold scalars, not other lists or maps');
  return field.element;
}

type ScalarOf<F> = F extends FieldType<infer T> ? (F extends { shape: 'number' | 'string' } ? ScalarType<T> : never) : never;

/**
 * Field types for `defineState`. Integers are checked against their width when written; floats
 * are quantized to `precision` (and clamped to `min`/`max`); strings, enums and booleans are
 * checked. Every type has `.serverSide()` (kept and persisted, never sent) and `.withDefault(v)`.
 *
 * @example
 * const player = { x: t.float({ precision: 0.1 }), y: t.float({ precision: 0.1 }), hp: t.uint8().withDefault(100), team: t.enum(['red', 'blue']) };
 */
export const t = {
  int8: () => scalarField(intType(8, true)),
  int16: () => scalarField(intType(16, true)),
  int32: () => scalarField(intType(32, true)),
  uint8: () => scalarField(intType(8, false)),
  uint16: () => scalarField(intType(16, false)),
  uint32: () => scalarField(intType(32, false)),
  float: (options: FloatOptions) => scalarField(floatType(options)),
  bool: () => scalarField(boolType),
  enum: <const V extends string>(values: readonly V[]) => scalarField(enumType(values)),
  string: (options?: StringOptions) => scalarField(stringType(options)),
  /**
   * A plain JS number kept on the server only (never sent, so any finite value): timestamps,
   * cooldowns, accumulators. Persisted for failover like every field.
   */
  number: () => scalarField(numberType, true),
  /** A list of up to `maxLength` scalars, e.g. `t.list(t.uint8(), { maxLength: 8 })`. */
  list: <F extends FieldType>(of: F, { maxLength }: { maxLength: number }) =>
    listField(scalarOf(of) as ScalarOf<F>, maxLength) as FieldType<readonly (F extends FieldType<infer T> ? T : never)[]>,
  /** A string-keyed map of up to `maxEntries` scalars, e.g. `t.map(t.uint16(), { maxEntries: 16 })`. */
  map: <F extends FieldType>(of: F, { maxEntries }: { maxEntries: number }) =>
    mapField(scalarOf(of) as ScalarOf<F>, maxEntries) as FieldType<Readonly<Record<string, F extends FieldType<infer T> ? T : never>>>,
};
