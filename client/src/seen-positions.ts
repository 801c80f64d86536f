/**
 * Which positions of one numbered stream (a room's offsets, a session's direct-message seqs) were
 * delivered, whatever order they arrive in: everything up to `floor` plus a sparse set above it.
 * `floor` only moves up, over positions that are contiguous, so it is always a safe point to ask
 * a replay from: nothing after it is skipped, and the set drops what the replay repeats.
 */
export class SeenPositions {
  private readonly above = new Set<number>();

  /**
   * @param floor every position up to this one counts as seen
   * @param maxGaps positions kept above a gap before the gap is given up (floor jumps over it):
   *   bounds memory when an event is lost for good (e.g. dropped while the bus was down)
   */
  constructor(
    private floor = 0,
    private readonly maxGaps = 4096,
  ) {}

  get watermark(): number {
    return this.floor;
  }

  /** Records `position`; false if it was seen before (a duplicate). */
  add(position: number): boolean {
    if (position <= this.floor || this.above.has(position)) return false;
    this.above.add(position);
    this.advance();
    if (this.above.size > this.maxGaps) this.skipGap();
    return true;
  }

  /** Everything up to `position` counts as seen (a snapshot covers it); never moves back. */
  raiseTo(position: number): void {
    if (position <= this.floor) return;
    this.floor = position;
    for (const seen of this.above) if (seen <= position) this.above.delete(seen);
    this.advance();
  }

  private advance(): void {
    while (this.above.delete(this.floor + 1)) this.floor += 1;
  }

  private skipGap(): void {
    this.raiseTo(Math.min(...this.above) - 1);
  }
}
