import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Socket } from 'node:net';
import * as path from 'node:path';
import { eventually, type RedisServer, startRedis } from '../support/redis';
import { TestClient } from '../support/test-client';

const ROOT = path.resolve(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildServerIfStale } = require('../../scripts/start.js') as { buildServerIfStale(o: { quiet: boolean }): boolean };

/** The built server (dist/main.js) as a child process, with its output and exit to wait on. */
function startBuiltServer(env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ['dist/main.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'log', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters: (() => void)[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const check of waiters) check();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  /** Resolves with the first match of `pattern` in the server's output, now or later. */
  const logged = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (match) resolve(match);
      };
      waiters.push(check);
      check();
      void exited.then(() => reject(new Error(`server exited before logging ${pattern}:\n${output}`)));
    });
  return { child, exited, logged, output: () => output };
}

/**
 * The real built server as a child process: SIGTERM turns `/ready` to 503 and closes every client
 * with 1012 (reconnect elsewhere), waits for the close handshakes, and the process exits with 0.
 */
describe('graceful shutdown of the built server', () => {
  let server: ChildProcess | undefined;
  let redis: RedisServer | undefined;

  beforeAll(async () => {
    // Compiles only when src/ changed since the last build (npm start shares the build).
    buildServerIfStale({ quiet: true });
    redis = await startRedis();
  }, 180_000);
  afterEach(() => {
    if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  });
  afterAll(async () => {
    redis?.resume();
    await redis?.close();
  });

  it('should answer /ready with 503 while it drains, close clients with 1012 on SIGTERM, log the shutdown and exit with code 0', async () => {
    const { child, exited, logged } = startBuiltServer({ SHUTDOWN_TIMEOUT_MS: '30000' });
    server = child;
    const port = Number((await logged(/listening on \S+:(\d+)/))[1]);
    const httpUrl = `http://127.0.0.1:${port}`;
    expect((await fetch(`${httpUrl}/ready`)).status).toBe(200);

    const url = `ws://127.0.0.1:${port}/ws`;
    const a = (await TestClient.connectWelcomed(url)).client;
    const b = (await TestClient.connectWelcomed(url, { codec: 'proto' })).client;
    b.send('join_room', { room_id: 'shutdown' });
    await b.next('room_joined');
    // A client that does not read keeps the drain waiting for its close handshake (up to half of
    // SHUTDOWN_TIMEOUT_MS): the window in which /ready is observed.
    const stalled = (await TestClient.connectWelcomed(url)).client;
    const stalledTcp = (stalled.socket as unknown as { _socket: Socket })._socket;
    stalledTcp.pause();

    child.kill('SIGTERM');
    expect((await a.closed).code).toBe(1012);
    expect((await b.closed).code).toBe(1012);
    await logged(/"SIGTERM received: shutting down gracefully"/);
    await logged(/closing 3 connections/);
    const ready = await fetch(`${httpUrl}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual(expect.objectContaining({ error: { shutdown: { status: 'down', state: 'shutting down' } } }));
    stalledTcp.resume();
    expect((await stalled.closed).code).toBe(1012);
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    await logged(/"msg":"shutdown complete"/);
  }, 60_000);

  // Deliberate break tried: without the watchdog's process.exit(1) the process hangs on the frozen
  // Redis and this test fails at its exit bound.
  it('should exit with code 1 once SHUTDOWN_TIMEOUT_MS passed when a shutdown hook hangs (frozen Redis)', async () => {
    const { child, exited, logged, output } = startBuiltServer({ REDIS_URL: redis!.url, SHUTDOWN_TIMEOUT_MS: '1000' });
    server = child;
    const port = Number((await logged(/listening on \S+:(\d+)/))[1]);
    await eventually(async () => (await fetch(`http://127.0.0.1:${port}/ready`)).status === 200, 'ready with Redis');

    redis!.pause(); // closing the Redis connections now waits forever for an answer
    child.kill('SIGTERM');
    const bound = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`still running 15 s after SIGTERM:\n${output()}`)), 15_000).unref(),
    );
    const [code, signal] = await Promise.race([exited, bound]);
    expect({ code, signal }).toEqual({ code: 1, signal: null });
    await logged(/shutdown did not finish within SHUTDOWN_TIMEOUT_MS=1000; exiting/);
    redis!.resume();
  }, 60_000);
});
