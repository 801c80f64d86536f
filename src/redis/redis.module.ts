import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { busConfig } from '../config';
import { RedisConnections } from './redis-connections';
import { REDIS_CONNECTIONS } from './redis.constants';

/**
 * The instance's Redis connections, built once from the bus config (`null` when REDIS_URL is
 * empty: nothing connects) and quit at shutdown.
 */
@Global()
@Module({})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CONNECTIONS) private readonly connections: RedisConnections | null) {}

  static forRoot(): DynamicModule {
    return {
      module: RedisModule,
      providers: [
        {
          provide: REDIS_CONNECTIONS,
          inject: [busConfig.KEY],
          useFactory: (config: ConfigType<typeof busConfig>) =>
            config.redisUrl
              ? new RedisConnections({
                  url: config.redisUrl,
                  cluster: config.redisCluster,
                  keyPrefix: config.redisKeyPrefix,
                  maxRetryDelayMs: config.redisMaxRetryDelayMs,
                })
              : null,
        },
      ],
      exports: [REDIS_CONNECTIONS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connections?.quit();
  }
}
