import { type INestApplication, Logger, Module, type Type } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import type { Logger as Pino } from 'pino';
import { AppModule } from './app.module';
import { BusEventTransport } from './bus';
import { connectionConfig, validateDeclaredVariables } from './config';
import { GameWsAdapter } from './gateway';
import { type NestLogLevel, PinoLoggerService, pinoLevelOfList, ROOT_LOGGER } from './logging';
import { BodyErrorsFilter, setupOpenApi } from './server-api';

/**
 * Builds the gateway app (used by main.ts and by the test kit): structured logger, adapter and
 * shutdown hooks. `logger` overrides LOG_LEVEL (the test kit passes `['error']` to stay quiet).
 * `modules` are added next to the gateway's own (a backend team's game kinds, API consumers):
 * their `@GameRoomKind()` providers are found like the shipped ones.
 *
 * @example const app = await createGatewayApp({ modules: [DuelModule] });
 * @throws ConfigValidationError before anything is logged when a variable has a bad value
 */
export async function createGatewayApp(options: { logger?: false | NestLogLevel[]; modules?: Type[] } = {}) {
  // Checked before Nest starts: otherwise its exception zone logs the error with a framework
  // stack first, and the caller prints it a second time.
  validateDeclaredVariables();
  const root = options.modules?.length ? withModules(options.modules) : AppModule;
  const app: INestApplication = await NestFactory.create(root, {
    ...(options.logger !== undefined && { logger: options.logger }),
    // Startup lines wait for the JSON logger instead of going to the console in another format.
    bufferLogs: true,
    abortOnError: false,
  });
  if (options.logger !== undefined) app.get<Pino>(ROOT_LOGGER).level = pinoLevelOfList(options.logger);
  app.useLogger(app.get(PinoLoggerService));
  // A body the JSON parser refused is a client fault: 4xx JSON, not an error log with a stack.
  app.useGlobalFilters(new BodyErrorsFilter(app.get(HttpAdapterHost).httpAdapter));
  const { maxMessageBytes, compression, compressionThresholdBytes } = app.get(connectionConfig.KEY);
  app.useWebSocketAdapter(
    new GameWsAdapter(app, { maxPayload: maxMessageBytes, compression: { enabled: compression, thresholdBytes: compressionThresholdBytes } }),
  );
  // Exit 0 once the shutdown hooks ran (Nest would otherwise re-raise the signal).
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  // Hybrid app: backend modules' @EventPattern handlers (the server API's lifecycle events, their
  // own events) listen on the bus: across instances with REDIS_URL, in process without it.
  app.connectMicroservice({ strategy: app.get(BusEventTransport) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  setupOpenApi(app);
  return app;
}

/**
 * The last startup line: the URLs a person can open. A server bound to every interface (the
 * default) is reachable as `localhost`, which reads better than the `[::1]` Nest reports.
 */
export function announceReady(app: INestApplication): void {
  const { address, port } = app.getHttpServer().address() as AddressInfo;
  const host = ['::', '0.0.0.0', '127.0.0.1', '::1'].includes(address) ? 'localhost' : address.includes(':') ? `[${address}]` : address;
  new Logger('Gateway').log({
    msg: `listening on http://${host}:${port}/ (demo page) and ws://${host}:${port}/ws (game WebSocket)`,
    port,
  });
}

/** The gateway's composition root plus `modules`. */
function withModules(modules: Type[]): Type {
  @Module({ imports: [AppModule, ...modules] })
  class GatewayWithModules {}
  return GatewayWithModules;
}
