import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { type Bus, BUS } from '../bus';

/** Readiness of the bus: can this instance reach the others (always true on the in-memory bus)? */
@Injectable()
export class BusHealthIndicator {
  constructor(
    @Inject(BUS) private readonly bus: Bus,
    private readonly health: HealthIndicatorService,
  ) {}

  check(key = 'bus') {
    const indicator = this.health.check(key);
    return this.bus.isReady() ? indicator.up({ state: 'connected' }) : indicator.down({ state: 'disconnected' });
  }
}
