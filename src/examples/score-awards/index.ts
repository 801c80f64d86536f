export * from './score-awards.controller';
export * from './score-awards.module';
export * from './score-board';
