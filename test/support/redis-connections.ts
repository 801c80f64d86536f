import { RedisConnections } from '../../src/redis';
import { eventually, type RedisServer, startRedis, startRedisCluster } from './redis';

/** Connections to a test Redis under their own key prefix, resolved once both are ready. */
export async function connectRedis(
  url: string,
  keyPrefix = `t${Math.random().toString(36).slice(2, 8)}:`,
  cluster = false,
): Promise<RedisConnections> {
  const redis = new RedisConnections({ url, cluster, keyPrefix, maxRetryDelayMs: 200 });
  await eventually(() => redis.cmd.status === 'ready' && redis.sub.status === 'ready', 'test Redis connections ready');
  return redis;
}

export interface RedisPair {
  /** A standalone redis-server of the suite's own. */
  server: RedisServer;
  standalone: RedisConnections;
  /** Connections to a 3-node Redis Cluster of the suite's own. */
  clustered: RedisConnections;
}

/**
 * For contract suites: starts a standalone redis-server and a 3-node cluster in `beforeAll`,
 * connects to both (under `keyPrefix`), and closes everything in `afterAll`. The returned
 * object is filled once `beforeAll` ran; read it inside tests and factories only.
 */
export function useRedisPair(keyPrefix?: string): RedisPair {
  const pair = {} as RedisPair;
  let cluster: Awaited<ReturnType<typeof startRedisCluster>> | undefined;
  beforeAll(async () => {
    [pair.server, cluster] = await Promise.all([startRedis(), startRedisCluster()]);
    [pair.standalone, pair.clustered] = await Promise.all([
      connectRedis(pair.server.url, keyPrefix),
      connectRedis(cluster.url, keyPrefix && `${keyPrefix}c:`, true),
    ]);
  }, 60000);
  afterAll(async () => {
    await Promise.all([pair.standalone?.quit(), pair.clustered?.quit()]);
    await Promise.all([pair.server?.close(), cluster?.close()]);
  });
  return pair;
}
