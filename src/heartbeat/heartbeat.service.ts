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
import { MetricsService } from '../metrics';
import { CloseCode } from '../protocol';

/**
 * Connections visited per event-loop turn: a ping costs a socket write (about 9 µs measured, see
 * docs/operations.md), so 100k connections in one go would block the loop for most of a second.
 */
const SLICE = 2000;

/**
 * Liveness: one pass over the pool every HEARTBEAT_INTERVAL_MS (a single unref()ed timer, never
 * one per socket) sends a protocol ping to every open socket and closes those not heard from for
 * HEARTBEAT_TIMEOUT_MS with 4000. "Heard from" is a protocol pong or any inbound data frame
 * (browsers cannot answer protocol pings themselves, so their app-level `ping`/`pong` count).
 * A socket whose close is already under way at the next pass (a dead peer never answers the
 * close frame) is terminated. The pass yields to the event loop every SLICE connections so
 * that ticks and messages keep flowing while it runs.
 */
@Injectable()
export class HeartbeatService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
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
    this.visit(this.pool.values(), now - this.config.heartbeatTimeoutMs, Infinity);
  }

  /** One pass in slices; a pass still running when the next is due is not doubled. */
  private startSweep(): void {
    if (this.sweeping) return;
    this.sweeping = true;
    // A Map iterator stays valid across slices: closed connections are skipped, new ones visited.
    const connections = this.pool.values();
    const silentBefore = Date.now() - this.config.heartbeatTimeoutMs;
    const next = () => {
      if (this.timer && !this.visit(connections, silentBefore, SLICE)) return void setImmediate(next);
      this.sweeping = false;
    };
    next();
  }

  /** Visits up to `limit` connections; returns true when the iterator is exhausted. */
  private visit(connections: IterableIterator<Connection>, silentBefore: number, limit: number): boolean {
    for (let visited = 0; visited < limit; visited++) {
      const { value: connection, done } = connections.next();
      if (done) return true;
      const socket = connection.socket;
      if (connection.lastPongAt < silentBefore && connection.lastInboundAt < silentBefore) {
        if (socket.readyState === WebSocket.OPEN) this.timeouts += 1;
        this.pool.closeOrTerminate(connection, CloseCode.HeartbeatTimeout, 'heartbeat timeout: no pong');
      } else if (socket.readyState === WebSocket.OPEN) {
        socket.ping();
      }
    }
    return false;
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
