export * from './direct-log.port';
export * from './history.module';
export * from './in-memory.direct-log';
export * from './in-memory.room-history';
export * from './redis.direct-log';
export * from './redis.room-history';
export * from './room-history.port';
