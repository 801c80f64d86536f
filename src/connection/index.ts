export * from './connection';
export * from './connection-pool.service';
export * from './connection.module';
