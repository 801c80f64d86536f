import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { AuthModule } from '../auth';
import { ConnectionModule } from '../connection';
import { HistoryModule } from '../history';
import { RoomsModule } from '../rooms';
import { ApiAccessGuard } from './api-access.guard';
import { ApiCredentials } from './api-credentials';
import { ApiCallMetrics, ApiMetricsMiddleware } from './api-metrics.middleware';
import { ClusterQuery } from './cluster-query';
import { GatewayClient } from './gateway-client';
import { InstanceProbe } from './instance-probe';
import { InstancesController } from './instances.controller';
import { LifecycleEvents } from './lifecycle-events';
import { NodeRegistry } from './node-registry';
import { PlayerOperations } from './player-operations';
import { PlayersController } from './players.controller';
import { RoomOperations } from './room-operations';
import { RoomsController } from './rooms.controller';
import { ServerApiNode } from './server-api.node';

const CONTROLLERS = [RoomsController, PlayersController, InstancesController];
/** Scatter-gather over the bus: which instances exist, and asking them all. */
const CLUSTER = [NodeRegistry, ClusterQuery];
/** What this instance answers: its rooms, its players, its load. */
const LOCAL = [ServerApiNode, RoomOperations, PlayerOperations, InstanceProbe];
const ACCESS = [ApiCredentials, ApiAccessGuard];

/**
 * The server API for backend services: `/api` over HTTP, `GatewayClient` in process, lifecycle
 * events on the bus (`LifecycleEvent`). Import it to inject `GatewayClient`.
 */
@Module({
  imports: [RoomsModule, ConnectionModule, HistoryModule, AuthModule],
  controllers: CONTROLLERS,
  providers: [...CLUSTER, ...LOCAL, ...ACCESS, GatewayClient, LifecycleEvents, ApiCallMetrics],
  exports: [GatewayClient, ApiCredentials, ApiCallMetrics],
})
export class ServerApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ApiMetricsMiddleware).forRoutes(...CONTROLLERS);
  }
}
