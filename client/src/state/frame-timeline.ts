/**
 * When each state frame of a room "happened", on the local clock (`performance.now()`), for
 * interpolation. Deltas carry no time, and frames come at most once per tick, only when something
 * changed: a frame is placed at its arrival time, but never closer than one tick after the frame
 * before it (frames that arrive bunched after network jitter are spread out again), and never more
 * than `maxLeadTicks` ticks after its arrival (so a long burst cannot push the timeline ahead of
 * the clock). Keyframes' `time` is the server's clock; it is not used, since deltas could not be
 * placed on the same clock without it.
 */
export class FrameTimeline {
  private last: number | undefined;

  constructor(
    /** Milliseconds between ticks (1000 / `welcome.tick_rate`). */
    readonly tickMs: number,
    private readonly maxLeadTicks = 2,
  ) {}

  /** Local time of the frame that arrived at `arrivedAt`. */
  place(arrivedAt: number): number {
    const spaced = this.last === undefined ? arrivedAt : this.last + this.tickMs;
    const time = Math.max(arrivedAt, Math.min(spaced, arrivedAt + this.maxLeadTicks * this.tickMs));
    this.last = time;
    return time;
  }
}

/** The local monotonic clock the SDK stamps frames with (and interpolators read by default). */
export const localNow: () => number =
  typeof performance !== 'undefined' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();
