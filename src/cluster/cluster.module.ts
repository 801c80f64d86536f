import { Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { INSTANCE_ID } from '../bus';
import { clusterConfig } from '../config';
import { REDIS_CONNECTIONS, type RedisConnections } from '../redis';
import { ClientRegistry } from './client-registry.service';
import { RoomLeases } from './room-lease.service';
import { RoomStateStore } from './room-state.store';

const deps = [REDIS_CONNECTIONS, INSTANCE_ID, clusterConfig.KEY];
type Deps = [RedisConnections | null, string, ConfigType<typeof clusterConfig>];

/**
 * Redis-backed coordination between instances. Each provider is `null` when REDIS_URL is empty
 * (single instance): callers check for it once, at construction.
 */
@Module({
  providers: [
    { provide: RoomLeases, inject: deps, useFactory: (...[redis, id, config]: Deps) => redis && new RoomLeases(redis, id, config) },
    { provide: ClientRegistry, inject: deps, useFactory: (...[redis, id, config]: Deps) => redis && new ClientRegistry(redis, id, config) },
    { provide: RoomStateStore, inject: deps, useFactory: (...[redis]: Deps) => redis && new RoomStateStore(redis) },
  ],
  exports: [RoomLeases, ClientRegistry, RoomStateStore],
})
export class ClusterModule {}
