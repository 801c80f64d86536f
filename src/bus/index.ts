export * from './bus-message';
export * from './bus.module';
export * from './bus.port';
export * from './in-memory.bus';
