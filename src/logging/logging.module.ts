import { Global, Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { newInstanceId } from '../common';
import { serverConfig } from '../config';
import { INSTANCE_ID, ROOT_LOGGER } from './logging.constants';
import { createRootLogger, type NestLogLevel } from './root-logger';

const instanceIdProvider = { provide: INSTANCE_ID, useFactory: newInstanceId };
const rootLoggerProvider = {
  provide: ROOT_LOGGER,
  inject: [serverConfig.KEY, INSTANCE_ID],
  useFactory: (config: ConfigType<typeof serverConfig>, instanceId: string) =>
    createRootLogger({ level: config.logLevel as NestLogLevel, format: config.logFormat as 'json' | 'pretty', instanceId }),
};

/**
 * Structured logs through nestjs-pino: every `new Logger(Class.name)` in the app writes JSON
 * lines with `context` (the class), `instance`, and whatever fields the call passes
 * (`{ msg, clientId, roomId }`). HTTP requests are not logged one by one: `/metrics` and the
 * probes are polled every few seconds and would drown everything else.
 */
@Global()
@Module({
  imports: [
    // Resolves ROOT_LOGGER from this (global) module: one root logger, one instance id.
    LoggerModule.forRootAsync({
      inject: [ROOT_LOGGER],
      useFactory: (logger: Logger) => ({ pinoHttp: { logger, autoLogging: false, quietReqLogger: true } }),
    }),
  ],
  providers: [instanceIdProvider, rootLoggerProvider],
  exports: [INSTANCE_ID, ROOT_LOGGER],
})
export class LoggingModule {}
