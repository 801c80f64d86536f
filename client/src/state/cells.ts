import type { InterestDescriptor } from './kind-descriptor.js';

/** A cell of an interest-managed room's grid: its column and row, and the square of the world it covers. */
export interface CellBounds {
  readonly cell: number;
  readonly column: number;
  readonly row: number;
  /** The cell covers `[x, x + size) × [y, y + size)`. */
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

// The numbering of docs/protocol.md ("Interest management"): zigzag each coordinate, then pair them (Szudzik).
const zigzag = (n: number): number => (n >= 0 ? 2 * n : -2 * n - 1);
const unzigzag = (n: number): number => (n % 2 === 0 ? n / 2 : -(n + 1) / 2);

/** The id of the cell at column `column`, row `row` (what markers name). */
export function cellIdAt(column: number, row: number): number {
  const a = zigzag(column);
  const b = zigzag(row);
  return a >= b ? a * a + a + b : b * b + a;
}

/**
 * Where a cell is: its column, row and the square of the world it covers, for drawing the view.
 * @example for (const cell of room.state.view!.cells) { const b = cellBounds(cell, 100); ctx.strokeRect(b.x, b.y, b.size, b.size); }
 */
export function cellBounds(cell: number, cellSize: number): CellBounds {
  const s = Math.floor(Math.sqrt(cell));
  const r = cell - s * s;
  const [column, row] = r < s ? [unzigzag(r), unzigzag(s)] : [unzigzag(s), unzigzag(r - s)];
  return { cell, column, row, x: column * cellSize, y: row * cellSize, size: cellSize };
}

/** The id of the cell a point is in (borders belong to the cell after them). */
export function cellAtPoint(x: number, y: number, cellSize: number): number {
  return cellIdAt(Math.floor(x / cellSize), Math.floor(y / cellSize));
}

/**
 * What a client of an interest-managed room sees (`room.state.view`): the cells of its view as the
 * server's frames said, and the grid they belong to.
 */
export interface ViewState {
  /** The cells seen now (ids, as markers name them). */
  readonly cells: ReadonlySet<number>;
  /** The kind's grid: cell size, view distance, which fields are positions. */
  readonly interest: Readonly<InterestDescriptor>;
  /** The cell an entity is in, as the frames said; undefined for a global entity or one not in the mirror. */
  cellOf(id: number): number | undefined;
  /** Whether the point is in a cell of the view. */
  sees(x: number, y: number): boolean;
  /** The squares of the world the view covers, one per cell. */
  bounds(): CellBounds[];
}
