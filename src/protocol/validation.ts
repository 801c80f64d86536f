/**
 * Tiny validators for client payloads. A check returns `undefined` when the value is fine and
 * otherwise a message that names the field and the fix. Checks only read, never copy: the
 * validated object is the payload handlers receive. Unknown fields are ignored (the contract
 * asks for forward compatibility).
 *
 * Every check also carries the JSON Schema of what it accepts (`schema`), so that the contract's
 * AsyncAPI document can be checked against the validators (test/e2e/docs.e2e-spec.ts).
 */
export type Check = ((value: unknown, path: string) => string | undefined) & {
  readonly schema: JsonSchema;
  /** Set by `optional`: the field may be absent (not in its object's `required`). */
  readonly optional?: boolean;
};

/** The subset of JSON Schema the validators describe themselves with. */
export interface JsonSchema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'object';
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxProperties?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  propertyNames?: JsonSchema;
  additionalProperties?: JsonSchema;
  /** Exactly one of these (the validators use it for values that may take several shapes). */
  oneOf?: JsonSchema[];
  description?: string;
}

/**
 * Free text may not contain control characters (C0, DEL, C1): they can rewrite a terminal or a
 * log line, hide text, or break a client's layout. As a pattern, so the contract can state it.
 */
export const NO_CONTROL_PATTERN = /^[^\u0000-\u001f\u007f-\u009f]*$/;
/** Like NO_CONTROL_PATTERN, but a newline (U+000A, only that) is allowed: multi-line chat. */
export const NO_CONTROL_EXCEPT_NEWLINE_PATTERN = /^[^\u0000-\u0009\u000b-\u001f\u007f-\u009f]*$/;

export function check(fn: (value: unknown, path: string) => string | undefined, schema: JsonSchema, optional?: boolean): Check {
  return Object.assign(fn, { schema, optional });
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

/** Absent, null and "" (protobuf's default) all count as "not given". */
export function optional(inner: Check): Check {
  return check((value, path) => (value === undefined || value === null || value === '' ? undefined : inner(value, path)), inner.schema, true);
}

/**
 * A string of `min` (default 1) to `max` characters. With `pattern` it must match it (`patternHint`
 * says how in the error); without one, free text without control characters.
 */
export function str(opts: { min?: number; max: number; pattern?: RegExp; patternHint?: string }): Check {
  const min = opts.min ?? 1;
  const pattern = opts.pattern ?? NO_CONTROL_PATTERN;
  const hint = opts.patternHint ?? (opts.pattern ? `match ${pattern}` : 'not contain control characters');
  return check(
    (value, path) => {
      if (typeof value !== 'string') return `${path} must be a string`;
      if (value.length < min || value.length > opts.max) {
        return `${path} must be ${min}-${opts.max} characters long (got ${value.length})`;
      }
      if (!pattern.test(value)) return `${path} must ${hint}`;
      return undefined;
    },
    { type: 'string', minLength: min, maxLength: opts.max, pattern: pattern.source },
  );
}

export function int(opts: { min: number; max: number }): Check {
  return check(
    (value, path) =>
      typeof value === 'number' && Number.isInteger(value) && value >= opts.min && value <= opts.max
        ? undefined
        : `${path} must be an integer from ${opts.min} to ${opts.max}`,
    { type: 'integer', minimum: opts.min, maximum: opts.max },
  );
}

export function bool(): Check {
  return check((value, path) => (typeof value === 'boolean' ? undefined : `${path} must be true or false`), { type: 'boolean' });
}

/** A finite number within ±maxAbs (`Number.MAX_VALUE`: any finite number). */
export function finite(opts: { maxAbs: number }): Check {
  const bounded = opts.maxAbs < Number.MAX_VALUE;
  return check(
    (value, path) =>
      typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= opts.maxAbs
        ? undefined
        : `${path} must be a finite number within ±${opts.maxAbs}`,
    bounded ? { type: 'number', minimum: -opts.maxAbs, maximum: opts.maxAbs } : { type: 'number' },
  );
}

/** An object with the given fields; extra fields are ignored. */
export function obj(shape: Record<string, Check>): Check {
  const entries = Object.entries(shape);
  const properties = Object.fromEntries(entries.map(([key, field]) => [key, field.schema]));
  const required = entries.filter(([, field]) => !field.optional).map(([key]) => key);
  return check(
    (value, path) => {
      if (!isPlainObject(value)) return `${path} must be an object`;
      // A field is checked under its own name and the path prefixed on error only: building
      // "payload.position.x" for every field of every valid message was per-message garbage.
      for (const [key, field] of entries) {
        const error = field(value[key], key);
        if (error) return `${path}.${error}`;
      }
      return undefined;
    },
    { type: 'object', properties, ...(required.length > 0 && { required }) },
  );
}

/** A string-keyed map with bounded size, like protobuf's `map<string, V>`. */
export function map(opts: { maxEntries: number; key: Check; value: Check }): Check {
  return check(
    (value, path) => {
      if (!isPlainObject(value)) return `${path} must be an object`;
      let count = 0;
      for (const key in value) {
        if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
        if (++count > opts.maxEntries) return `${path} must have at most ${opts.maxEntries} entries`;
        const keyError = opts.key(key, 'key');
        if (keyError) return `${path} ${keyError}`;
        const error = opts.value(value[key], key);
        if (error) return `${path}.${error}`;
      }
      return undefined;
    },
    { type: 'object', maxProperties: opts.maxEntries, propertyNames: opts.key.schema, additionalProperties: opts.value.schema },
  );
}

/** The first of `choices` whose schema type matches the value decides (their types must differ). */
export function oneOf(choices: Check[], expected: string): Check {
  const byType = (value: unknown) =>
    choices.find(({ schema }) => (schema.type === 'object' ? isPlainObject(value) : schema.type === 'integer' ? Number.isInteger(value) : typeof value === schema.type));
  return check(
    (value, path) => {
      const choice = byType(value);
      return choice ? choice(value, path) : `${path} must be ${expected}`;
    },
    { oneOf: choices.map((choice) => choice.schema) },
  );
}
