import { Global, Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { newInstanceId } from '../common';
import { serverConfig } from '../config';
import { INSTANCE_ID, ROOT_LOGGER } from './logging.constants';
import { PinoLoggerService } from './pino-logger.service';
import { createRootLogger, type LogFormat, type NestLogLevel } from './root-logger';
import { ShutdownAnnouncer } from './shutdown-announcer';

const instanceIdProvider = { provide: INSTANCE_ID, useFactory: newInstanceId };
const rootLoggerProvider = {
  provide: ROOT_LOGGER,
  inject: [serverConfig.KEY, INSTANCE_ID],
  useFactory: (config: ConfigType<typeof serverConfig>, instanceId: string) =>
    createRootLogger({ level: config.logLevel as NestLogLevel, format: config.logFormat as LogFormat, instanceId }),
};

/**
 * Structured logs: one root pino logger (JSON lines with `level`, ISO `time`, `instance`, or
 * colored lines at a terminal) behind Nest's LoggerService, so every `new Logger(Class.name)` in
 * the app writes through it. HTTP requests are not logged one by one: `/metrics` and the probes
 * are polled every few seconds. A shutdown by signal is announced and its end logged.
 */
@Global()
@Module({
  providers: [instanceIdProvider, rootLoggerProvider, PinoLoggerService, ShutdownAnnouncer],
  exports: [INSTANCE_ID, ROOT_LOGGER, PinoLoggerService],
})
export class LoggingModule {}
