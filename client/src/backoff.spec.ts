import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('should double from the base up to the cap, with jitter in the upper half', () => {
    const options = { baseMs: 100, capMs: 1000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, options, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect([1, 2, 3].map((n) => backoffDelay(n, options, () => 0))).toEqual([50, 100, 200]);
  });
});
