import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { WebSocket } from 'ws';
import { connectionConfig } from '../config';
import { CloseCode } from '../protocol';
import { ConnectionPool } from './connection-pool.service';

/**
 * Graceful shutdown of the connections, in Nest's shutdown hooks (SIGTERM/SIGINT or app.close()):
 * 1. `draining` turns on in the earliest hook (`onModuleDestroy`, while HTTP still answers): the
 *    upgrade gate answers new upgrades with 503 and `/ready` answers 503 (one signal for both);
 * 2. every client gets close 1012 (service restart: reconnect elsewhere and resume); the close
 *    frame queues behind what is already buffered, so waiting for the close handshakes is waiting
 *    for the queues to drain, for at most half of SHUTDOWN_TIMEOUT_MS;
 * 3. sockets still open then are terminated;
 * 4. on a signal, a watchdog ends the process with exit code 1 if the whole shutdown (other
 *    modules' hooks included) has not finished within SHUTDOWN_TIMEOUT_MS.
 * Steps 2-4 run once (`drain`): a hook that must follow them (the bridge's room handover, in
 * another module whose hook Nest may call first) awaits `drain` itself.
 */
@Injectable()
export class ConnectionDrain implements OnModuleDestroy, BeforeApplicationShutdown {
  private readonly logger = new Logger(ConnectionDrain.name);
  /** True from the start of shutdown: no new connections. */
  draining = false;
  private drained: Promise<void> | undefined;

  constructor(
    private readonly pool: ConnectionPool,
    @Inject(connectionConfig.KEY) private readonly config: ConfigType<typeof connectionConfig>,
  ) {}

  onModuleDestroy(): void {
    this.draining = true;
  }

  beforeApplicationShutdown(signal?: string): Promise<void> {
    return this.drain(signal);
  }

  /** Closes every connection (steps 2-4 above), once: later calls get the same promise. */
  drain(signal?: string): Promise<void> {
    this.drained ??= this.closeAll(signal);
    return this.drained;
  }

  private async closeAll(signal?: string): Promise<void> {
    this.draining = true;
    const timeoutMs = this.config.shutdownTimeoutMs;
    if (signal) {
      // Never cleared: the other modules' shutdown hooks run after this one (Redis closes last) and
      // a hung one must still end the process. Unref'd; Nest exits once every hook has returned.
      const watchdog = setTimeout(() => {
        this.logger.error(`shutdown did not finish within SHUTDOWN_TIMEOUT_MS=${timeoutMs}; exiting`);
        process.exit(1);
      }, timeoutMs);
      watchdog.unref();
    }
    const open = [...this.pool.values()];
    if (open.length === 0) return;
    this.logger.log(`shutting down: closing ${open.length} connections with ${CloseCode.ServiceRestart}`);
    const allClosed = Promise.all(open.map((connection) => closed(connection.socket)));
    for (const connection of open) {
      this.pool.close(connection, CloseCode.ServiceRestart, 'server restarting; reconnect');
    }
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      allClosed.then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs / 2))),
    ]);
    clearTimeout(timer);
    if (drained) return;
    const left = open.filter((connection) => connection.socket.readyState !== WebSocket.CLOSED);
    this.logger.warn(`${left.length} connections did not drain in ${timeoutMs / 2} ms; terminating them`);
    for (const connection of left) connection.socket.terminate();
  }
}

function closed(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => socket.once('close', () => resolve()));
}
