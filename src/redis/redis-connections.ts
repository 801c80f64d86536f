import { Logger } from '@nestjs/common';
import { Cluster, Redis, type RedisOptions } from 'ioredis';
import { ShardedSubscriber } from './sharded-subscriber';

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
 * a Cluster, `sub` is our `ShardedSubscriber`: one subscriber connection per master (SSUBSCRIBE),
 * placed by `cmd`'s slots table (not ioredis's `shardedSubscribers`; the class says why).
 *
 * Neither queues commands while Redis is away (`enableOfflineQueue: false`): callers get an
 * immediate rejection, drop and count, instead of an unbounded buffer. Reconnection backs off by
 * 100 ms per attempt up to REDIS_MAX_RETRY_DELAY_MS, forever.
 */
export class RedisConnections {
  private readonly logger = new Logger('Redis');
  private readonly retry = (attempt: number) => Math.min(attempt * 100, this.settings.maxRetryDelayMs);
  readonly cmd: RedisClient;
  readonly sub: Redis | ShardedSubscriber;

  constructor(readonly settings: RedisSettings) {
    if (settings.cluster) {
      const cmd = this.listen('cmd', this.clusterClient('cmd'));
      this.cmd = cmd;
      this.sub = new ShardedSubscriber(cmd, { ...this.nodeOptions('sub'), retryStrategy: this.retry });
    } else {
      this.cmd = this.listen('cmd', this.standaloneClient('cmd'));
      this.sub = this.listen('sub', this.standaloneClient('sub'));
    }
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

  private clusterClient(role: string): Cluster {
    const url = new URL(this.settings.url);
    return new Cluster([{ host: url.hostname, port: Number(url.port || 6379) }], {
      enableOfflineQueue: false,
      clusterRetryStrategy: this.retry,
      redisOptions: this.nodeOptions(role),
    });
  }

  private standaloneClient(role: string): Redis {
    const url = new URL(this.settings.url);
    return new Redis({
      ...this.nodeOptions(role),
      host: url.hostname,
      port: Number(url.port || 6379),
      db: Number(url.pathname.slice(1) || 0),
      enableOfflineQueue: false,
      retryStrategy: this.retry,
    });
  }

  /** Without a listener an 'error' event would be thrown; the status stream reports outages. */
  private listen<T extends RedisClient>(role: string, client: T): T {
    client.on('error', (error: Error) => this.logger.debug(`${role}: ${error.message}`));
    return client;
  }

  /** How to connect to one node of REDIS_URL (its host and port aside). */
  private nodeOptions(role: string): RedisOptions {
    const url = new URL(this.settings.url);
    return {
      username: url.username ? decodeURIComponent(url.username) : undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      tls: url.protocol === 'rediss:' ? {} : undefined,
      maxRetriesPerRequest: 1,
      // Subscriptions are restored by the bus (standalone) or the ShardedSubscriber (Cluster).
      autoResubscribe: false,
      connectionName: `game-gateway:${role}`,
    };
  }
}
