export * from './bus.config';
export * from './cluster.config';
export * from './connection.config';
export * from './env-var';
export * from './history.config';
export * from './rooms.config';
export * from './server.config';
export * from './session.config';
