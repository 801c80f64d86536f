/**
 * A room kind as the server publishes it (`room_joined.schema`, and `docs/schemas/<kind>.json` in
 * the gateway's repository): its state types with their fields in wire order, its events and its
 * actions. The mirror decodes state frames with it; `game-gateway-types` turns it into TypeScript.
 */
export interface KindDescriptor {
  /** The kind's name (`arena`, `ctf`, …). */
  kind: string;
  /** `types[0]` is always `room` (the room's own fields, entity id 0); the index of a type is the number a spawn record names. */
  types: TypeDescriptor[];
  /** The events the kind's logic raises (`room_event`), with their fields. */
  events?: EventDescriptor[];
  /** The `game_action`s the kind accepts. */
  actions?: ActionDescriptor[];
  /** The names of the kind's creation options (`join_room.options`). */
  options?: string[];
  /** Present when the kind is interest-managed: each client sees only the cells around its focus. */
  interest?: InterestDescriptor;
}

/** How an interest-managed kind cuts its world into cells (docs/protocol.md, "Interest management"). */
export interface InterestDescriptor {
  /** Side of a square cell, in world units. */
  cellSize: number;
  /** A client sees the cells within this many cells (Chebyshev distance) of its focus: 1 is a 3 × 3 block. */
  viewDistance: number;
  /** Entity type → the names of its x and y fields; entities of other types (and the room) are global. */
  positions: Record<string, [string, string]>;
}

export interface TypeDescriptor {
  name: string;
  /** In wire order: field `i` is bit `i` of a record's mask. */
  fields: FieldDescriptor[];
}

/** One field: how its value is stored (an integer, a string, or a collection of them) and what the game sees. */
export interface FieldDescriptor extends ValueDescriptor {
  name: string;
}

/** A field's type without its name (also the element type of a list or map). */
export interface ValueDescriptor {
  /** `int8` … `uint32`, `float`, `bool`, `enum`, `string`, `list`, `map`. */
  type: string;
  /** `float`: the value the game sees is the stored integer × `precision`. */
  precision?: number;
  min?: number;
  max?: number;
  /** `enum`: the stored integer indexes these. */
  values?: string[];
  /** `string`, `list`: longest value. */
  maxLength?: number;
  /** `map`: most entries. */
  maxEntries?: number;
  /** `list`, `map`: the element type. */
  of?: ValueDescriptor;
  /** The stored value of a fresh entity's field when it is not 0, "" or empty. */
  default?: unknown;
}

export interface EventDescriptor {
  name: string;
  fields: FieldDescriptor[];
}

/** Whether a `game_action` field is needed: `required`, or `optional`. */
export type ActionNeed = 'required' | 'optional';

export interface ActionDescriptor {
  name: string;
  /** `game_action.position`. */
  position?: ActionNeed;
  /** `game_action.target_id` (an entity id). */
  target?: ActionNeed;
  /** The `params` keys the action accepts. */
  params?: string[];
}

/** `room_joined.schema` as it comes: JSON text (both codecs), or already an object. */
export function parseKindDescriptor(schema: string | KindDescriptor): KindDescriptor {
  const descriptor = typeof schema === 'string' ? (JSON.parse(schema) as KindDescriptor) : schema;
  if (!descriptor || !Array.isArray(descriptor.types) || descriptor.types[0]?.name !== 'room') {
    throw new TypeError('not a kind descriptor: "types" must be a list whose first entry is "room"');
  }
  return descriptor;
}
