import { Global, Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { newInstanceId } from '../common';
import { serverConfig } from '../config';
import { INSTANCE_ID, ROOT_LOGGER } from './logging.constants';
import { PinoLoggerService } from './pino-logger.service';
import { createRootLogger, type NestLogLevel } from './root-logger';

const instanceIdProvider = { provide: INSTANCE_ID, useFactory: newInstanceId };
const rootLoggerProvider = {
  provide: ROOT_LOGGER,
  inject: [serverConfig.KEY, INSTANCE_ID],
  useFactory: (config: ConfigType<typeof serverConfig>, instanceId: string) =>
    createRootLogger({ level: config.logLevel as NestLogLevel, format: config.logFormat as 'json' | 'pretty', instanceId }),
};

/**
 * Structured logs: one root pino logger (JSON lines with `level`, ISO `time`, `instance`) behind
 * Nest's LoggerService, so every `new Logger(Class.name)` in the app writes through it. HTTP
 * requests are not logged one by one: `/metrics` and the probes are polled every few seconds.
 */
@Global()
@Module({
  providers: [instanceIdProvider, rootLoggerProvider, PinoLoggerService],
  exports: [INSTANCE_ID, ROOT_LOGGER, PinoLoggerService],
})
export class LoggingModule {}
