import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';

/**
 * Says in the log when a signal (SIGTERM from an orchestrator, Ctrl-C) starts a shutdown and when
 * it is over, so that the lines in between read as the drain they are. `app.close()` without a
 * signal (tests) stays silent.
 */
@Injectable()
export class ShutdownAnnouncer implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  private startedAt = 0;

  beforeApplicationShutdown(signal?: string): void {
    if (!signal) return;
    this.startedAt = performance.now();
    this.logger.log({ msg: `${signal} received: shutting down gracefully`, signal });
  }

  onApplicationShutdown(signal?: string): void {
    if (!signal) return;
    this.logger.log({ msg: 'shutdown complete', signal, durationMs: Math.round(performance.now() - this.startedAt) });
  }
}
