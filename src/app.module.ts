import { Module } from '@nestjs/common';
import { AdminModule } from './admin/admin.module';
import { RoomRoutingModule } from './bridge';
import { BusModule } from './bus';
import { GatewayConfigModule } from './config/config.module';
import { DemoModule } from './demo/demo.module';
import { GamesModule } from './games/games.module';
import { GatewayModule } from './gateway';
import { HealthModule } from './health/health.module';
import { HeartbeatModule } from './heartbeat';
import { LoggingModule } from './logging';
import { MetricsModule } from './metrics';
import { ServerApiModule } from './server-api';
import { SyncModule } from './sync';

/** Composition root: imports the feature modules, declares nothing itself. */
@Module({
  imports: [
    GatewayConfigModule,
    LoggingModule,
    MetricsModule,
    BusModule.forRoot(),
    RoomRoutingModule.forRoot(),
    GamesModule,
    SyncModule,
    GatewayModule,
    HeartbeatModule,
    HealthModule,
    DemoModule,
    ServerApiModule,
    AdminModule,
  ],
})
export class AppModule {}
