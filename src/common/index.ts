export * from './ids';
export * from './instance-id';
