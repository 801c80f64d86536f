import type { FieldType } from './field-types';

/** A field as the published schema describes it (`StateSchema.describe()`). */
export interface FieldDescription {
  name: string;
  type: string;
  precision?: number;
  values?: string[];
  /** Stored value of a fresh entity when it is not 0, "" or empty. */
  default?: unknown;
  of?: Omit<FieldDescription, 'name'>;
}

/** The published description of a kind's state: per type (room first), its sent fields in wire order. */
export interface StateDescription {
  types: { name: string; fields: FieldDescription[] }[];
}

/** Fields of one entity type (or of the room): name → field type. */
export type FieldsDecl = Readonly<Record<string, FieldType<any>>>;

/** What a room kind declares: room-level fields and its entity types. */
export interface StateDecl {
  readonly room?: FieldsDecl;
  readonly entities?: Readonly<Record<string, FieldsDecl>>;
}

/** The values of a set of fields, as the logic reads and writes them. */
export type Values<F extends FieldsDecl | undefined> = F extends FieldsDecl
  ? { -readonly [K in keyof F]: F[K] extends FieldType<infer T> ? T : never }
  : Record<string, never>;

export type EntityTypeName<D extends StateDecl> = keyof NonNullable<D['entities']> & string;

/** A room member as the state sees it (the core's `PlayerRef` is one). */
export interface StateOwner {
  readonly clientId: string;
  readonly playerId: string;
  /** Room-local number: an entity spawned for this player takes it as its id. */
  readonly entityId: number;
}

/** What every entity has besides its declared fields. */
export interface EntityInfo<K extends string = string> {
  /** Room-local id: starts at 1, never reused in the room's life (0 is the room itself). */
  readonly id: number;
  readonly type: K;
  /** The player this entity was spawned for, if any. */
  readonly owner: StateOwner | undefined;
  /** The entity as plain data: id, type and every field's value. */
  toJSON(): Record<string, unknown>;
}

export type Entity<D extends StateDecl, K extends EntityTypeName<D> = EntityTypeName<D>> = K extends string
  ? Values<NonNullable<D['entities']>[K]> & EntityInfo<K>
  : never;

export type RoomFields<D extends StateDecl> = Values<D['room']>;

/** Field names logic code uses: letters, digits and `_`, starting with a lowercase letter. */
const FIELD_NAME = /^[a-z][A-Za-z0-9_]{0,31}$/;
const TYPE_NAME = /^[a-z][a-z0-9_]{0,31}$/;
const RESERVED = new Set(['id', 'type', 'owner', 'constructor', 'prototype', 'toString', 'valueOf', 'toJSON']);
/** Sent fields per type: the change mask is a 28-bit number so that a record head fits 32 bits. */
export const MAX_SENT_FIELDS = 28;

export interface CompiledField {
  readonly name: string;
  /** `type.field`, as errors name it (made once: `$set` runs per change per tick). */
  readonly path: string;
  /** Position in the type's stored values (sent fields first, in declaration order). */
  readonly index: number;
  /** Bit in the change mask (`1 << index`); 0 for server-side fields, which are never sent. */
  readonly bit: number;
  readonly type: FieldType;
}

export interface CompiledType {
  /** Index on the wire: 0 is the room, entity types follow in declaration order. */
  readonly index: number;
  readonly name: string;
  /** Sent fields first (their index is their mask bit), then server-side fields. */
  readonly fields: readonly CompiledField[];
  /** How many of `fields` are sent. */
  readonly sentCount: number;
  readonly byName: ReadonlyMap<string, CompiledField>;
  /** Stored values of a fresh entity of this type. */
  readonly initial: readonly unknown[];
}

/** Name of the room's own "entity type" (index 0, entity id 0) in descriptors. */
export const ROOM_TYPE = 'room';

/**
 * A state declaration checked and laid out once, at boot: field order, mask bits, initial
 * values. Shared by every room of the kind.
 */
export class StateSchema<D extends StateDecl = StateDecl> {
  readonly types: readonly CompiledType[];
  private readonly byName: ReadonlyMap<string, CompiledType>;

  constructor(readonly decl: D) {
    const entityDecls = Object.entries(decl.entities ?? {});
    this.types = [compileType(0, ROOM_TYPE, decl.room ?? {}), ...entityDecls.map(([name, fields], i) => compileType(i + 1, name, fields))];
    for (const [name] of entityDecls) {
      if (!TYPE_NAME.test(name) || name === ROOM_TYPE) throw new TypeError(`entity type "${name}" must match ${TYPE_NAME} and not be "${ROOM_TYPE}"`);
    }
    this.byName = new Map(this.types.map((type) => [type.name, type]));
  }

  type(name: string): CompiledType {
    const type = this.byName.get(name);
    if (!type || type.index === 0) throw new TypeError(`unknown entity type "${name}"; declared: ${this.types.slice(1).map((t) => t.name).join(', ') || 'none'}`);
    return type;
  }

  /**
   * The published description of this state (what clients decode with): per type, its sent
   * fields in wire order. Server-side fields are not in it.
   */
  describe(): StateDescription {
    return {
      types: this.types.map((type) => ({
        name: type.name,
        fields: type.fields.slice(0, type.sentCount).map((f) => ({
          name: f.name,
          ...(f.type.describe() as Omit<FieldDescription, 'name'>),
          // Spawn records leave out fields at their default: a client must know non-zero ones.
          ...(isZero(f.type.initial) ? {} : { default: f.type.initial }),
        })),
      })),
    };
  }
}

/**
 * Declares a room kind's state: room-level fields and entity types, each field typed.
 *
 * @example
 * export const ctfState = defineState({
 *   room: { red: t.uint8(), blue: t.uint8(), phase: t.enum(['warmup', 'play', 'over']) },
 *   entities: {
 *     player: { x: t.float({ precision: 0.1 }), y: t.float({ precision: 0.1 }), team: t.enum(['red', 'blue']) },
 *     flag: { x: t.float({ precision: 0.1 }), y: t.float({ precision: 0.1 }), carrier: t.uint16() },
 *   },
 * });
 */
export function defineState<const D extends StateDecl>(decl: D): StateSchema<D> {
  return new StateSchema(decl);
}

const isZero = (stored: unknown): boolean => stored === 0 || stored === '' || (Array.isArray(stored) && stored.length === 0);

function compileType(index: number, name: string, decl: FieldsDecl): CompiledType {
  const entries = Object.entries(decl);
  for (const [field] of entries) {
    if (!FIELD_NAME.test(field) || RESERVED.has(field)) {
      throw new TypeError(`field "${name}.${field}" must match ${FIELD_NAME} and not be one of ${[...RESERVED].join(', ')}`);
    }
  }
  const sent = entries.filter(([, type]) => !type.serverOnly);
  const serverSide = entries.filter(([, type]) => type.serverOnly);
  if (sent.length > MAX_SENT_FIELDS) throw new RangeError(`"${name}" has ${sent.length} sent fields; at most ${MAX_SENT_FIELDS} (make some .serverSide(), or split the type)`);
  const fields: CompiledField[] = [...sent, ...serverSide].map(([fieldName, type], i) => ({
    name: fieldName,
    path: `${name}.${fieldName}`,
    index: i,
    bit: type.serverOnly ? 0 : 1 << i,
    type,
  }));
  return {
    index,
    name,
    fields,
    sentCount: sent.length,
    byName: new Map(fields.map((f) => [f.name, f])),
    initial: fields.map((f) => f.type.initial),
  };
}
