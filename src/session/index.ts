export * from './dedup-window.port';
export * from './in-memory.dedup-window';
export * from './in-memory.session-store';
export * from './resume-tokens';
export * from './session-store.port';
export * from './session.constants';
export * from './session.module';
export * from './session.service';
