import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { WebSocket } from 'ws';
import { authConfig, connectionConfig } from '../config';
import { CloseCode } from '../protocol';
import type { Connection } from './connection';
import { ConnectionPool } from './connection-pool.service';
import { slicedPass } from './sliced-pass';

/** Share of MAX_LIFETIME_MS by which a connection may be closed early, so that clients connected together do not all reconnect together. */
const LIFETIME_JITTER = 0.1;

/**
 * Closes connections whose token expired (its `exp` plus AUTH_CLOCK_TOLERANCE_S passed with no
 * `refresh`; 4101), idle past MAX_IDLE_MS (no inbound data frame; 4001) or older than
 * MAX_LIFETIME_MS (4002), in one pass over the pool per interval on a single unref()ed timer:
 * no timer per connection, for the token either.
 * The interval is a quarter of the shorter limit, between 50 ms and 5 s: at the defaults a close
 * comes at most 5 s late, and a pass costs three comparisons per connection. The timer's pass runs
 * in slices (`slicedPass`) so that closing many connections at once does not stall the loop.
 */
@Injectable()
export class ConnectionSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ConnectionSweeper.name);
  private timer: NodeJS.Timeout | undefined;
  private sweeping = false;
  readonly sweepIntervalMs: number;
  /** Connections closed as idle / as too old / with an expired token since start. */
  idleCloses = 0;
  lifetimeCloses = 0;
  tokenExpiredCloses = 0;
  private readonly tokenToleranceMs: number;

  constructor(
    private readonly pool: ConnectionPool,
    @Inject(connectionConfig.KEY) private readonly config: ConfigType<typeof connectionConfig>,
    @Inject(authConfig.KEY) auth: ConfigType<typeof authConfig>,
  ) {
    this.tokenToleranceMs = auth.clockToleranceS * 1000;
    const shorter = Math.min(config.maxIdleMs, config.maxLifetimeMs);
    this.sweepIntervalMs = Math.min(5000, Math.max(50, Math.floor(shorter / 4)));
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.startSweep(), this.sweepIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One pass over every connection at once. Public so that tests and benchmarks can drive it. */
  sweep(now: number): void {
    for (const connection of this.pool.values()) this.visit(connection, now);
  }

  /** The timer's pass, in slices (a mass close costs a socket write per connection); never doubled. */
  private startSweep(): void {
    if (this.sweeping) return;
    this.sweeping = true;
    const now = Date.now();
    slicedPass(this.pool.values(), (connection) => this.visit(connection, now), () => this.timer === undefined)
      .catch((error: Error) => this.logger.error('connection sweep failed', error))
      .finally(() => (this.sweeping = false));
  }

  private visit(connection: Connection, now: number): void {
    if (connection.socket.readyState !== WebSocket.OPEN) return;
    if (connection.tokenExpiresAt > 0 && now >= connection.tokenExpiresAt + this.tokenToleranceMs) {
      this.tokenExpiredCloses += 1;
      this.pool.close(connection, CloseCode.TokenExpired, 'token expired: send refresh before token_expires_at, or reconnect with a new token');
      return;
    }
    const lifetime = this.config.maxLifetimeMs;
    // Jitter from the connect time's low digits: spread, deterministic, no extra field.
    const jitter = ((connection.connectedAt % 97) / 97) * LIFETIME_JITTER * lifetime;
    if (now - connection.connectedAt >= lifetime - jitter) {
      this.lifetimeCloses += 1;
      this.pool.close(connection, CloseCode.LifetimeExceeded, 'connection lifetime reached; reconnect and resume');
    } else if (connection.lastInboundAt < now - this.config.maxIdleMs) {
      this.idleCloses += 1;
      this.pool.close(connection, CloseCode.IdleTimeout, 'idle: no message within MAX_IDLE_MS');
    }
  }
}
