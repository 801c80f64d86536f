import type { TypeDescriptor, ValueDescriptor } from './kind-descriptor.js';

/**
 * How the mirror handles one field: what a fresh entity stores, how an integer read from a frame
 * is brought back into the field's range (`wrap`), and what the game sees (`load`). Stored values
 * are kept as the server holds them (integers and strings); only `load` turns them into floats,
 * enum names, booleans, so every client decodes bit for bit what the server holds.
 */
export interface FieldCodec {
  readonly name: string;
  readonly shape: 'number' | 'string' | 'list' | 'map';
  readonly initial: unknown;
  wrap(n: number): number;
  load(stored: unknown): unknown;
  /** The element codec of a list or map. */
  readonly element?: ElementCodec;
}

type ElementCodec = Pick<FieldCodec, 'shape' | 'wrap' | 'load'>;

/** A state type laid out for decoding: its index on the wire, its fields in mask-bit order. */
export interface CompiledType {
  readonly index: number;
  readonly name: string;
  readonly fields: readonly FieldCodec[];
}

// Two's complement wraps of the table in docs/protocol.md ("State frames"): the low bits, signed or not.
const WRAPS: Record<string, (n: number) => number> = {
  int8: (n) => (n << 24) >> 24,
  int16: (n) => (n << 16) >> 16,
  int32: (n) => n | 0,
  uint8: (n) => n & 0xff,
  uint16: (n) => n & 0xffff,
  uint32: (n) => n >>> 0,
  float: (n) => n | 0,
  bool: (n) => n & 1,
  enum: (n) => n >>> 0,
};
const MAX_FIELDS = 28;
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const identity = (value: unknown) => value;

/** Decoders for every type of a descriptor; throws naming the field on a type this SDK does not know. */
export function compileTypes(types: readonly TypeDescriptor[]): CompiledType[] {
  return types.map((type, index) => {
    if (type.fields.length > MAX_FIELDS) throw new TypeError(`type "${type.name}" has ${type.fields.length} fields; a mask holds ${MAX_FIELDS}`);
    return {
      index,
      name: type.name,
      fields: type.fields.map((field) => {
        if (!FIELD_NAME.test(field.name) || field.name === 'id' || field.name === 'type') {
          throw new TypeError(`field "${type.name}.${field.name}" cannot be a property of an entity view`);
        }
        const codec = valueCodec(field, `${type.name}.${field.name}`);
        return { ...codec, name: field.name, initial: field.default ?? codec.initial };
      }),
    };
  });
}

function valueCodec(value: ValueDescriptor, path: string): Omit<FieldCodec, 'name'> {
  switch (value.type) {
    case 'string':
      return { shape: 'string', initial: '', wrap: identity as (n: number) => number, load: identity };
    case 'list': {
      const element = elementCodec(value.of, path);
      return { shape: 'list', initial: [], element, wrap: identity as (n: number) => number, load: (stored) => Object.freeze((stored as unknown[]).map(element.load)) };
    }
    case 'map': {
      const element = elementCodec(value.of, path);
      return {
        shape: 'map',
        initial: [],
        element,
        wrap: identity as (n: number) => number,
        load: (stored) => {
          const out: Record<string, unknown> = Object.create(null);
          for (const [key, v] of stored as [string, unknown][]) out[key] = element.load(v);
          return Object.freeze(out);
        },
      };
    }
    default: {
      const wrap = WRAPS[value.type];
      if (!wrap) throw new TypeError(`field "${path}" has type "${value.type}", which this SDK cannot decode (update @game-gateway/client)`);
      return { shape: 'number', initial: 0, wrap, load: numberLoader(value, path) };
    }
  }
}

function numberLoader(value: ValueDescriptor, path: string): (stored: unknown) => unknown {
  switch (value.type) {
    case 'float': {
      const precision = value.precision;
      if (!(typeof precision === 'number' && precision > 0)) throw new TypeError(`float field "${path}" needs a positive precision`);
      return (q) => (q as number) * precision;
    }
    case 'bool':
      return (q) => q === 1;
    case 'enum': {
      const values = value.values ?? [];
      return (q) => values[q as number];
    }
    default:
      return identity;
  }
}

function elementCodec(of: ValueDescriptor | undefined, path: string): ElementCodec {
  if (!of || of.type === 'list' || of.type === 'map') throw new TypeError(`field "${path}": a list or map holds scalars ("of")`);
  return valueCodec(of, `${path}[]`);
}

/** Whether two stored values are equal (lists and maps element by element). */
export function sameStored(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (Array.isArray(x) && Array.isArray(y) ? x[0] !== y[0] || x[1] !== y[1] : x !== y) return false;
  }
  return true;
}
