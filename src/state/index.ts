export * from './cell-grid';
export * from './event-schema';
export * from './field-types';
export * from './frame-records';
export * from './interest-frames';
export * from './room-state';
export * from './state-mirror';
export * from './state-schema';
