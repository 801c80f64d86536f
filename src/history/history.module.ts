import { Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { connectionConfig, historyConfig, sessionConfig } from '../config';
import { INSTANCE_ID } from '../common';
import { REDIS_CONNECTIONS, type RedisConnections } from '../redis';
import { DIRECT_LOG } from './direct-log.port';
import { InMemoryDirectLog } from './in-memory.direct-log';
import { InMemoryRoomHistory } from './in-memory.room-history';
import { RedisDirectLog } from './redis.direct-log';
import { RedisRoomHistory } from './redis.room-history';
import { ROOM_HISTORY } from './room-history.port';

/** In memory by default; in Redis when REDIS_URL is set (the connections exist), so that any instance can replay. */
@Module({
  providers: [
    {
      provide: ROOM_HISTORY,
      inject: [REDIS_CONNECTIONS, historyConfig.KEY, INSTANCE_ID],
      useFactory: (redis: RedisConnections | null, config: ConfigType<typeof historyConfig>, instanceId: string) =>
        redis ? new RedisRoomHistory(redis, config, instanceId) : new InMemoryRoomHistory(config),
    },
    {
      provide: DIRECT_LOG,
      inject: [REDIS_CONNECTIONS, sessionConfig.KEY, connectionConfig.KEY],
      useFactory: (redis: RedisConnections | null, session: ConfigType<typeof sessionConfig>, connection: ConfigType<typeof connectionConfig>) =>
        redis
          ? new RedisDirectLog(redis, { directBufferSize: session.directBufferSize, ttlMs: connection.maxLifetimeMs + session.resumeGraceMs })
          : new InMemoryDirectLog(session),
    },
  ],
  exports: [ROOM_HISTORY, DIRECT_LOG],
})
export class HistoryModule {}
