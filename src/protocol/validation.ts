/**
 * Tiny validators for client payloads. A check returns `undefined` when the value is fine and
 * otherwise a message that names the field and the fix. Checks only read, never copy: the
 * validated object is the payload handlers receive. Unknown fields are ignored (the contract
 * asks for forward compatibility).
 */
export type Check = (value: unknown, path: string) => string | undefined;

const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

/** Absent, null and "" (protobuf's default) all count as "not given". */
export function optional(check: Check): Check {
  return (value, path) => (value === undefined || value === null || value === '' ? undefined : check(value, path));
}

export function str(opts: { min?: number; max: number; pattern?: RegExp; allowControl?: boolean }): Check {
  const min = opts.min ?? 1;
  const pattern = opts.pattern;
  return (value, path) => {
    if (typeof value !== 'string') return `${path} must be a string`;
    if (value.length < min || value.length > opts.max) {
      return `${path} must be ${min}-${opts.max} characters long (got ${value.length})`;
    }
    if (pattern && !pattern.test(value)) return `${path} must match ${pattern}`;
    if (!opts.allowControl && !pattern && CONTROL_CHARS.test(value)) return `${path} must not contain control characters`;
    return undefined;
  };
}

export function int(opts: { min: number; max: number }): Check {
  return (value, path) =>
    typeof value === 'number' && Number.isInteger(value) && value >= opts.min && value <= opts.max
      ? undefined
      : `${path} must be an integer from ${opts.min} to ${opts.max}`;
}

export function finite(opts: { maxAbs: number }): Check {
  return (value, path) =>
    typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= opts.maxAbs
      ? undefined
      : `${path} must be a finite number within ±${opts.maxAbs}`;
}

/** An object with the given fields; extra fields are ignored. */
export function obj(shape: Record<string, Check>): Check {
  const entries = Object.entries(shape);
  return (value, path) => {
    if (!isPlainObject(value)) return `${path} must be an object`;
    for (const [key, check] of entries) {
      const error = check(value[key], `${path}.${key}`);
      if (error) return error;
    }
    return undefined;
  };
}

/** A string-keyed map with bounded size, like protobuf's `map<string, V>`. */
export function map(opts: { maxEntries: number; key: Check; value: Check }): Check {
  return (value, path) => {
    if (!isPlainObject(value)) return `${path} must be an object`;
    let count = 0;
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      if (++count > opts.maxEntries) return `${path} must have at most ${opts.maxEntries} entries`;
      const error = opts.key(key, `${path} key`) ?? opts.value(value[key], `${path}.${key}`);
      if (error) return error;
    }
    return undefined;
  };
}
