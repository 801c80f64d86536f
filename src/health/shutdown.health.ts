import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';

/**
 * Readiness while shutting down: down from the first shutdown hook on, so that a load balancer
 * polling `/ready` stops sending new clients while existing ones are drained. `onModuleDestroy`
 * is the earliest hook Nest calls on `app.close()`, and the HTTP server still answers then.
 */
@Injectable()
export class ShutdownHealthIndicator implements OnModuleDestroy {
  private shuttingDown = false;

  constructor(private readonly health: HealthIndicatorService) {}

  onModuleDestroy(): void {
    this.shuttingDown = true;
  }

  check(key = 'shutdown') {
    const indicator = this.health.check(key);
    return this.shuttingDown ? indicator.down({ state: 'shutting down' }) : indicator.up({ state: 'running' });
  }
}
