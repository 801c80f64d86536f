import { FrameRecords, RecordOp } from './frame-records';
import type { CellGrid } from './cell-grid';
import type { RoomState } from './room-state';

/**
 * One part of an interest-managed frame for one client, in the order it is sent. Each part is
 * encoded once per tick (and codec) on an instance and shared by every client that gets it: a
 * client's frame is only the concatenation of the parts its view needs.
 */
export type FramePart =
  /** The delta of the room and the global entities. */
  | { readonly kind: 'global' }
  /** The room and the global entities as spawn records (full keyframes). */
  | { readonly kind: 'global-key' }
  /** A marker, then the delta of a cell the client keeps seeing. */
  | { readonly kind: 'cell'; readonly cell: number }
  /** A marker, then every entity of a cell that came into view (or of every cell, in a full keyframe). */
  | { readonly kind: 'cell-key'; readonly cell: number }
  /** A drop marker: the cell left the client's view. */
  | { readonly kind: 'drop'; readonly cell: number };

/** The ops of a segment marker: `[0, flags × 4 + 3, cell]` (flag 1: drop). */
export const markerOps = (cell: number, drop: boolean): [number, number, number] => [0, (drop ? 4 : 0) + RecordOp.Marker, cell];

/** What one tick produced for an interest-managed room: the global delta and the delta of every cell that changed. */
export interface CellDeltas {
  readonly global: FrameRecords;
  readonly cells: ReadonlyMap<number, FrameRecords>;
}

/** Runs `RoomState.writeCellDeltas` into fresh records per cell. */
export function writeCellDeltas(state: RoomState): CellDeltas {
  const global = new FrameRecords();
  const cells = new Map<number, FrameRecords>();
  state.writeCellDeltas(global, (cell) => {
    let records = cells.get(cell);
    if (!records) cells.set(cell, (records = new FrameRecords()));
    return records;
  });
  return { global, cells };
}

/** How one subscriber's view changed this tick (cells sorted ascending). */
export interface ViewChange {
  readonly entered: readonly number[];
  readonly left: readonly number[];
}

/** A view that did not change this tick. */
export const NO_VIEW_CHANGE: ViewChange = Object.freeze({ entered: Object.freeze([]) as readonly number[], left: Object.freeze([]) as readonly number[] });

/**
 * The cells one subscriber sees, following its focus cell: a change of focus cell is the only
 * thing that changes a view (one lookup per moved player per tick, nothing per idle one).
 */
export class CellView {
  private focus = Number.NaN;
  private current: readonly number[] = [];
  private readonly set = new Set<number>();
  private key: string | undefined;

  constructor(private readonly grid: CellGrid) {}

  /** The cells seen now, ascending. */
  get cells(): readonly number[] {
    return this.current;
  }

  has(cell: number): boolean {
    return this.set.has(cell);
  }

  /**
   * The cells seen, as one string: views with the same signature see the same cells, so members
   * with nothing else to be told can share one frame. Made when first asked after a change.
   */
  get signature(): string {
    return (this.key ??= this.current.join(','));
  }

  /** Moves the focus (−1: nothing to focus on: sees nothing but global state); returns what entered and left. */
  follow(focusCell: number): ViewChange {
    if (focusCell === this.focus) return NO_VIEW_CHANGE;
    this.focus = focusCell;
    const next = focusCell < 0 ? [] : this.grid.viewFrom(focusCell);
    const nextSet = new Set(next);
    const entered = next.filter((c) => !this.set.has(c));
    const left = this.current.filter((c) => !nextSet.has(c));
    this.current = next;
    this.key = undefined;
    this.set.clear();
    for (const c of next) this.set.add(c);
    return entered.length || left.length ? { entered, left } : NO_VIEW_CHANGE;
  }

  /** Adopts a view someone else computed (another instance's, from the owner's view changes). */
  apply(change: ViewChange): void {
    for (const c of change.left) this.set.delete(c);
    for (const c of change.entered) this.set.add(c);
    this.current = [...this.set].sort((a, b) => a - b);
    this.key = undefined;
  }

  /** Starts from a known set of cells (a snapshot's). */
  reset(cells: readonly number[]): void {
    this.set.clear();
    for (const c of cells) this.set.add(c);
    this.current = [...this.set].sort((a, b) => a - b);
    this.key = undefined;
    this.focus = Number.NaN;
  }
}

/** What changed in a frame, as `planFrame` asks it: the global part, and which cells have a delta. */
export interface FrameChanges {
  readonly globalChanged: boolean;
  hasCell(cell: number): boolean;
}

/**
 * The parts of one subscriber's frame, or undefined when nothing in its view changed (it gets no
 * frame this tick; its next delta names the frame it builds on). `full`: a keyframe of everything
 * it sees (after a dropped frame, or a takeover).
 */
export function planFrame(
  view: { readonly cells: readonly number[]; has(cell: number): boolean },
  change: ViewChange,
  deltas: FrameChanges,
  full: boolean,
): FramePart[] | undefined {
  if (full) return [{ kind: 'global-key' }, ...view.cells.map((cell) => ({ kind: 'cell-key' as const, cell }))];
  const parts: FramePart[] = [];
  if (deltas.globalChanged) parts.push({ kind: 'global' });
  for (const cell of change.left) parts.push({ kind: 'drop', cell });
  const entered = new Set(change.entered);
  for (const cell of view.cells) {
    if (entered.has(cell)) parts.push({ kind: 'cell-key', cell });
    else if (deltas.hasCell(cell)) parts.push({ kind: 'cell', cell });
  }
  return parts.length > 0 ? parts : undefined;
}
