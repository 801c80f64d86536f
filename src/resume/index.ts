export * from './resume.module';
export * from './resume.service';
export * from './session-lifecycle.service';
export * from './session-handover';
