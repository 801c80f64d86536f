import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { BusHealthIndicator } from './bus.health';
import { ShutdownHealthIndicator } from './shutdown.health';

/**
 * Liveness and readiness (docs/protocol.md, "Endpoint"). `/health` answers 200 as long as the process
 * serves HTTP at all; `/ready` answers 503 while the bus is down or the instance is shutting down,
 * with terminus's `{status, info, error, details}` body naming which check failed.
 */
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly bus: BusHealthIndicator,
    private readonly shutdown: ShutdownHealthIndicator,
  ) {}

  @Get('health')
  @HealthCheck()
  liveness() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  readiness() {
    return this.health.check([() => this.bus.check(), () => this.shutdown.check()]);
  }
}
