import type { INestApplication, Type } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { createGatewayApp } from '../../src/bootstrap';

export interface RunningGateway {
  app: INestApplication;
  port: number;
  /** `http://127.0.0.1:<port>` */
  httpUrl: string;
  /** `ws://127.0.0.1:<port>/ws` */
  wsUrl: string;
  close(): Promise<void>;
}

/**
 * Starts the real gateway app in this process on a free loopback port. `env` overrides
 * environment variables for the app's configuration (read once, at creation).
 *
 * @example const gw = await startGateway({ TICK_RATE: '50' }); … await gw.close();
 */
export async function startGateway(env: Record<string, string> = {}, options: { modules?: Type[] } = {}): Promise<RunningGateway> {
  const app = await withEnv({ PORT: '0', ...env }, () => createGatewayApp({ logger: ['error'], modules: options.modules }));
  // PORT '0' (the default here) picks a free port; a test restarting a gateway passes the old one.
  await app.listen(Number(env.PORT ?? 0), '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    port,
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    close: () => app.close(),
  };
}

/** The `withEnv` under way: the next one waits for it (see `withEnv`). */
let envInUse: Promise<unknown> = Promise.resolve();

/**
 * Runs `fn` with `env` applied to process.env, then restores what was there. One at a time: two
 * gateways started at once with different envs (`Promise.all`) used to interleave, and one was
 * created with the other's settings (redis-outage-leases: both on the direct Redis URL).
 */
export function withEnv<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const run = envInUse.then(() => applied(env, fn));
  envInUse = run.catch(() => undefined);
  return run;
}

async function applied<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/**
 * A gateway for the enclosing `describe`: started in `beforeAll`, closed in `afterAll`. The
 * returned object reads through to the running gateway, so use it inside tests and hooks.
 *
 * @example const gateway = useGateway({ MAX_IDLE_MS: '1500' }); … TestClient.connectWelcomed(gateway.wsUrl)
 */
export function useGateway(env: Record<string, string> = {}, options: { modules?: Type[] } = {}): RunningGateway {
  let running: RunningGateway | undefined;
  beforeAll(async () => {
    running = await startGateway(env, options);
  });
  afterAll(() => running?.close());
  return readThrough(() => {
    if (!running) throw new Error('the gateway starts in beforeAll: use it inside a test or hook');
    return running;
  });
}

/**
 * An object whose every property is read from `current()` when used: what a `use…` helper hands
 * out while the `describe` is declared only exists once its `beforeAll` has run. Only property
 * reads go through (a `get` trap): spread it, list its keys or test `in` on `current()` instead.
 */
export function readThrough<T extends object>(current: () => T): T {
  return new Proxy({} as T, { get: (_, key) => Reflect.get(current(), key) });
}

/**
 * Waits until every gateway's `/ready` answers 200 (with Redis: connected, room channels
 * subscribed): instances bridged by Redis only act as one from then on.
 */
export async function untilReady(gateways: readonly { httpUrl: string }[], what = 'every instance ready', timeoutMs = 20000): Promise<void> {
  const { eventually } = await import('./redis');
  const ready = async (gw: { httpUrl: string }) => (await fetch(`${gw.httpUrl}/ready`)).status === 200;
  await eventually(async () => (await Promise.all(gateways.map(ready))).every(Boolean), what, timeoutMs);
}
