import { registerAs } from '@nestjs/config';

/** One environment variable: its name, default, meaning and parser. */
export interface EnvVar<T> {
  readonly env: string;
  readonly doc: string;
  readonly default: T;
  /** How the docs show `default` when it is not a plain number, string or list (e.g. a parsed box). */
  readonly defaultText?: string;
  /** A key, password or URL with credentials: its value never appears in an error or a log line. */
  readonly secret?: boolean;
  /** Returns the value, or throws a message that says what a valid value looks like. */
  parse(raw: string): T;
}

/**
 * A bad value at startup. The message names the variable and what a valid value looks like, and
 * quotes the value only when it is not a secret: startup errors end up in logs and CI output.
 */
export class ConfigValidationError extends Error {
  constructor(env: string, raw: string, expected: string, options: { secret?: boolean } = {}) {
    const got = options.secret ? `got ${raw.length} characters; value not shown, it is a secret` : `got "${raw}"`;
    super(`Invalid configuration: ${env} must be ${expected} (${got})`);
    this.name = 'ConfigValidationError';
  }
}

type Spec = Record<string, EnvVar<unknown>>;
export type ConfigOf<S extends Spec> = { readonly [K in keyof S]: S[K] extends EnvVar<infer T> ? T : never };

/** Every variable declared by any namespace, for the docs and the startup check. */
export const DECLARED_VARIABLES = new Map<string, EnvVar<unknown> & { namespace: string }>();

/**
 * A typed config namespace read from the environment once, validated at boot: a bad value stops
 * startup with a message naming the variable. Only this folder reads `process.env`.
 *
 * @example
 * export const duelConfig = configNamespace('duel', {
 *   roundMs: intVar('DUEL_ROUND_MS', { default: 60000, min: 1000, max: 600000, doc: 'Length of a round' }),
 * });
 * // in a provider: constructor(@Inject(duelConfig.KEY) private readonly config: ConfigType<typeof duelConfig>) {}
 */
export function configNamespace<S extends Spec>(namespace: string, spec: S) {
  for (const variable of Object.values(spec)) {
    const known = DECLARED_VARIABLES.get(variable.env);
    if (known && known.namespace !== namespace) {
      throw new Error(`${variable.env} is declared by both "${known.namespace}" and "${namespace}" config`);
    }
    DECLARED_VARIABLES.set(variable.env, { ...variable, namespace });
  }
  return registerAs(namespace, (): ConfigOf<S> => readSpec(spec, process.env));
}

/**
 * Parses every declared variable once (what the namespaces will read at boot), so that the app's
 * entry point can stop on a bad value with one line before the framework logs anything.
 *
 * @throws ConfigValidationError naming the first bad variable
 */
export function validateDeclaredVariables(env: NodeJS.ProcessEnv = process.env): void {
  for (const variable of DECLARED_VARIABLES.values()) readSpec({ [variable.env]: variable }, env);
}

export function readSpec<S extends Spec>(spec: S, env: NodeJS.ProcessEnv): ConfigOf<S> {
  const out: Record<string, unknown> = {};
  for (const [key, variable] of Object.entries(spec)) {
    const raw = env[variable.env];
    out[key] = raw === undefined || raw.trim() === '' ? variable.default : variable.parse(raw.trim());
  }
  return out as ConfigOf<S>;
}

export function intVar(env: string, o: { default: number; min: number; max: number; doc: string }): EnvVar<number> {
  return {
    env,
    doc: o.doc,
    default: o.default,
    parse(raw) {
      const value = Number(raw);
      if (!/^-?\d+$/.test(raw) || value < o.min || value > o.max) {
        throw new ConfigValidationError(env, raw, `an integer from ${o.min} to ${o.max}`);
      }
      return value;
    },
  };
}

export function numberVar(env: string, o: { default: number; min: number; max: number; doc: string }): EnvVar<number> {
  return {
    env,
    doc: o.doc,
    default: o.default,
    parse(raw) {
      const value = Number(raw);
      if (!Number.isFinite(value) || value < o.min || value > o.max) {
        throw new ConfigValidationError(env, raw, `a number from ${o.min} to ${o.max}`);
      }
      return value;
    },
  };
}

export function boolVar(env: string, o: { default: boolean; doc: string }): EnvVar<boolean> {
  return {
    env,
    doc: o.doc,
    default: o.default,
    parse(raw) {
      if (/^(1|true|yes|on)$/i.test(raw)) return true;
      if (/^(0|false|no|off)$/i.test(raw)) return false;
      throw new ConfigValidationError(env, raw, 'true or false');
    },
  };
}

/**
 * A string, optionally checked against `pattern`. `secret: true` for keys, passwords and URLs
 * that may carry credentials: a refused value is described by its length only.
 */
export function stringVar(
  env: string,
  o: { default: string; doc: string; pattern?: RegExp; expected?: string; secret?: boolean },
): EnvVar<string> {
  return {
    env,
    doc: o.doc,
    default: o.default,
    secret: o.secret,
    parse(raw) {
      if (o.pattern && !o.pattern.test(raw)) {
        throw new ConfigValidationError(env, raw, o.expected ?? `matching ${o.pattern}`, { secret: o.secret });
      }
      return raw;
    },
  };
}

export function enumVar<T extends string>(env: string, o: { default: T; values: readonly T[]; doc: string }): EnvVar<T> {
  return {
    env,
    doc: o.doc,
    default: o.default,
    parse(raw) {
      if (!(o.values as readonly string[]).includes(raw)) throw new ConfigValidationError(env, raw, `one of ${o.values.join(', ')}`);
      return raw as T;
    },
  };
}

/** A comma-separated list; each item checked by `item` (which throws its own message). */
export function listVar<T>(
  env: string,
  o: { default: T[]; doc: string; item: (raw: string) => T | undefined; expected: string },
): EnvVar<T[]> {
  return {
    env,
    doc: o.doc,
    default: o.default,
    parse(raw) {
      const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
      return items.map((s) => {
        const value = o.item(s);
        if (value === undefined) throw new ConfigValidationError(env, raw, o.expected);
        return value;
      });
    },
  };
}
