export * from './action-table';
export * from './game-api.constants';
export * from './game-api.module';
export * from './game-logic';
export * from './game-logic.registry';
export * from './kind-descriptor';
export * from './room-authorizer';
export * from './room-context';
