import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { WebSocket } from 'ws';
import { connectionConfig } from '../config';
import { type Connection, ConnectionPool, type GameSocket } from '../connection';
import { CloseCode } from '../protocol';

/**
 * Liveness: one pass over the pool every HEARTBEAT_INTERVAL_MS (a single unref()ed timer, never
 * one per socket) sends a protocol ping to every open socket and closes those not heard from for
 * HEARTBEAT_TIMEOUT_MS with 4000. "Heard from" is a protocol pong or any inbound data frame
 * (browsers cannot answer protocol pings themselves, so their app-level `ping`/`pong` count).
 * A socket whose close is already under way at the next pass (a dead peer never answers the
 * close frame) is terminated.
 */
@Injectable()
export class HeartbeatService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  /** Connections closed for missing pongs since start. */
  timeouts = 0;

  constructor(
    private readonly pool: ConnectionPool,
    @Inject(connectionConfig.KEY) private readonly config: ConfigType<typeof connectionConfig>,
  ) {}

  onModuleInit(): void {
    this.pool.onRegister(bindPong);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.sweep(Date.now()), this.config.heartbeatIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One pass over every connection. Public so that tests and benchmarks can drive it. */
  sweep(now: number): void {
    const silentBefore = now - this.config.heartbeatTimeoutMs;
    for (const connection of this.pool.values()) {
      const socket = connection.socket;
      if (connection.lastPongAt < silentBefore && connection.lastInboundAt < silentBefore) {
        if (socket.readyState === WebSocket.OPEN) this.timeouts += 1;
        this.pool.closeOrTerminate(connection, CloseCode.HeartbeatTimeout, 'heartbeat timeout: no pong');
      } else if (socket.readyState === WebSocket.OPEN) {
        socket.ping();
      }
    }
  }
}

function bindPong(connection: Connection): void {
  // One shared function for every socket: no closure per connection.
  connection.socket.on('pong', markPong);
}

function markPong(this: WebSocket): void {
  const connection = (this as GameSocket).connection;
  if (connection) connection.lastPongAt = Date.now();
}
