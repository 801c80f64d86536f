import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { type Bus, BUS, INSTANCE_ID } from '../bus';
import { ConnectionPool } from '../connection';
import { RoomRegistry } from '../rooms';
import type { InstanceSummary } from './api-models';

/**
 * This instance's load for the admin console: connections, rooms, CPU and event-loop delay since
 * the previous reading (one reading per heartbeat, so each figure covers one interval).
 */
@Injectable()
export class InstanceProbe implements OnApplicationShutdown {
  private readonly loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: 20 });
  private cpuAt = process.cpuUsage();
  private wallAt = performance.now();
  private last: InstanceSummary | undefined;

  constructor(
    @Inject(INSTANCE_ID) private readonly instanceId: string,
    @Inject(BUS) private readonly bus: Bus,
    private readonly pool: ConnectionPool,
    private readonly rooms: RoomRegistry,
  ) {
    this.loopDelay.enable();
  }

  /** Takes a reading and starts the next interval. */
  read(): InstanceSummary {
    const cpu = process.cpuUsage(this.cpuAt);
    const wall = performance.now() - this.wallAt;
    const lag = this.loopDelay.count > 0 ? this.loopDelay.mean / 1e6 : 0;
    this.cpuAt = process.cpuUsage();
    this.wallAt = performance.now();
    this.loopDelay.reset();
    const { published, received, dropped, failed } = this.bus.stats();
    this.last = {
      instance_id: this.instanceId,
      connections: this.pool.size,
      rooms: this.rooms.size,
      cpu_percent: wall > 0 ? round(((cpu.user + cpu.system) / 1000 / wall) * 100) : 0,
      event_loop_lag_ms: round(lag),
      rss_bytes: process.memoryUsage.rss(),
      uptime_s: Math.round(process.uptime()),
      bus: { ready: this.bus.isReady(), published, received, dropped, failed },
      at: Date.now(),
    };
    return this.last;
  }

  /** The last reading with live counts (connections and rooms change between heartbeats). */
  current(): InstanceSummary {
    const last = this.last ?? this.read();
    return { ...last, connections: this.pool.size, rooms: this.rooms.size, bus: { ...last.bus, ready: this.bus.isReady() } };
  }

  onApplicationShutdown(): void {
    this.loopDelay.disable();
  }
}

const round = (n: number): number => Math.round(n * 100) / 100;
