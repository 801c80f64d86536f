import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { WebSocket } from 'ws';
import { connectionConfig } from '../config';
import { type Connection, ConnectionPool, type GameSocket, slicedPass } from '../connection';
import { MetricsService } from '../metrics';
import { CloseCode } from '../protocol';

/**
 * Liveness: one pass over the pool every HEARTBEAT_INTERVAL_MS (a single unref()ed timer, never
 * one per socket) sends a protocol ping to every open socket and closes those not heard from for
 * HEARTBEAT_TIMEOUT_MS with 4000. "Heard from" is a protocol pong or any inbound data frame
 * (browsers cannot answer protocol pings themselves, so their app-level `ping`/`pong` count).
 * A socket whose close is already under way at the next pass (a dead peer never answers the
 * close frame) is terminated. The pass runs in slices of about SLICE_BUDGET_MS and yields to
 * the event loop between them, so that ticks and messages keep flowing while it runs.
 */
@Injectable()
export class HeartbeatService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HeartbeatService.name);
  private timer: NodeJS.Timeout | undefined;
  private sweeping = false;
  /** Connections closed for missing pongs since start. */
  timeouts = 0;

  constructor(
    private readonly pool: ConnectionPool,
    @Inject(connectionConfig.KEY) private readonly config: ConfigType<typeof connectionConfig>,
    private readonly metrics: MetricsService,
  ) {}

  onModuleInit(): void {
    this.pool.onRegister(bindPong);
    this.metrics.countCloses(CloseCode.HeartbeatTimeout, () => this.timeouts);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.startSweep(), this.config.heartbeatIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One pass over every connection at once. Public so that tests and benchmarks can drive it. */
  sweep(now: number): void {
    const silentBefore = now - this.config.heartbeatTimeoutMs;
    for (const connection of this.pool.values()) this.visit(connection, silentBefore);
  }

  /** One pass in slices; a pass still running when the next is due is not doubled. */
  private startSweep(): void {
    if (this.sweeping) return;
    this.sweeping = true;
    const silentBefore = Date.now() - this.config.heartbeatTimeoutMs;
    slicedPass(this.pool.values(), (connection) => this.visit(connection, silentBefore), () => this.timer === undefined)
      .catch((error: Error) => this.logger.error('heartbeat sweep failed', error))
      .finally(() => (this.sweeping = false));
  }

  private visit(connection: Connection, silentBefore: number): void {
    const socket = connection.socket;
    if (connection.lastPongAt < silentBefore && connection.lastInboundAt < silentBefore) {
      if (socket.readyState === WebSocket.OPEN) this.timeouts += 1;
      this.pool.closeOrTerminate(connection, CloseCode.HeartbeatTimeout, 'heartbeat timeout: no pong');
    } else if (socket.readyState === WebSocket.OPEN) {
      socket.ping();
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
