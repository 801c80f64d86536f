import { RedisConnections } from '../../src/redis';
import { eventually } from './redis';

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
