export * from './game-logic';
export * from './game-logic.registry';
export * from './player-snapshot';
export * from './room';
export * from './room-bridge.service';
export * from './room-fanout.service';
export * from './rooms.module';
export * from './rooms.service';
