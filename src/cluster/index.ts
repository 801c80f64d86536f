export * from './client-registry.service';
export * from './cluster.module';
export * from './room-lease.service';
export * from './room-state.store';
