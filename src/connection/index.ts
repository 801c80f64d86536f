export * from './connection';
export * from './connection-drain.service';
export * from './connection-pool.service';
export * from './connection-sweeper.service';
export * from './connection.module';
export * from './rate-limiter.service';
export * from './sliced-pass';
