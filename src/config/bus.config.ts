import { configNamespace, stringVar } from './env-var';

export const busConfig = configNamespace('bus', {
  redisUrl: stringVar('REDIS_URL', {
    default: '',
    pattern: /^rediss?:\/\//,
    expected: 'a redis:// or rediss:// URL',
    doc: 'Bridge instances through Redis; empty runs a single instance on the in-memory bus',
  }),
});
