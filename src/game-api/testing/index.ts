export * from './game-logic.harness';
