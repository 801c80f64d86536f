export * from './game-room.harness';
