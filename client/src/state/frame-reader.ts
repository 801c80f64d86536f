import type { StateFramePayload } from '../types.js';
import type { CompiledType, FieldCodec } from './field-codecs.js';

/** An entity as a frame leaves it: its type, stored values, and the cell it is in (-1: global). */
export interface Slot {
  readonly type: CompiledType;
  stored: unknown[];
  /** True for an entity spawned in the frame being read (not yet in the mirror). */
  readonly spawned: boolean;
  cell: number;
  view?: Record<string, unknown>;
}

/**
 * What one frame does, decoded and nothing applied yet: what each entity it names becomes (null:
 * gone from the mirror) and why, and, in an interest-managed room, which cells came into or left
 * the view.
 */
export interface FrameRead {
  readonly next: Map<number, Slot | null>;
  /** Entities spawned in the world (not arrivals from another cell, not a cell coming into view). */
  readonly born: Set<number>;
  /** Entities despawned from the world (not moved out of view). */
  readonly died: Set<number>;
  /** The cells seen after the frame. */
  readonly cells: Set<number>;
  readonly cellsEntered: number[];
  readonly cellsLeft: number[];
}

/** A frame that cannot be applied to the descriptor it claims: the mirror must wait for a keyframe. */
export class StateFrameError extends Error {
  override readonly name = 'StateFrameError';
}

/** What the reader needs of the mirror: the types, and what it holds before the frame. */
export interface MirrorHoldings {
  readonly types: readonly CompiledType[];
  readonly slots: ReadonlyMap<number, Slot>;
  readonly cells: ReadonlySet<number>;
}

const SPAWN = 1;
const DESPAWN = 2;
const MARKER = 3;
const ROOM_ID = 0;
/** Flag 1 of a marker: drop the cell; of a despawn: the entity crossed this cell's border. */
const FLAG = 1;

/**
 * Decodes a frame's records (docs/protocol.md, "Applying a state frame" and "Interest
 * management") against what the mirror holds, changing nothing: a malformed frame throws
 * {@link StateFrameError} and leaves the mirror as it was.
 */
export function readFrame(frame: StateFramePayload, key: boolean, held: MirrorHoldings): FrameRead {
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

  const read: FrameRead = { next: new Map(), born: new Set(), died: new Set(), cells: new Set(key ? [] : held.cells), cellsEntered: [], cellsLeft: [] };
  const { next, born, died, cells } = read;
  /** What the mirror will hold for `id` after the records read so far. */
  const current = (id: number): Slot | undefined => (next.has(id) ? (next.get(id) ?? undefined) : key ? undefined : held.slots.get(id));
  let id = 0;
  let cell = -1; // records before the first marker are global
  let segmentIsKey = key; // a keyframe, or the segment of a cell that just came into view
  let crossed = -1; // the id of a crossing record just read: a spawn of it right after is an arrival
  while (i < ops.length) {
    const difference = number();
    id += difference;
    const head = number();
    const op = head & 3;
    let mask = head >>> 2;
    if (head < 0) throw fail(`bad record head ${head} (entity ${id})`);
    const arrival = crossed === id;
    crossed = -1;
    if (op === MARKER) {
      if (difference !== 0) throw fail(`a segment marker must have id difference 0 (got ${difference})`);
      cell = number();
      id = 0; // ids restart in each segment
      if (!Number.isInteger(cell) || cell < 0) throw fail(`bad cell ${cell}`);
      if (mask & FLAG) {
        forgetCell(cell, held, next, key);
        if (cells.delete(cell)) read.cellsLeft.push(cell);
        cell = -1;
      } else if (!cells.has(cell)) {
        cells.add(cell);
        if (!key) read.cellsEntered.push(cell);
        segmentIsKey = true;
      } else segmentIsKey = key;
      continue;
    }
    if (op === DESPAWN) {
      if (id === ROOM_ID) throw fail('the room cannot be despawned');
      if (mask & FLAG) {
        // Crossed this cell's border: gone from here if held here (it may reappear in a cell we see).
        if (current(id)?.cell === cell) next.set(id, null);
        crossed = id;
      } else {
        next.set(id, null);
        died.add(id);
      }
      continue;
    }
    let entry: Slot;
    if (op === SPAWN) {
      const typeIndex = number();
      const type = held.types[typeIndex];
      if (!type || (typeIndex === 0) !== (id === ROOM_ID)) throw fail(`entity ${id} spawned with type ${typeIndex}`);
      if (id === ROOM_ID && !key) throw fail('the room is spawned only in keyframes');
      entry = { type, stored: type.fields.map((f) => f.initial), spawned: true, cell };
      // In view because its cell came into view, or it walked in: not new in the world.
      if (!(cell >= 0 && (segmentIsKey || arrival))) born.add(id);
    } else {
      const base = current(id);
      if (!base) throw fail(`update of entity ${id}, which the mirror does not have`);
      entry = { type: base.type, stored: base.stored.slice(), spawned: base.spawned, cell: base.cell };
    }
    const fields = entry.type.fields;
    if (mask >>> fields.length !== 0) throw fail(`mask ${mask} names fields "${entry.type.name}" does not have`);
    for (let f = 0; mask !== 0; f++, mask >>>= 1) {
      if (mask & 1) entry.stored[f] = value(fields[f], entry.stored[f], op === SPAWN);
    }
    next.set(id, entry);
  }
  if (s !== strings.length) throw fail(`${strings.length - s} strings left over`);
  if (key && next.get(ROOM_ID)?.type !== held.types[0]) throw fail('a keyframe must describe the room (entity 0)');
  return read;
}

/** A dropped cell: everything held in it leaves the mirror (it left the view, not the world). */
function forgetCell(cell: number, held: MirrorHoldings, next: Map<number, Slot | null>, key: boolean): void {
  if (!key) for (const [id, slot] of held.slots) if (slot.cell === cell && !next.has(id)) next.set(id, null);
  for (const [id, slot] of next) if (slot?.cell === cell) next.set(id, null);
}
