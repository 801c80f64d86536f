/** Reconnect delays: exponential from `baseMs`, capped at `capMs`, with jitter so that clients dropped together do not return together. */
export interface BackoffOptions {
  /** @default 500 */
  baseMs?: number;
  /** @default 10000 */
  capMs?: number;
}

/** Delay before attempt `attempt` (1-based): uniformly random in [d/2, d], d = min(cap, base·2^(attempt-1)). */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const base = options.baseMs ?? 500;
  const cap = options.capMs ?? 10000;
  const ceiling = Math.min(cap, base * 2 ** Math.min(attempt - 1, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
