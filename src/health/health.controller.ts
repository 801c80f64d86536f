import { Controller, Get, HttpCode, HttpStatus, Inject, ServiceUnavailableException } from '@nestjs/common';
import { type Bus, BUS } from '../bus';

/** Liveness and readiness (PROTOCOL.md, "Endpoint"). */
@Controller()
export class HealthController {
  constructor(@Inject(BUS) private readonly bus: Bus) {}

  @Get('health')
  @HttpCode(HttpStatus.OK)
  health() {
    return { status: 'ok' };
  }

  @Get('ready')
  ready() {
    if (!this.bus.isReady()) throw new ServiceUnavailableException({ status: 'not ready', bus: 'disconnected' });
    return { status: 'ready', bus: 'connected' };
  }
}
