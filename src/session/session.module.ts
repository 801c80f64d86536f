import { Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { sessionConfig } from '../config';
import { HistoryModule } from '../history';
import { REDIS_CONNECTIONS, type RedisConnections } from '../redis';
import { InMemoryDedupWindow } from './in-memory.dedup-window';
import { InMemorySessionStore } from './in-memory.session-store';
import { RedisDedupWindow } from './redis.dedup-window';
import { RedisSessionStore } from './redis.session-store';
import { DEDUP_WINDOW, SESSION_STORE } from './session.constants';
import { SessionService } from './session.service';

/** A parked session outlives its grace by this much in Redis, so that some instance's sweep frees its seats. */
const PARKED_SLACK_MS = 60000;

/** Sessions with in-memory stores, or stores in Redis when REDIS_URL is set (resume on any instance). */
@Module({
  imports: [HistoryModule],
  providers: [
    {
      provide: SESSION_STORE,
      inject: [REDIS_CONNECTIONS, sessionConfig.KEY],
      useFactory: (redis: RedisConnections | null, config: ConfigType<typeof sessionConfig>) =>
        redis ? new RedisSessionStore(redis, { resumeGraceMs: config.resumeGraceMs, slackMs: PARKED_SLACK_MS }) : new InMemorySessionStore(),
    },
    {
      provide: DEDUP_WINDOW,
      inject: [REDIS_CONNECTIONS, sessionConfig.KEY],
      useFactory: (redis: RedisConnections | null, config: ConfigType<typeof sessionConfig>) =>
        redis ? new RedisDedupWindow(redis, config) : new InMemoryDedupWindow(config),
    },
    SessionService,
  ],
  exports: [SessionService],
})
export class SessionModule {}
