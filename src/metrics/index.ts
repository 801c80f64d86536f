export * from './metrics.constants';
export * from './metrics.definitions';
export * from './metrics.module';
export * from './metrics.service';
export * from './pending-counts';
