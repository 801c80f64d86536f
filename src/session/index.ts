export * from './session.module';
export * from './session.service';
