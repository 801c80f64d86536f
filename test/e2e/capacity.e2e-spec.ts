import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type KeyLike, SignJWT } from 'jose';
import WebSocket from 'ws';
import { defaultMaxConnections } from '../../src/config';
import { UpgradeGate } from '../../src/gateway/upgrade-gate.service';
import { startGateway, useGateway } from '../support/gateway';
import { sampleValue, scrapeMetrics } from '../support/prometheus-text';
import { eventually } from '../support/redis';
import { TestClient } from '../support/test-client';
import { refusedUpgradeStatus } from '../support/upgrade';

const ROOT = join(__dirname, '../..');

/** Opens a raw client and resolves once the upgrade is accepted or refused (HTTP status). */
function attempt(url: string): Promise<{ ws: WebSocket; status: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, ['game.v1.json']);
    ws.once('open', () => resolve({ ws, status: 101 }));
    ws.once('unexpected-response', (_req, res) => {
      res.resume();
      ws.terminate();
      resolve({ ws, status: res.statusCode ?? 0 });
    });
    ws.once('error', reject);
  });
}

async function probes(httpUrl: string): Promise<number[]> {
  return Promise.all(['/health', '/ready'].map(async (path) => (await fetch(`${httpUrl}${path}`)).status));
}

/** MAX_CONNECTIONS and upgrades in progress (issue 13, item 8), filled over real sockets. */
describe('connection capacity', () => {
  describe('MAX_CONNECTIONS=5', () => {
    const gateway = useGateway({ MAX_CONNECTIONS: '5' });

    it('should refuse the upgrade past the cap with 503, keep /health and /ready answering, and admit again once one closed', async () => {
      const clients = await Promise.all(Array.from({ length: 5 }, () => TestClient.connectWelcomed(gateway.wsUrl).then((w) => w.client)));
      expect(await refusedUpgradeStatus(gateway.wsUrl)).toBe(503);
      expect(await probes(gateway.httpUrl)).toEqual([200, 200]);
      expect(sampleValue(await scrapeMetrics(gateway.httpUrl), 'gateway_upgrades_refused_total', { reason: 'full' })).toBe(1);
      await clients[0].close();
      // The pool forgets a socket when the server side of its close completes: retry until then.
      let admitted: TestClient | undefined;
      await eventually(async () => (admitted = (await TestClient.connectWelcomed(gateway.wsUrl)).client) !== undefined, 'a free slot', 5000);
      await Promise.all([...clients.slice(1), admitted!].map((client) => client.close()));
    });
  });

  describe('upgrades still being authenticated', () => {
    let keys: { publicKey: KeyLike; privateKey: KeyLike };
    let jwksServer: Server;
    let held: ServerResponse[] = [];
    let jwks: string;

    beforeAll(async () => {
      keys = await generateKeyPair('ES256');
      jwks = JSON.stringify({ keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'ES256' }] });
      // A key server that answers only when the test says so: token checks stay pending meanwhile.
      jwksServer = createServer((_req, res) => held.push(res));
      jwksServer.listen(0, '127.0.0.1');
      await once(jwksServer, 'listening');
    });
    afterAll(() => new Promise((resolve) => jwksServer.close(resolve)));

    const release = () => {
      for (const res of held.splice(0)) res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    };
    const url = async (wsUrl: string) => {
      const jwt = await new SignJWT({ sub: 'p' }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setExpirationTime('1h').sign(keys.privateKey);
      return `${wsUrl}?token=${jwt}`;
    };

    it.each([
      ['MAX_CONNECTIONS', { MAX_CONNECTIONS: '3' }, 503],
      ['MAX_CONNECTIONS_PER_IP', { MAX_CONNECTIONS_PER_IP: '3' }, 429],
    ])('should count them against %s and admit them once verified', async (_name, limits, status) => {
      held = [];
      const gateway = await startGateway({ AUTH_JWKS: `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`, AUTH_JWKS_TIMEOUT_MS: '30000', ...limits });
      try {
        const pending = [1, 2, 3].map(async () => attempt(await url(gateway.wsUrl)));
        await eventually(() => gateway.app.get(UpgradeGate).pendingUpgrades === 3, 'three upgrades waiting for the key server');
        expect(await refusedUpgradeStatus(await url(gateway.wsUrl))).toBe(status);
        release();
        const admitted = await Promise.all(pending);
        expect(admitted.map((a) => a.status)).toEqual([101, 101, 101]);
        for (const { ws } of admitted) ws.terminate();
      } finally {
        release();
        await gateway.close();
      }
    });
  });

  describe('the default cap under a low open-files limit (a child process under prlimit)', () => {
    const LIMIT = 256;
    let child: ChildProcess | undefined;
    afterAll(async () => {
      if (child && child.exitCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
    });

    it(`should fill to the default cap (the limit less its reserve, ${defaultMaxConnections(LIMIT)} of ${LIMIT}) and still answer /health and /ready`, async () => {
      child = spawn('prlimit', [`--nofile=${LIMIT}:${LIMIT}`, '--', process.execPath, '-r', join(ROOT, 'test/support/ts-register.js'), join(ROOT, 'src/main.ts')], {
        cwd: ROOT,
        env: { ...process.env, PORT: '0', NO_COLOR: '1', LOG_FORMAT: 'json' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const port = await new Promise<number>((resolve, reject) => {
        const onData = (data: Buffer) => {
          output += data.toString();
          const match = /listening on http:\/\/[^\s]*:(\d+)/.exec(output);
          if (match) resolve(Number(match[1]));
        };
        child!.stdout!.on('data', onData);
        child!.stderr!.on('data', onData);
        child!.once('exit', (code) => reject(new Error(`gateway exited with ${code}:\n${output}`)));
      });
      const wsUrl = `ws://127.0.0.1:${port}/ws`;
      const open: WebSocket[] = [];
      let refusedWith = 0;
      // One at a time, so that the count is exact; each accepted socket stays open.
      while (refusedWith === 0 && open.length <= LIMIT) {
        const { ws, status } = await attempt(wsUrl);
        if (status === 101) open.push(ws);
        else refusedWith = status;
      }
      try {
        expect({ open: open.length, refusedWith }).toEqual({ open: defaultMaxConnections(LIMIT), refusedWith: 503 });
        expect(await probes(`http://127.0.0.1:${port}`)).toEqual([200, 200]);
      } finally {
        for (const ws of open) ws.terminate();
      }
    });
  });
});
