import { boolVar, configNamespace, intVar, stringVar } from './env-var';

export const busConfig = configNamespace('bus', {
  redisUrl: stringVar('REDIS_URL', {
    secret: true,
    default: '',
    pattern: /^rediss?:\/\//,
    expected: 'a redis:// or rediss:// URL',
    doc: 'Bridge instances through Redis; empty runs a single instance on the in-memory bus',
  }),
  redisCluster: boolVar('REDIS_CLUSTER', {
    default: false,
    doc: 'REDIS_URL names a seed node of a Redis Cluster: keys by slot, room channels on sharded pub/sub (SPUBLISH/SSUBSCRIBE)',
  }),
  redisKeyPrefix: stringVar('REDIS_KEY_PREFIX', {
    default: 'gw:',
    pattern: /^[A-Za-z0-9:_-]{0,32}$/,
    expected: 'up to 32 letters, digits, ":", "_" or "-"',
    doc: 'Prefix of every key and channel the gateway uses, so that deployments can share a Redis',
  }),
  redisMaxRetryDelayMs: intVar('REDIS_MAX_RETRY_DELAY_MS', {
    default: 2000,
    min: 50,
    max: 60000,
    doc: 'Longest wait between two reconnection attempts to Redis (backoff grows 100 ms per attempt up to this)',
  }),
});
