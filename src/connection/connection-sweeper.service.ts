import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { WebSocket } from 'ws';
import { connectionConfig } from '../config';
import { CloseCode } from '../protocol';
import { ConnectionPool } from './connection-pool.service';

/** Share of MAX_LIFETIME_MS by which a connection may be closed early, so that clients connected together do not all reconnect together. */
const LIFETIME_JITTER = 0.1;

/**
 * Closes connections idle past MAX_IDLE_MS (no inbound data frame; 4001) or older than
 * MAX_LIFETIME_MS (4002), in one pass over the pool per interval on a single unref()ed timer.
 * The interval is a quarter of the shorter limit, between 50 ms and 5 s: at the defaults a close
 * comes at most 5 s late, and a pass costs two comparisons per connection.
 */
@Injectable()
export class ConnectionSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  readonly sweepIntervalMs: number;
  /** Connections closed as idle / as too old since start. */
  idleCloses = 0;
  lifetimeCloses = 0;

  constructor(
    private readonly pool: ConnectionPool,
    @Inject(connectionConfig.KEY) private readonly config: ConfigType<typeof connectionConfig>,
  ) {
    const shorter = Math.min(config.maxIdleMs, config.maxLifetimeMs);
    this.sweepIntervalMs = Math.min(5000, Math.max(50, Math.floor(shorter / 4)));
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.sweep(Date.now()), this.sweepIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One pass over every connection. Public so that tests and benchmarks can drive it. */
  sweep(now: number): void {
    const idleBefore = now - this.config.maxIdleMs;
    const lifetime = this.config.maxLifetimeMs;
    for (const connection of this.pool.values()) {
      if (connection.socket.readyState !== WebSocket.OPEN) continue;
      // Jitter from the connect time's low digits: spread, deterministic, no extra field.
      const jitter = ((connection.connectedAt % 97) / 97) * LIFETIME_JITTER * lifetime;
      if (now - connection.connectedAt >= lifetime - jitter) {
        this.lifetimeCloses += 1;
        this.pool.close(connection, CloseCode.LifetimeExceeded, 'connection lifetime reached; reconnect and resume');
      } else if (connection.lastInboundAt < idleBefore) {
        this.idleCloses += 1;
        this.pool.close(connection, CloseCode.IdleTimeout, 'idle: no message within MAX_IDLE_MS');
      }
    }
  }
}
