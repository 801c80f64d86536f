import type { StateFramePayload } from '../types.js';
import { type CompiledType, compileTypes, type FieldCodec, sameStored } from './field-codecs.js';
import type { KindDescriptor } from './kind-descriptor.js';

/** An entity of the mirror: its fields as the game sees them, `id` and `type`. */
export interface EntityView {
  readonly id: number;
  readonly type: string;
  readonly [field: string]: unknown;
}

/** Fields of one entity (or of the room) that changed in a frame, with their values before it. */
export interface FieldChanges {
  /** The entity's view (the room's fields object for the room), already updated. */
  readonly entity: EntityView | Readonly<Record<string, unknown>>;
  readonly id: number;
  /** The entity's type; `room` for the room's own fields. */
  readonly type: string;
  /** Names of the fields whose value changed, in wire order. */
  readonly fields: readonly string[];
  /** Their values before the frame. */
  readonly previous: Readonly<Record<string, unknown>>;
}

/**
 * What one applied frame did, for callbacks that fire once the whole frame is applied. A despawn
 * and a spawn of one id in one frame (a respawn) is a removal of the old object and an addition
 * of a new one; a keyframe reports only what differs from the mirror it replaced.
 */
export interface FrameChanges {
  readonly frame: number;
  readonly key: boolean;
  readonly removed: readonly EntityView[];
  readonly added: readonly EntityView[];
  readonly changed: readonly FieldChanges[];
}

/** A frame that cannot be applied to the descriptor it claims: the mirror must wait for a keyframe. */
export class StateFrameError extends Error {
  override readonly name = 'StateFrameError';
}

interface Slot {
  readonly type: CompiledType;
  stored: unknown[];
  /** True for an entity spawned in the frame being read (not yet in the mirror). */
  readonly spawned: boolean;
  view?: Record<string, unknown>;
}

const UPDATE = 0;
const SPAWN = 1;
const DESPAWN = 2;
const ROOM_ID = 0;

/**
 * The client's copy of a room's typed state, kept from keyframes and deltas with the apply
 * algorithm of docs/protocol.md ("State frames (v2)"). Values are stored as the server stores them
 * (integers, strings) and shown decoded, so the copy is bit for bit the server's. A frame is read
 * completely before anything changes: a malformed frame leaves the mirror as it was.
 */
export class StateMirror {
  /** The frame the mirror is at; -1 until the first keyframe. */
  frame = -1;
  /** The room's own fields (entity 0), one object updated in place. */
  readonly room: Record<string, unknown> = {};
  /** Entities (not the room) by id. */
  readonly entities = new Map<number, EntityView>();
  private readonly slots = new Map<number, Slot>();
  private readonly byType = new Map<string, Map<number, EntityView>>();
  private readonly types: CompiledType[];

  constructor(readonly descriptor: KindDescriptor) {
    this.types = compileTypes(descriptor.types);
    const room = this.types[0];
    this.slots.set(ROOM_ID, { type: room, stored: room.fields.map((f) => f.initial), spawned: false, view: this.room });
    room.fields.forEach((field, f) => (this.room[field.name] = field.load(room.fields[f].initial)));
    for (const type of this.types.slice(1)) this.byType.set(type.name, new Map());
  }

  /** Entities of one type, by id (empty for a type the kind does not have). */
  ofType(type: string): ReadonlyMap<number, EntityView> {
    return this.byType.get(type) ?? new Map();
  }

  /**
   * Applies a keyframe, or a delta whose base is the frame the mirror is at. Returns what changed,
   * or undefined for a delta on another base (nothing changes: wait for a keyframe). Throws
   * {@link StateFrameError} for a frame that does not decode (and changes nothing).
   */
  apply(frame: StateFramePayload): FrameChanges | undefined {
    const key = frame.key === true;
    if (!key && (this.frame < 0 || frame.frame !== this.frame + 1)) return undefined;
    const next = this.read(frame, key);
    const changes = { frame: frame.frame, key, removed: [] as EntityView[], added: [] as EntityView[], changed: [] as FieldChanges[] };
    for (const [id, entry] of next) {
      const old = this.slots.get(id);
      if (entry === null) {
        if (old) this.remove(id, changes.removed);
      } else if (old && !entry.spawned) {
        this.update(id, old, entry.stored, changes.changed);
      } else if (old && key && old.type === entry.type) {
        this.update(id, old, entry.stored, changes.changed); // a keyframe re-describes a known entity
      } else {
        if (old) this.remove(id, changes.removed); // a respawn: the old object goes, a new one comes
        this.add(id, entry, changes.added);
      }
    }
    if (key) for (const id of [...this.slots.keys()]) if (!next.get(id)) this.remove(id, changes.removed);
    this.frame = frame.frame;
    return changes;
  }

