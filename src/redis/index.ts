export * from './redis-connections';
export * from './redis.constants';
export * from './redis.module';
