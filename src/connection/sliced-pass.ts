import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * CPU time one slice of a pass may take before it yields to the event loop. A ping or a close
 * costs a socket write, measured at 10-80 µs on a loaded 2-core machine, so a slice of a fixed
 * 2,000 connections stalled the loop for up to 166 ms; a time budget bounds the stall whatever
 * the per-item cost (BENCHMARKS.md, "Liveness sweeps and event-loop stalls").
 */
export const SLICE_BUDGET_MS = 2;
/** Items visited between two clock reads (`performance.now()` is cheap, but not free). */
const CLOCK_EVERY = 8;

/**
 * Visits every item of `items` in slices of about `budgetMs` each, yielding to the event loop
 * (I/O, timers, ticks) between slices, until the iterator is exhausted or `stopped()` says so.
 * Resolves when the pass is over. A Map iterator stays valid across slices: entries deleted
 * meanwhile are skipped, entries added meanwhile are visited.
 *
 * @example await slicedPass(pool.values(), (connection) => connection.socket.ping(), () => this.stopped);
 */
export async function slicedPass<T>(
  items: Iterator<T>,
  visit: (item: T) => void,
  stopped: () => boolean,
  budgetMs = SLICE_BUDGET_MS,
): Promise<void> {
  for (;;) {
    const deadline = performance.now() + budgetMs;
    for (let visited = 1; ; visited++) {
      const { value, done } = items.next();
      if (done) return;
      visit(value);
      if (visited % CLOCK_EVERY === 0 && performance.now() >= deadline) break;
    }
    await nextTurn();
    if (stopped()) return;
  }
}
