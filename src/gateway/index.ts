export * from './game-ws.adapter';
export * from './game.gateway';
export * from './gateway.module';
