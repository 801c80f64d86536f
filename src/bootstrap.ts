import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger as Pino } from 'pino';
import { AppModule } from './app.module';
import { BusEventTransport } from './bus';
import { busConfig, connectionConfig } from './config';
import { GameWsAdapter } from './gateway';
import { type NestLogLevel, PinoLoggerService, pinoLevelOfList, ROOT_LOGGER } from './logging';

/**
 * Builds the gateway app (used by main.ts and by the test kit): structured logger, adapter and
 * shutdown hooks. `logger` overrides LOG_LEVEL (the test kit passes `['error']` to stay quiet).
 */
export async function createGatewayApp(options: { logger?: false | NestLogLevel[] } = {}) {
  const app: INestApplication = await NestFactory.create(AppModule, {
    ...(options.logger !== undefined && { logger: options.logger }),
    // Startup lines wait for the JSON logger instead of going to the console in another format.
    bufferLogs: true,
    abortOnError: false,
  });
  if (options.logger !== undefined) app.get<Pino>(ROOT_LOGGER).level = pinoLevelOfList(options.logger);
  app.useLogger(app.get(PinoLoggerService));
  const { maxMessageBytes, compression, compressionThresholdBytes } = app.get(connectionConfig.KEY);
  app.useWebSocketAdapter(
    new GameWsAdapter(app, { maxPayload: maxMessageBytes, compression: { enabled: compression, thresholdBytes: compressionThresholdBytes } }),
  );
  // Exit 0 once the shutdown hooks ran (Nest would otherwise re-raise the signal).
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  if (app.get(busConfig.KEY).redisUrl) {
    // Hybrid app: backend modules' @EventPattern handlers listen on the same Redis bus.
    app.connectMicroservice({ strategy: app.get(BusEventTransport) }, { inheritAppConfig: true });
    await app.startAllMicroservices();
  }
  return app;
}
