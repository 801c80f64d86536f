import { Global, Module } from '@nestjs/common';
import { Registry } from 'prom-client';
import { METRICS_REGISTRY } from './metrics.constants';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

/**
 * Metrics for the whole app: one registry per app (never prom-client's global one, so that
 * several gateways in one test process keep separate counts), `MetricsService` for the counting
 * calls, `GET /metrics`. Global, because every layer counts something.
 */
@Global()
@Module({
  providers: [{ provide: METRICS_REGISTRY, useFactory: () => new Registry() }, MetricsService],
  controllers: [MetricsController],
  exports: [MetricsService],
})
export class MetricsModule {}
