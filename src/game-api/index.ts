export * from './game-api.constants';
export * from './game-api.module';
export * from './game-logic';
export * from './game-logic.registry';
export * from './room-authorizer';
