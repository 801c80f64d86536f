export * from './in-memory.room-directory';
export * from './listing-match';
export * from './matchmaking.module';
export * from './matchmaking.service';
export * from './redis.room-directory';
export * from './room-directory.port';
