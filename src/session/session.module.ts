import { Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { connectionConfig, sessionConfig } from '../config';
import { HistoryModule } from '../history';
import { REDIS_CONNECTIONS, type RedisConnections } from '../redis';
import { InMemoryDedupWindow } from './in-memory.dedup-window';
import { InMemorySessionStore } from './in-memory.session-store';
import { RedisDedupWindow } from './redis.dedup-window';
import { RedisResumeKeys } from './redis.resume-keys';
import { RedisSessionStore } from './redis.session-store';
import { DEDUP_WINDOW, RESUME_KEYS, SESSION_STORE } from './session.constants';
import { SessionService } from './session.service';
import { StaticResumeKeys } from './static.resume-keys';

/** A parked session outlives its grace by this much in Redis, so that some instance's sweep frees its seats. */
const PARKED_SLACK_MS = 60000;

/**
 * Sessions with in-memory stores, or stores in Redis when REDIS_URL is set (resume on any
 * instance). Resume-token keys: RESUME_TOKEN_SECRET when set; else, bridged, one key shared
 * through Redis (`RedisResumeKeys`); else a random key for this process.
 */
@Module({
  imports: [HistoryModule],
  providers: [
    {
      provide: SESSION_STORE,
      inject: [REDIS_CONNECTIONS, sessionConfig.KEY, connectionConfig.KEY],
      useFactory: (redis: RedisConnections | null, config: ConfigType<typeof sessionConfig>, connection: ConfigType<typeof connectionConfig>) =>
        redis
          ? new RedisSessionStore(redis, {
              resumeGraceMs: config.resumeGraceMs,
              slackMs: PARKED_SLACK_MS,
              liveTtlMs: connection.maxLifetimeMs + config.resumeGraceMs + PARKED_SLACK_MS,
            })
          : new InMemorySessionStore(),
    },
    {
      provide: DEDUP_WINDOW,
      inject: [REDIS_CONNECTIONS, sessionConfig.KEY],
      useFactory: (redis: RedisConnections | null, config: ConfigType<typeof sessionConfig>) =>
        redis ? new RedisDedupWindow(redis, config) : new InMemoryDedupWindow(config),
    },
    {
      provide: RESUME_KEYS,
      inject: [REDIS_CONNECTIONS, sessionConfig.KEY, connectionConfig.KEY],
      useFactory: (redis: RedisConnections | null, config: ConfigType<typeof sessionConfig>, connection: ConfigType<typeof connectionConfig>) =>
        redis && !config.resumeSecret
          ? new RedisResumeKeys(redis, { retentionMs: connection.maxLifetimeMs + config.resumeGraceMs + PARKED_SLACK_MS })
          : new StaticResumeKeys(config.resumeSecret),
    },
    SessionService,
  ],
  exports: [SessionService],
})
export class SessionModule {}
