export * from './heartbeat.module';
export * from './heartbeat.service';
