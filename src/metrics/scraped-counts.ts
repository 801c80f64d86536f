/**
 * Counts that their owning services already keep in plain fields (heartbeat timeouts, sweeper
 * closes, dropped frames, ...), read at scrape time: nothing is called per event, and the
 * owner's field stays the one source of truth. Several readers of one label value add up.
 */
export class ScrapedCounts {
  private readonly readers = new Map<string, (() => number)[]>();

  add(label: string, read: () => number): void {
    const readers = this.readers.get(label);
    if (readers) readers.push(read);
    else this.readers.set(label, [read]);
  }

  /** Current totals by label value. */
  *totals(): IterableIterator<[string, number]> {
    for (const [label, readers] of this.readers) yield [label, readers.reduce((sum, read) => sum + read(), 0)];
  }
}
