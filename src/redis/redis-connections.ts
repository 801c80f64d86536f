import { Logger } from '@nestjs/common';
import { Cluster, Redis, type RedisOptions } from 'ioredis';

/** What every Redis-backed part of the gateway needs from REDIS_URL / REDIS_CLUSTER. */
export interface RedisSettings {
  url: string;
  cluster: boolean;
  keyPrefix: string;
  maxRetryDelayMs: number;
}

/** Either a standalone client or a Cluster client: the commands we use exist on both. */
export type RedisClient = Redis | Cluster;

/**
 * The connections of one instance: `cmd` runs commands and publishes (one connection, so that a
 * key write and the publish that announces it stay in order); `sub` is in subscriber mode. With
 * a Cluster, `sub` keeps one sharded subscriber connection per master (SSUBSCRIBE).
 *
 * Neither queues commands while Redis is away (`enableOfflineQueue: false`): callers get an
 * immediate rejection, drop and count, instead of an unbounded buffer. Reconnection backs off by
 * 100 ms per attempt up to REDIS_MAX_RETRY_DELAY_MS, forever.
 */
export class RedisConnections {
  private readonly logger = new Logger('Redis');
  readonly cmd: RedisClient;
  readonly sub: RedisClient;

  constructor(readonly settings: RedisSettings) {
    this.cmd = this.create('cmd', false);
    this.sub = this.create('sub', true);
  }

  get cluster(): boolean {
    return this.settings.cluster;
  }

  /** A key of this deployment; `{…}` hash tags keep one room's keys in one Cluster slot. */
  key(...parts: string[]): string {
    return this.settings.keyPrefix + parts.join(':');
  }

  async quit(): Promise<void> {
    await Promise.all([this.cmd, this.sub].map((client) => client.quit().catch(() => client.disconnect())));
  }

  private create(role: string, subscriber: boolean): RedisClient {
    const url = new URL(this.settings.url);
    const retry = (attempt: number) => Math.min(attempt * 100, this.settings.maxRetryDelayMs);
    const common: RedisOptions = {
      username: url.username ? decodeURIComponent(url.username) : undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      tls: url.protocol === 'rediss:' ? {} : undefined,
      maxRetriesPerRequest: 1,
      // Subscriptions are restored by the bus itself (it knows which ones failed while offline).
      autoResubscribe: false,
      connectionName: `game-gateway:${role}`,
    };
    const client: RedisClient = this.settings.cluster
      ? new Cluster([{ host: url.hostname, port: Number(url.port || 6379) }], {
          enableOfflineQueue: false,
          clusterRetryStrategy: retry,
          shardedSubscribers: subscriber,
          redisOptions: common,
        })
      : new Redis({
          ...common,
          host: url.hostname,
          port: Number(url.port || 6379),
          db: Number(url.pathname.slice(1) || 0),
          enableOfflineQueue: false,
          retryStrategy: retry,
        });
    // Without a listener an 'error' event would be thrown; the status stream reports outages.
    client.on('error', (error: Error) => this.logger.debug(`${role}: ${error.message}`));
    return client;
  }
}
