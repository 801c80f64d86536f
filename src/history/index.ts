export * from './history.module';
export * from './in-memory.room-history';
export * from './room-history.port';
