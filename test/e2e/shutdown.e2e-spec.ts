import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { TestClient } from '../support/test-client';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The real built server as a child process: SIGTERM closes every client with 1012 (reconnect
 * elsewhere) and the process exits with 0.
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

  it('should close clients with 1012 on SIGTERM and exit with code 0', async () => {
    server = spawn(process.execPath, ['dist/main.js'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', SHUTDOWN_TIMEOUT_MS: '10000', LOG_LEVEL: 'log' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = once(server, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      server!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on \S+:(\d+)/.exec(output);
        if (match) resolve(Number(match[1]));
      });
      void exited.then(() => reject(new Error(`server exited before listening:\n${output}`)));
    });

    const url = `ws://127.0.0.1:${port}/ws`;
    const a = (await TestClient.connectWelcomed(url)).client;
    const b = (await TestClient.connectWelcomed(url, { codec: 'proto' })).client;
    b.send('join_room', { room_id: 'shutdown' });
    await b.next('room_joined');

    server.kill('SIGTERM');
    expect((await a.closed).code).toBe(1012);
    expect((await b.closed).code).toBe(1012);
    const [code, signal] = await exited;
    expect({ code, signal, output }).toEqual({ code: 0, signal: null, output: expect.stringContaining('closing 2 connections') });
  }, 60_000);
});
