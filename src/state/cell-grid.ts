import type { StateSchema } from './state-schema';

/**
 * What a room kind declares to get interest management: which entity types have a position (the
 * names of their x and y fields), the cell size, and how far (in cells) a client sees.
 *
 * @example interest: { cellSize: 100, viewDistance: 1, positions: { player: ['x', 'y'], bot: ['x', 'y'] } }
 */
export interface InterestSpec {
  /** Side of a square cell, in world units. */
  readonly cellSize: number;
  /** A client sees the cells within this many cells of its focus cell (1: a 3×3 block). @default 1 */
  readonly viewDistance?: number;
  /** Entity type → its position fields `[x, y]`. Entities of other types (and the room) are seen by everyone. */
  readonly positions: Readonly<Record<string, readonly [string, string]>>;
}

/** zigzag: 0, -1, 1, -2, … → 0, 1, 2, 3, … */
const zz = (n: number): number => (n >= 0 ? 2 * n : -2 * n - 1);
const unzz = (n: number): number => (n % 2 === 0 ? n / 2 : -(n + 1) / 2);

/** Szudzik's pairing of two non-negative integers into one (and back): small coordinates, small ids. */
export function cellId(cx: number, cy: number): number {
  const a = zz(cx);
  const b = zz(cy);
  return a >= b ? a * a + a + b : b * b + a;
}

export function cellCoordinates(id: number): [number, number] {
  const s = Math.floor(Math.sqrt(id));
  const r = id - s * s;
  return r < s ? [unzz(r), unzz(s)] : [unzz(s), unzz(r - s)];
}

/**
 * The spatial grid of an interest-managed kind, laid out once per kind: which field of which
 * type is a position, and which cells a focus cell sees. Cell ids are stable numbers (docs/
 * protocol.md, "Interest management"); a client only ever reads them off markers.
 */
export class CellGrid {
  readonly cellSize: number;
  readonly viewDistance: number;
  /** Per type index: the stored-value indices of its x and y fields, or undefined (a global type). */
  private readonly fields: ([number, number] | undefined)[];
  private readonly loaders: (((stored: unknown) => number) | undefined)[][];
  private readonly views = new Map<number, readonly number[]>();

  constructor(
    schema: StateSchema,
    readonly spec: InterestSpec,
  ) {
    if (!(spec.cellSize > 0)) throw new RangeError(`interest.cellSize must be positive (got ${spec.cellSize})`);
    this.cellSize = spec.cellSize;
    this.viewDistance = spec.viewDistance ?? 1;
    if (!Number.isInteger(this.viewDistance) || this.viewDistance < 0 || this.viewDistance > 16) {
      throw new RangeError(`interest.viewDistance must be a whole number of cells from 0 to 16 (got ${spec.viewDistance})`);
    }
    this.fields = schema.types.map(() => undefined);
    this.loaders = schema.types.map(() => []);
    for (const [typeName, [xName, yName]] of Object.entries(spec.positions)) {
      const type = schema.type(typeName);
      const indices = [xName, yName].map((name) => {
        const field = type.byName.get(name);
        if (!field || field.type.shape !== 'number' || field.bit === 0) {
          throw new TypeError(`interest.positions.${typeName}: "${name}" must be a sent number field of "${typeName}"`);
        }
        this.loaders[type.index][field.index] = (stored) => field.type.load(stored) as number;
        return field.index;
      }) as [number, number];
      this.fields[type.index] = indices;
    }
  }

  /** Whether entities of this type have a position (are in a cell) rather than being global. */
  isPositional(typeIndex: number): boolean {
    return this.fields[typeIndex] !== undefined;
  }

  /** Whether a change of these fields (a change mask) can move an entity of the type to another cell. */
  movedBy(typeIndex: number, mask: number): boolean {
    const f = this.fields[typeIndex];
    return f !== undefined && (mask & ((1 << f[0]) | (1 << f[1]))) !== 0;
  }

  /** The cell of an entity of `typeIndex` with these stored values; -1 for a global type. */
  cellOf(typeIndex: number, values: readonly unknown[]): number {
    const f = this.fields[typeIndex];
    if (!f) return -1;
    const loaders = this.loaders[typeIndex];
    return this.cellAt(loaders[f[0]]!(values[f[0]]), loaders[f[1]]!(values[f[1]]));
  }

  cellAt(x: number, y: number): number {
    return cellId(Math.floor(x / this.cellSize), Math.floor(y / this.cellSize));
  }

  /** The cells seen from `cell` (within `viewDistance`), made once per cell and shared. */
  viewFrom(cell: number): readonly number[] {
    let view = this.views.get(cell);
    if (!view) {
      const [cx, cy] = cellCoordinates(cell);
      const d = this.viewDistance;
      const cells: number[] = [];
      for (let x = cx - d; x <= cx + d; x++) for (let y = cy - d; y <= cy + d; y++) cells.push(cellId(x, y));
      view = Object.freeze(cells.sort((a, b) => a - b));
      if (this.views.size < 100_000) this.views.set(cell, view);
    }
    return view;
  }

  /** For the kind's published descriptor. */
  describe(): { cellSize: number; viewDistance: number; positions: Record<string, readonly [string, string]> } {
    return { cellSize: this.cellSize, viewDistance: this.viewDistance, positions: { ...this.spec.positions } };
  }
}
