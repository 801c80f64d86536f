import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { type Bus, BUS } from './bus.port';
import { InMemoryBus } from './in-memory.bus';

/**
 * Picks the bus implementation once, for the whole app. `forRoot()` is the embedded in-memory
 * default; the Redis transport registers itself here when REDIS_URL is set.
 */
@Global()
@Module({})
export class BusModule implements OnApplicationShutdown {
  constructor(@Inject(BUS) private readonly bus: Bus) {}

  static forRoot(): DynamicModule {
    return {
      module: BusModule,
      providers: [{ provide: BUS, useFactory: () => new InMemoryBus() }],
      exports: [BUS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}
