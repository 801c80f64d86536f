import type { StateFramePayload } from '../types.js';
import { type CompiledType, compileTypes, sameStored } from './field-codecs.js';
import { type FrameRead, readFrame, type Slot, StateFrameError } from './frame-reader.js';
import type { KindDescriptor } from './kind-descriptor.js';

export { StateFrameError };

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

/** Interest management: cells that came into and left the client's view in a frame (cell ids). */
export interface ViewChange {
  readonly entered: readonly number[];
  readonly left: readonly number[];
}

/**
 * What one applied frame did, for callbacks that fire once the whole frame is applied. A despawn
 * and a spawn of one id in one frame (a respawn) is a removal of the old object and an addition
 * of a new one; a keyframe reports only what differs from the mirror it replaced.
 *
 * In an interest-managed room entities also come and go without being spawned or despawned:
 * `enteredView` are those that appeared because their cell came into view or because they walked
 * in from a cell the client does not see; `leftView` those whose cell left the view or that
 * walked out of it (they are still in the world). An entity moving between two cells the client
 * sees stays the same object and is only `changed`. A keyframe of such a room (a resume) reports
 * the entities of cells as entering and leaving the view, the global ones as added and removed.
 */
export interface FrameChanges {
  readonly frame: number;
  readonly key: boolean;
  readonly removed: readonly EntityView[];
  readonly added: readonly EntityView[];
  readonly changed: readonly FieldChanges[];
  readonly enteredView: readonly EntityView[];
  readonly leftView: readonly EntityView[];
  /** Interest management: the view's cells changed (absent when they did not). */
  readonly view?: ViewChange;
}

const ROOM_ID = 0;

/**
 * The client's copy of a room's typed state, kept from keyframes and deltas with the apply
 * algorithm of docs/protocol.md ("State frames (v2)", "Interest management"). Values are stored as
 * the server stores them (integers, strings) and shown decoded, so the copy is bit for bit the
 * server's. A frame is read completely before anything changes: a malformed frame leaves the
 * mirror as it was.
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
  private cellsSeen = new Set<number>();

  constructor(readonly descriptor: KindDescriptor) {
    this.types = compileTypes(descriptor.types);
    const room = this.types[0];
    this.slots.set(ROOM_ID, { type: room, stored: room.fields.map((f) => f.initial), spawned: false, cell: -1, view: this.room });
    room.fields.forEach((field, f) => (this.room[field.name] = field.load(room.fields[f].initial)));
    for (const type of this.types.slice(1)) this.byType.set(type.name, new Map());
  }

  /** Interest management: the cells the client sees (empty in a room without interest management). */
  get cells(): ReadonlySet<number> {
    return this.cellsSeen;
  }

  /** Interest management: the cell an entity is in (-1: a global entity, or not held). */
  cellOf(id: number): number {
    return this.slots.get(id)?.cell ?? -1;
  }

  /** Entities of one type, by id (empty for a type the kind does not have). */
  ofType(type: string): ReadonlyMap<number, EntityView> {
    return this.byType.get(type) ?? new Map();
  }

  /**
   * Applies a keyframe, or a delta whose base (`base`, else `frame - 1`) is the frame the mirror
   * is at. Returns what changed, or undefined for a delta on another base (nothing changes: wait
   * for a keyframe). Throws {@link StateFrameError} for a frame that does not decode (and changes nothing).
   */
  apply(frame: StateFramePayload): FrameChanges | undefined {
    const key = frame.key === true;
    if (!key && (this.frame < 0 || (frame.base ?? frame.frame - 1) !== this.frame)) return undefined;
    const read = readFrame(frame, key, { types: this.types, slots: this.slots, cells: this.cellsSeen });
    const changes = { frame: frame.frame, key, removed: [], added: [], changed: [], enteredView: [], leftView: [] } as Mutable<FrameChanges>;
    for (const [id, entry] of read.next) this.settle(id, entry, read, changes);
    if (key) for (const id of [...this.slots.keys()]) if (!read.next.get(id)) this.remove(id, this.slots.get(id)!.cell >= 0 ? changes.leftView : changes.removed);
    const view = key ? viewDifference(this.cellsSeen, read.cells) : { entered: read.cellsEntered, left: read.cellsLeft };
    if (view.entered.length > 0 || view.left.length > 0) changes.view = view;
    this.cellsSeen = read.cells;
    this.frame = frame.frame;
    return changes;
  }

  /** Brings one entity to what the frame made of it, and says why in `changes`. */
  private settle(id: number, entry: Slot | null, read: FrameRead, changes: Mutable<FrameChanges>): void {
    const old = this.slots.get(id);
    const died = read.died.has(id);
    if (entry === null) {
      if (old) this.remove(id, died ? changes.removed : changes.leftView);
      return;
    }
    // Keyframes name no spawns: an entity of a cell comes with its cell's view, a global one is added.
    const born = changes.key ? entry.cell < 0 : read.born.has(id);
    if (old && !died && old.type === entry.type && (!entry.spawned || changes.key || !born)) {
      // Updated, re-described by a keyframe, or moved between cells: the same object, changed.
      old.cell = entry.cell;
      this.update(id, old, entry.stored, changes.changed);
      return;
    }
    if (old) this.remove(id, died || old.cell < 0 ? changes.removed : changes.leftView); // a respawn: the old object goes
    this.add(id, entry, born ? changes.added : changes.enteredView);
  }

  private add(id: number, entry: Slot, added: EntityView[]): void {
    const view: Record<string, unknown> = { id, type: entry.type.name };
    entry.type.fields.forEach((field, f) => (view[field.name] = field.load(entry.stored[f])));
    this.slots.set(id, { type: entry.type, stored: entry.stored, spawned: false, cell: entry.cell, view });
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

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer E)[] ? E[] : T[K] };

function viewDifference(before: ReadonlySet<number>, after: ReadonlySet<number>): ViewChange {
  return { entered: [...after].filter((c) => !before.has(c)), left: [...before].filter((c) => !after.has(c)) };
}
