export * from './ids';
export * from './instance-id';
export * from './own-value';
