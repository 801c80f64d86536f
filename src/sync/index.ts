export * from './sync.module';
export * from './sync.service';
export * from './room-tick';
