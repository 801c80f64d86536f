import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ConnectionModule } from '../connection';
import { BusHealthIndicator } from './bus.health';
import { HealthController } from './health.controller';
import { ShutdownHealthIndicator } from './shutdown.health';

const INDICATORS = [BusHealthIndicator, ShutdownHealthIndicator];

@Module({
  // Terminus would log an error on every failing probe (every few seconds while Redis is down);
  // bus state changes are logged by the bus, and `/ready`'s body says which check failed.
  imports: [TerminusModule.forRoot({ logger: false }), ConnectionModule],
  controllers: [HealthController],
  providers: INDICATORS,
})
export class HealthModule {}
