import { slicedPass } from './sliced-pass';

/** Keeps the CPU busy for `ms`: a visit that costs real time, as a socket write does. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('slicedPass', () => {
  it('should visit every item once, in order', async () => {
    const seen: number[] = [];
    await slicedPass([1, 2, 3, 4].values(), (n) => seen.push(n), () => false);
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('should yield to the event loop once a slice used its time budget', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('other work'));
    const items = Array.from({ length: 64 }, (_, i) => i);
    // 0.2 ms per item against a 1 ms budget: the clock is read every 8 items, so the first
    // slice ends after 8 and the other work runs before item 8.
    await slicedPass(items.values(), (i) => (busy(0.2), order.push(`item ${i}`)), () => false, 1);
    expect(order.indexOf('other work')).toBe(8);
    expect(order.filter((entry) => entry.startsWith('item'))).toHaveLength(64);
  });

  it('should stop between slices when told to', async () => {
    let visited = 0;
    let stop = false;
    const pass = slicedPass(Array.from({ length: 64 }).values(), () => (busy(0.2), (visited += 1)), () => stop, 1);
    stop = true;
    await pass;
    expect(visited).toBe(8);
  });
});
