export * from './room-routing.module';
