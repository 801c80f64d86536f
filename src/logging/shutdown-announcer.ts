import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

/** The signals an orchestrator or a person at a terminal stops the gateway with. */
const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Says in the log when a signal (SIGTERM from an orchestrator, Ctrl-C) starts a shutdown and when
 * it is over, so that the lines in between read as the drain they are. It listens to the signal
 * itself, next to Nest's own listener, because Nest runs the modules' shutdown hooks one module
 * after another: a hook of this module would wait for the connection drain before it. Only logs;
 * the shutdown is Nest's (`enableShutdownHooks`). `app.close()` without a signal stays silent.
 */
@Injectable()
export class ShutdownAnnouncer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  private startedAt = 0;
  private readonly announce = (signal: NodeJS.Signals) => {
    this.startedAt = performance.now();
    this.logger.log({ msg: `${signal} received: shutting down gracefully`, signal });
  };

  onApplicationBootstrap(): void {
    for (const signal of STOP_SIGNALS) process.once(signal, this.announce);
  }

  onApplicationShutdown(signal?: string): void {
    for (const stop of STOP_SIGNALS) process.off(stop, this.announce);
    if (!signal) return;
    this.logger.log({ msg: 'shutdown complete', signal, durationMs: Math.round(performance.now() - this.startedAt) });
  }
}
