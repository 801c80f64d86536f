import type { FieldDescription, FieldsDecl, Values } from './state-schema';

/** The events of a room kind: name → fields. */
export type EventsDecl = Readonly<Record<string, FieldsDecl>>;

/** An event's data, as the logic passes it. */
export type EventData<E extends EventsDecl, K extends keyof E> = Values<E[K]>;

const EVENT_NAME = /^[a-z][a-z0-9_]{0,31}$/;

/**
 * A room kind's events, checked once at boot: names, and per event its typed fields. Data the
 * logic raises goes through the same field types as state (floats quantized, integers and
 * strings checked), so a client gets exactly what the descriptor promises.
 */
export class EventSchema<E extends EventsDecl = EventsDecl> {
  private readonly names: ReadonlySet<string>;

  constructor(readonly decl: E) {
    for (const [name, fields] of Object.entries(decl)) {
      if (!EVENT_NAME.test(name)) throw new TypeError(`event "${name}" must match ${EVENT_NAME}`);
      for (const [field, type] of Object.entries(fields)) {
        if (type.serverOnly) throw new TypeError(`event field "${name}.${field}" cannot be server-side: events are sent`);
      }
    }
    this.names = new Set(Object.keys(decl));
  }

  /**
   * The event's data as sent: every declared field, checked and normalized (a missing field
   * takes its default). Throws naming the field on a bad value or an unknown event.
   */
  normalize(name: string, data: Record<string, unknown> = {}): Record<string, unknown> {
    if (!this.names.has(name)) throw new TypeError(`unknown event "${name}"; declared: ${[...this.names].join(', ') || 'none'}`);
    const fields = this.decl[name];
    for (const key of Object.keys(data)) {
      if (!Object.prototype.hasOwnProperty.call(fields, key)) throw new TypeError(`event "${name}" has no field "${key}"`);
    }
    const out: Record<string, unknown> = {};
    for (const [field, type] of Object.entries(fields)) {
      const value = Object.prototype.hasOwnProperty.call(data, field) ? data[field] : undefined;
      out[field] = type.load(value === undefined ? type.initial : type.store(value, `${name}.${field}`));
    }
    return out;
  }

  describe(): { name: string; fields: FieldDescription[] }[] {
    return Object.entries(this.decl).map(([name, fields]) => ({
      name,
      fields: Object.entries(fields).map(([field, type]) => ({ name: field, ...(type.describe() as Omit<FieldDescription, 'name'>) })),
    }));
  }
}

/**
 * Declares the events a room kind's logic may raise (`ctx.broadcast`, `ctx.send`), each with
 * typed fields, for the kind's published schema and the SDK's typings.
 *
 * @example
 * export const ctfEvents = defineEvents({
 *   flag_taken: { by: t.uint16(), team: t.enum(['red', 'blue']) },
 *   scored: { team: t.enum(['red', 'blue']), red: t.uint8(), blue: t.uint8() },
 * });
 */
export function defineEvents<const E extends EventsDecl>(decl: E): EventSchema<E> {
  return new EventSchema(decl);
}
