export * from './bus-event.client';
export * from './bus-event.transport';
export * from './bus-message';
export * from './bus.constants';
export * from './bus.module';
export * from './bus.port';
export * from './in-memory.bus';
export * from './redis.bus';
