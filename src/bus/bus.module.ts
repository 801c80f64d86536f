import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { busConfig } from '../config';
import { MetricsService } from '../metrics';
import { REDIS_CONNECTIONS, RedisConnections, RedisModule } from '../redis';
import { BusEventClient } from './bus-event.client';
import { BusEventTransport } from './bus-event.transport';
import { BUS_CLIENT, INSTANCE_ID } from './bus.constants';
import { type Bus, BUS } from './bus.port';
import { InMemoryBus } from './in-memory.bus';
import { RedisBus } from './redis.bus';

/**
 * Picks the bus implementation once, for the whole app: the Redis transport when REDIS_URL is
 * set, else the embedded in-memory default. Also provides the microservice
 * transport/client pair that carries `@EventPattern` events over the same bus.
 */
@Global()
@Module({})
export class BusModule implements OnApplicationShutdown {
  constructor(@Inject(BUS) private readonly bus: Bus) {}

  static forRoot(): DynamicModule {
    return {
      module: BusModule,
      imports: [RedisModule.forRoot()],
      providers: [
        {
          provide: BUS,
          inject: [busConfig.KEY, REDIS_CONNECTIONS, INSTANCE_ID, MetricsService],
          useFactory: (
            config: ConfigType<typeof busConfig>,
            redis: RedisConnections | null,
            instanceId: string,
            metrics: MetricsService,
          ) => (config.redisUrl && redis ? new RedisBus(redis, instanceId, metrics) : new InMemoryBus(instanceId)),
        },
        BusEventTransport,
        { provide: BUS_CLIENT, useClass: BusEventClient },
      ],
      exports: [BUS, BUS_CLIENT, BusEventTransport],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}
