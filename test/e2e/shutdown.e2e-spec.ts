import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Socket } from 'node:net';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { TestClient } from '../support/test-client';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The real built server as a child process: SIGTERM turns `/ready` to 503 and closes every client
 * with 1012 (reconnect elsewhere), waits for the close handshakes, and the process exits with 0.
 */
describe('graceful shutdown of the built server', () => {
  let server: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT });
  }, 180_000);
  afterAll(() => {
    if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  });

  it('should answer /ready with 503 while it drains, close clients with 1012 on SIGTERM and exit with code 0', async () => {
    server = spawn(process.execPath, ['dist/main.js'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', SHUTDOWN_TIMEOUT_MS: '30000', LOG_LEVEL: 'log' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = once(server, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const outputWaiters: (() => void)[] = [];
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const check of outputWaiters) check();
    });
    /** Resolves with the first match of `pattern` in the server's output, now or later. */
    const logged = (pattern: RegExp) =>
      new Promise<RegExpExecArray>((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (match) resolve(match);
        };
        outputWaiters.push(check);
        check();
        void exited.then(() => reject(new Error(`server exited before logging ${pattern}:\n${output}`)));
      });
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

    server.kill('SIGTERM');
    expect((await a.closed).code).toBe(1012);
    expect((await b.closed).code).toBe(1012);
    await logged(/closing 3 connections/);
    const ready = await fetch(`${httpUrl}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual(expect.objectContaining({ error: { shutdown: { status: 'down', state: 'shutting down' } } }));
    stalledTcp.resume();
    expect((await stalled.closed).code).toBe(1012);
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  }, 60_000);
});
