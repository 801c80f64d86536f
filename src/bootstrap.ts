import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { connectionConfig } from './config';
import { GameWsAdapter } from './gateway';

/** Builds the gateway app (used by main.ts and by the test kit): adapter and shutdown hooks. */
export async function createGatewayApp(options: { logger?: false | ('error' | 'warn' | 'log' | 'debug' | 'verbose')[] } = {}) {
  const app: INestApplication = await NestFactory.create(AppModule, {
    logger: options.logger ?? ['error', 'warn', 'log'],
    abortOnError: false,
  });
  const { maxMessageBytes } = app.get(connectionConfig.KEY);
  app.useWebSocketAdapter(new GameWsAdapter(app, { maxPayload: maxMessageBytes }));
  // Exit 0 once the shutdown hooks ran (Nest would otherwise re-raise the signal).
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  return app;
}
