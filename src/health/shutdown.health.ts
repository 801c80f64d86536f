import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ConnectionDrain } from '../connection';

/**
 * Readiness while shutting down: down as soon as `ConnectionDrain` starts draining (the first
 * shutdown hook), so that a load balancer polling `/ready` stops sending new clients while the
 * existing ones are closed with 1012. The same flag makes the upgrade gate answer 503.
 */
@Injectable()
export class ShutdownHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly drain: ConnectionDrain,
  ) {}

  check(key = 'shutdown') {
    const indicator = this.health.check(key);
    return this.drain.draining ? indicator.down({ state: 'shutting down' }) : indicator.up({ state: 'running' });
  }
}
