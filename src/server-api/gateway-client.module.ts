import { type DynamicModule, Module } from '@nestjs/common';
import { BusModule } from '../bus';
import { busConfig, ConfigValidationError } from '../config';
import { GatewayConfigModule } from '../config/config.module';
import { LoggingModule } from '../logging';
import { MetricsModule } from '../metrics';
import { ClusterQuery } from './cluster-query';
import { GatewayClient } from './gateway-client';
import { NodeRegistry } from './node-registry';

/**
 * `GatewayClient` for a backend service in another process: it reaches the gateway instances
 * over their Redis bus (REDIS_URL, the gateways' Redis) and answers nothing itself. The same
 * bus carries the lifecycle events: connect `BusEventTransport` as a microservice and its
 * `@EventPattern(LifecycleEvent.…)` handlers receive them.
 *
 * @example
 * ```ts
 * @Module({ imports: [GatewayClientModule.forRemote()], controllers: [MatchEvents] })
 * class Backend {}
 * const app = await NestFactory.create(Backend);
 * app.connectMicroservice({ strategy: app.get(BusEventTransport) });
 * await app.startAllMicroservices();
 * await app.init();
 * await app.get(GatewayClient).kick('alice', { reason: 'banned' });
 * ```
 */
@Module({})
export class GatewayClientModule {
  static forRemote(): DynamicModule {
    return {
      module: GatewayClientModule,
      imports: [GatewayConfigModule, LoggingModule, MetricsModule, BusModule.forRoot()],
      providers: [
        {
          // Without Redis there is nothing to reach: say so at boot rather than answer "no such room" later.
          provide: 'GAME:GATEWAY_CLIENT_REMOTE_CHECK',
          inject: [busConfig.KEY],
          useFactory: (config: { redisUrl: string }) => {
            if (!config.redisUrl) throw new ConfigValidationError('REDIS_URL', '', "the gateways' Redis URL (GatewayClientModule.forRemote() reaches the gateways through it)");
            return true;
          },
        },
        NodeRegistry,
        ClusterQuery,
        GatewayClient,
      ],
      exports: [GatewayClient, NodeRegistry],
    };
  }
}
