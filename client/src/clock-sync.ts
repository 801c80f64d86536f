/** One round trip: how long it took and how far the server's clock is ahead of ours. */
export interface ClockSample {
  /** Round-trip time in ms (monotonic clock). */
  rttMs: number;
  /** Server clock minus local clock in ms, assuming the reply took half the round trip. */
  offsetMs: number;
}

const monotonic = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Round trips and the server's clock, NTP-style: each `ping` carries a unique `t`, its `pong`
 * echoes it and is stamped with the server's time; of the last few samples the one with the
 * shortest round trip gives the offset (its error is at most half its round trip). Until a
 * sample exists, the `welcome`'s `server_time` gives a one-way estimate.
 */
export class ClockSync {
  private readonly sent = new Map<number, number>();
  private samples: ClockSample[] = [];
  private welcomeOffset = 0;
  private lastT = 0;

  constructor(private readonly keep = 8) {}

  /** The `t` of a new ping; distinct from any earlier one. */
  start(): number {
    const t = Math.max(monotonic(), this.lastT + 0.001);
    this.lastT = t;
    this.sent.set(t, t);
    return t;
  }

  /** The sample for a `pong` (its `t` and the frame's server timestamp), or undefined if the ping was not ours. */
  finish(t: number | undefined, serverTime: number): ClockSample | undefined {
    if (t === undefined || !this.sent.delete(t)) return undefined;
    const rttMs = monotonic() - t;
    const sample = { rttMs, offsetMs: serverTime + rttMs / 2 - Date.now() };
    this.samples = [...this.samples.slice(1 - this.keep), sample];
    return sample;
  }

  forget(t: number): void {
    this.sent.delete(t);
  }

  welcomed(serverTime: number): void {
    if (serverTime > 0) this.welcomeOffset = serverTime - Date.now();
  }

  /** Best estimate of server clock minus local clock (ms). */
  get offsetMs(): number {
    const best = this.best();
    return best ? best.offsetMs : this.welcomeOffset;
  }

  /** The latest round trip (ms), or undefined before the first `ping`. */
  get rttMs(): number | undefined {
    return this.samples.at(-1)?.rttMs;
  }

  private best(): ClockSample | undefined {
    let best: ClockSample | undefined;
    for (const sample of this.samples) if (!best || sample.rttMs < best.rttMs) best = sample;
    return best;
  }
}