  /** Decodes a frame's records into what each named entity becomes (null: despawned), changing nothing. */
  private read(frame: StateFramePayload, key: boolean): Map<number, Slot | null> {
    const ops = frame.ops ?? []; // JSON may leave out empty arrays
    const strings = frame.strings ?? [];
    const fail = (why: string) => new StateFrameError(`state frame ${frame.frame}${key ? ' (keyframe)' : ''}: ${why}`);
    let i = 0;
    let s = 0;
    const number = (): number => {
      if (i >= ops.length) throw fail('ops end inside a record');
      return ops[i++];
    };
    const string = (): string => {
      if (s >= strings.length) throw fail('more string values than strings');
      return strings[s++];
    };
    const count = (): number => {
      const n = number();
      if (!Number.isInteger(n) || n < 0 || n > ops.length + strings.length) throw fail(`bad element count ${n}`);
      return n;
    };
    const element = (codec: Pick<FieldCodec, 'shape' | 'wrap'>): unknown => (codec.shape === 'string' ? string() : codec.wrap(number()));
    const value = (codec: FieldCodec, previous: unknown, absolute: boolean): unknown => {
      switch (codec.shape) {
        case 'number': {
          const n = number();
          return codec.wrap(absolute ? n : (previous as number) + n);
        }
        case 'string':
          return string();
        case 'list':
          return Array.from({ length: count() }, () => element(codec.element!));
        case 'map':
          return Array.from({ length: count() }, () => [string(), element(codec.element!)]);
      }
    };

    const next = new Map<number, Slot | null>();
    let id = 0;
    while (i < ops.length) {
      id += number();
      const head = number();
      const op = head & 3;
      let mask = head >>> 2;
      if (head < 0 || op > DESPAWN) throw fail(`bad record head ${head} (entity ${id})`);
      if (op === DESPAWN) {
        if (id === ROOM_ID) throw fail('the room cannot be despawned');
        next.set(id, null);
        continue;
      }
      let entry: Slot;
      if (op === SPAWN) {
        const typeIndex = number();
        const type = this.types[typeIndex];
        if (!type || (typeIndex === 0) !== (id === ROOM_ID)) throw fail(`entity ${id} spawned with type ${typeIndex}`);
        if (id === ROOM_ID && !key) throw fail('the room is spawned only in keyframes');
        entry = { type, stored: type.fields.map((f) => f.initial), spawned: true };
      } else {
        const base = next.has(id) ? next.get(id) : key ? undefined : this.slots.get(id);
        if (!base) throw fail(`update of entity ${id}, which the mirror does not have`);
        entry = { type: base.type, stored: base.stored.slice(), spawned: base.spawned };
      }
      const fields = entry.type.fields;
      if (mask >>> fields.length !== 0) throw fail(`mask ${mask} names fields "${entry.type.name}" does not have`);
      for (let f = 0; mask !== 0; f++, mask >>>= 1) {
        if (mask & 1) entry.stored[f] = value(fields[f], entry.stored[f], op === SPAWN);
      }
      next.set(id, entry);
    }
    if (s !== strings.length) throw fail(`${strings.length - s} strings left over`);
    if (key && next.get(ROOM_ID)?.type !== this.types[0]) throw fail('a keyframe must describe the room (entity 0)');
    return next;
  }

  private add(id: number, entry: Slot, added: EntityView[]): void {
    const view: Record<string, unknown> = { id, type: entry.type.name };
    entry.type.fields.forEach((field, f) => (view[field.name] = field.load(entry.stored[f])));
    this.slots.set(id, { type: entry.type, stored: entry.stored, spawned: false, view });
    this.entities.set(id, view as EntityView);
    this.byType.get(entry.type.name)!.set(id, view as EntityView);
    added.push(view as EntityView);
  }

  private remove(id: number, removed: EntityView[]): void {
    const slot = this.slots.get(id)!;
    this.slots.delete(id);
    this.entities.delete(id);
    this.byType.get(slot.type.name)?.delete(id);
    removed.push(slot.view as EntityView);
  }

  private update(id: number, slot: Slot, stored: unknown[], changed: FieldChanges[]): void {
    const view = slot.view!;
    const fields: string[] = [];
    const previous: Record<string, unknown> = {};
    slot.type.fields.forEach((field, f) => {
      if (sameStored(slot.stored[f], stored[f])) return;
      previous[field.name] = view[field.name];
      slot.stored[f] = stored[f];
      view[field.name] = field.load(stored[f]);
      fields.push(field.name);
    });
    if (fields.length > 0) changed.push({ entity: view, id, type: slot.type.name, fields, previous });
  }
}
