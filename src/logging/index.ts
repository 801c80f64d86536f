export * from './logging.constants';
export * from './logging.module';
export * from './root-logger';
export * from './pino-logger.service';
