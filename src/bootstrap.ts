import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { BusEventTransport } from './bus';
import { busConfig, connectionConfig } from './config';
import { GameWsAdapter } from './gateway';

/** Builds the gateway app (used by main.ts and by the test kit): adapter and shutdown hooks. */
export async function createGatewayApp(options: { logger?: false | ('error' | 'warn' | 'log' | 'debug' | 'verbose')[] } = {}) {
  const app: INestApplication = await NestFactory.create(AppModule, {
    logger: options.logger ?? ['error', 'warn', 'log'],
    abortOnError: false,
  });
  const { maxMessageBytes } = app.get(connectionConfig.KEY);
  app.useWebSocketAdapter(new GameWsAdapter(app, { maxPayload: maxMessageBytes }));
  app.enableShutdownHooks();
  if (app.get(busConfig.KEY).redisUrl) {
    // Hybrid app: backend modules' @EventPattern handlers listen on the same Redis bus.
    app.connectMicroservice({ strategy: app.get(BusEventTransport) }, { inheritAppConfig: true });
    await app.startAllMicroservices();
  }
  return app;
}
