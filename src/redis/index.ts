export * from './redis-connections';
export * from './redis.constants';
export * from './redis.module';
export * from './sharded-subscriber';
