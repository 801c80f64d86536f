import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { roomsConfig } from '../config';
import type { TickClock } from '../game-api';
import { MetricsService } from '../metrics';
import { type Room, RoomRegistry } from '../rooms';
import { RoomTick } from './room-tick';

/**
 * The authoritative tick: one timer for all rooms (never one per room), visiting only rooms
 * with inputs, a pending change or events, or logic that keeps ticking. What one room's tick does
 * (actions, `onTick`, one frame encoded once per codec whatever the member count, then events) is
 * `RoomTick`'s; this service owns when ticks happen.
 *
 * Ticks are scheduled against an ideal timeline (`nextTickAt += tickMs`), not with
 * `setInterval`: Node re-arms an interval from the moment it fired, so every late firing on a
 * busy loop pushes all later ticks back (a benchmark measured 5-7% fewer syncs than TICK_RATE).
 * A loop that falls more than a tick behind skips ahead instead of bursting.
 */
@Injectable()
export class SyncService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SyncService.name);
  private timer: NodeJS.Timeout | undefined;
  private nextTickAt = 0;
  readonly tickMs: number;

  constructor(
    @Inject(roomsConfig.KEY) config: ConfigType<typeof roomsConfig>,
    private readonly rooms: RoomRegistry,
    private readonly roomTick: RoomTick,
    private readonly metrics: MetricsService,
  ) {
    this.tickMs = 1000 / config.tickRate;
  }

  onApplicationBootstrap(): void {
    this.nextTickAt = Date.now();
    this.schedule();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private readonly onTimer = (): void => {
    this.tick(Date.now());
    this.schedule();
  };

  private schedule(): void {
    const now = Date.now();
    this.nextTickAt += this.tickMs;
    if (this.nextTickAt < now - this.tickMs) this.nextTickAt = now; // far behind: skip, don't burst
    this.timer = setTimeout(this.onTimer, Math.max(0, this.nextTickAt - now));
    this.timer.unref();
  }

  /** One tick over every active room. Public so that tests can drive it with fake timers. */
  tick(now: number): void {
    if (this.rooms.activeRooms.size === 0) return; // idle ticks would only dilute the histogram
    const started = performance.now();
    const clock: TickClock = { now, tickMs: this.tickMs };
    for (const room of this.rooms.activeRooms) {
      // Multi-instance: a room whose lease may be another instance's by now is not ticked (no
      // frame, no event) until its lease is confirmed; it stays active, its inputs queued.
      if (this.rooms.inDoubt(room.id, now)) continue;
      try {
        this.tickRoom(room, clock);
      } catch (error) {
        // A room must never stop the loop for the others.
        this.logger.error({ msg: `tick failed: ${(error as Error)?.stack ?? error}`, roomId: room.id });
      }
    }
    this.metrics.tickDuration(performance.now() - started);
  }

  private tickRoom(room: Room, clock: TickClock): void {
    const started = performance.now();
    room.settle(this.roomTick.run(room, clock));
    room.recordTickTime(performance.now() - started);
  }
}
