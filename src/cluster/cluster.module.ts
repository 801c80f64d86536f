import { Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { INSTANCE_ID } from '../common';
import { clusterConfig } from '../config';
import { REDIS_CONNECTIONS, type RedisConnections } from '../redis';
import { CLIENT_REGISTRY } from './client-registry.port';
import { InMemoryClientRegistry } from './in-memory.client-registry';
import { InMemoryRoomLeases } from './in-memory.room-leases';
import { InMemoryRoomStateStore } from './in-memory.room-state-store';
import { RedisClientRegistry } from './redis.client-registry';
import { RedisRoomLeases } from './redis.room-leases';
import { RedisRoomStateStore } from './redis.room-state-store';
import { ROOM_LEASES } from './room-leases.port';
import { ROOM_STATE_STORE } from './room-state-store.port';

const deps = [REDIS_CONNECTIONS, INSTANCE_ID, clusterConfig.KEY];
type Deps = [RedisConnections | null, string, ConfigType<typeof clusterConfig>];

/** Coordination between instances: in memory by default (one instance), in Redis when REDIS_URL is set. */
@Module({
  providers: [
    {
      provide: ROOM_LEASES,
      inject: deps,
      useFactory: (...[redis, id, config]: Deps) => (redis ? new RedisRoomLeases(redis, id, config) : new InMemoryRoomLeases(id, config)),
    },
    {
      provide: CLIENT_REGISTRY,
      inject: deps,
      useFactory: (...[redis, id, config]: Deps) => (redis ? new RedisClientRegistry(redis, id, config) : new InMemoryClientRegistry(id, config)),
    },
    {
      provide: ROOM_STATE_STORE,
      inject: deps,
      useFactory: (...[redis]: Deps) => (redis ? new RedisRoomStateStore(redis) : new InMemoryRoomStateStore()),
    },
  ],
  exports: [ROOM_LEASES, CLIENT_REGISTRY, ROOM_STATE_STORE],
})
export class ClusterModule {}
