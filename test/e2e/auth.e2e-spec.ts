import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { exportJWK, generateKeyPair, type KeyLike, SignJWT } from 'jose';
import { ConnectionPool } from '../../src/connection';
import { launchChromium } from '../support/browser';
import { startGateway, useGateway } from '../support/gateway';
import { sampleValue, scrapeMetrics } from '../support/prometheus-text';
import { TestClient } from '../support/test-client';
import { closedAtUpgrade, refusedUpgradeStatus } from '../support/upgrade';

const SECRET = 'e2e-secret-0123456789abcdef';
const now = () => Math.floor(Date.now() / 1000);

function token(claims: { sub?: string; exp?: number; iat?: number }, secret = SECRET): Promise<string> {
  const jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(claims.iat ?? now());
  if (claims.sub !== undefined) jwt.setSubject(claims.sub);
  jwt.setExpirationTime(claims.exp ?? now() + 3600);
  return jwt.sign(new TextEncoder().encode(secret));
}

function unsigned(sub: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub, exp: now() + 3600 })}.`;
}

/**
 * Authentication at the upgrade (AUTH_SECRET). A failed check is answered by accepting the
 * handshake and closing at once, 4100 (or 4101 for an expired token) with the reason, for every
 * client: a browser sees a refused HTTP upgrade only as 1006 (issue 13, item 3).
 */
describe('authentication at the upgrade (AUTH_SECRET)', () => {
  const gateway = useGateway({ AUTH_SECRET: SECRET, AUTH_CLOCK_TOLERANCE_S: '5' });

  it('should accept a valid token in ?token= and use its sub as the player id', async () => {
    const { client } = await TestClient.connectWelcomed(`${gateway.wsUrl}?token=${await token({ sub: 'alice' })}`);
    client.send('join_room', { room_id: 'auth-room', user_id: 'mallory' });
    const joined = await client.next('room_joined');
    expect(joined.payload.players.map((p) => p.player_id)).toEqual(['alice']);
    await client.close();
  });

  it('should accept a token offered as a token.<jwt> subprotocol and answer with the game subprotocol only', async () => {
    const jwt = await token({ sub: 'bob' });
    const { client } = await TestClient.connectWelcomed(gateway.wsUrl, { codec: 'proto', extraProtocols: [`token.${jwt}`] });
    expect(client.socket.protocol).toBe('game.v1.proto');
    client.send('join_room', { room_id: 'auth-room-2' });
    expect((await client.next('room_joined')).payload.players[0].player_id).toBe('bob');
    await client.close();
  });

  it.each([
    ['no token', async () => gateway.wsUrl, /token missing/],
    ['a token signed with another key', async () => `${gateway.wsUrl}?token=${await token({ sub: 'a' }, 'another-secret-0123456789')}`, /signature/],
    ['a token without sub', async () => `${gateway.wsUrl}?token=${await token({})}`, /sub/],
    ['a token issued in the future (iat)', async () => `${gateway.wsUrl}?token=${await token({ sub: 'a', iat: now() + 120 })}`, /iat/],
    ['garbage', async () => `${gateway.wsUrl}?token=not.a.jwt`, /invalid token/],
    ['an unsigned (alg none) token', async () => `${gateway.wsUrl}?token=${unsigned('a')}`, /invalid token/],
  ])('should close an upgrade with %s with 4100 and the reason, before any frame', async (_name, url, reason) => {
    const closed = await closedAtUpgrade(await url(), ['game.v1.json']);
    expect(closed).toEqual({ code: 4100, reason: expect.stringMatching(reason), frames: 0, protocol: 'game.v1.json' });
  });

  it('should close an upgrade with an expired token with 4101', async () => {
    const closed = await closedAtUpgrade(`${gateway.wsUrl}?token=${await token({ sub: 'a', exp: now() - 60 })}`, ['game.v1.proto']);
    expect(closed).toEqual(expect.objectContaining({ code: 4101, reason: expect.stringMatching(/expired/), frames: 0 }));
  });

  it('should close with 4100 for a bad token offered as a subprotocol, selecting an offered entry so that browsers accept the handshake', async () => {
    const jwt = await token({ sub: 'a' }, 'another-secret-0123456789');
    expect(await closedAtUpgrade(gateway.wsUrl, ['game.v1.json', `token.${jwt}`])).toEqual(
      expect.objectContaining({ code: 4100, protocol: 'game.v1.json' }),
    );
    expect(await closedAtUpgrade(gateway.wsUrl, [`token.${jwt}`])).toEqual(expect.objectContaining({ code: 4100, protocol: `token.${jwt}` }));
  });

  it('should keep refused upgrades cheap: no connection registered, only the refusal counter moves', async () => {
    const pool = gateway.app.get(ConnectionPool);
    const before = await scrapeMetrics(gateway.httpUrl);
    const open = pool.size;
    await Promise.all(Array.from({ length: 5 }, () => closedAtUpgrade(`${gateway.wsUrl}?token=nope.nope.nope`)));
    const after = await scrapeMetrics(gateway.httpUrl);
    expect(pool.size).toBe(open);
    const refused = (samples: typeof before) => sampleValue(samples, 'gateway_upgrades_refused_total', { reason: 'unauthorized' }) ?? 0;
    expect(refused(after) - refused(before)).toBe(5);
    expect(sampleValue(after, 'gateway_messages_sent_total', { type: 'welcome' })).toBe(sampleValue(before, 'gateway_messages_sent_total', { type: 'welcome' }));
  });

  describe('in a browser (Chromium)', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(() => browser?.close());

    /** Opens a WebSocket from a page of the gateway's origin and resolves with how it closed. */
    async function browserClose(url: string, protocols: string[]): Promise<{ code: number; reason: string }> {
      const page = await browser.newPage();
      try {
        await page.goto(`${gateway.httpUrl}/health`);
        return await page.evaluate(
          ([target, offered]) =>
            new Promise<{ code: number; reason: string }>((resolve) => {
              const ws = new WebSocket(target, offered);
              ws.onclose = (event) => resolve({ code: event.code, reason: event.reason });
            }),
          [url, protocols] as [string, string[]],
        );
      } finally {
        await page.close();
      }
    }

    it('should let the page see 4100 and the reason for a bad token (a refused upgrade would be 1006)', async () => {
      const bad = await token({ sub: 'a' }, 'another-secret-0123456789');
      expect(await browserClose(gateway.wsUrl, ['game.v1.json', `token.${bad}`])).toEqual({ code: 4100, reason: expect.stringMatching(/signature/) });
      expect(await browserClose(gateway.wsUrl, ['game.v1.json'])).toEqual({ code: 4100, reason: expect.stringMatching(/token missing/) });
    });

    it('should let the page see 4101 for an expired token', async () => {
      const expired = await token({ sub: 'a', exp: now() - 60 });
      expect(await browserClose(`${gateway.wsUrl}?token=${expired}`, ['game.v1.json'])).toEqual({ code: 4101, reason: expect.any(String) });
    });
  });
});

/** Keys from a JWKS URL (what an identity provider publishes), served by a local HTTP server. */
describe('authentication with AUTH_JWKS (a URL)', () => {
  let keys: { privateKey: KeyLike; publicKey: KeyLike };
  let jwksServer: Server;
  let jwksUrl: string;
  let fetches = 0;

  beforeAll(async () => {
    keys = await generateKeyPair('RS256');
    const body = JSON.stringify({ keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' }] });
    jwksServer = createServer((_req, res) => {
      fetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    jwksServer.listen(0, '127.0.0.1');
    await once(jwksServer, 'listening');
    jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise((resolve) => jwksServer.close(resolve)));

  const rs256 = (sub: string, kid: string, key = keys.privateKey) =>
    new SignJWT({ sub }).setProtectedHeader({ alg: 'RS256', kid }).setIssuer('https://id.example.com').setAudience('game').setExpirationTime('1h').sign(key);

  it('should accept an RS256 token whose kid is in the fetched set, and check iss and aud', async () => {
    const gateway = await startGateway({ AUTH_JWKS: jwksUrl, AUTH_ISSUER: 'https://id.example.com', AUTH_AUDIENCE: 'game' });
    try {
      const { client } = await TestClient.connectWelcomed(`${gateway.wsUrl}?token=${await rs256('carol', 'rsa-1')}`);
      client.send('join_room', { room_id: 'jwks-room' });
      expect((await client.next('room_joined')).payload.players[0].player_id).toBe('carol');
      await client.close();
      expect(fetches).toBeGreaterThan(0);
      const stranger = await generateKeyPair('RS256');
      expect(await closedAtUpgrade(`${gateway.wsUrl}?token=${await rs256('mallory', 'rsa-1', stranger.privateKey)}`)).toEqual(
        expect.objectContaining({ code: 4100 }),
      );
      const wrongAudience = await new SignJWT({ sub: 'carol' }).setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
        .setIssuer('https://id.example.com').setAudience('billing').setExpirationTime('1h').sign(keys.privateKey);
      expect(await closedAtUpgrade(`${gateway.wsUrl}?token=${wrongAudience}`)).toEqual(expect.objectContaining({ code: 4100, reason: expect.stringMatching(/aud/) }));
    } finally {
      await gateway.close();
    }
  });

  it('should answer 503 (retry later), not the terminal 4100, while the JWKS URL does not answer', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/jwks.json`;
    await new Promise((resolve) => closed.close(resolve)); // nothing listens there any more
    const gateway = await startGateway({ AUTH_JWKS: deadUrl });
    try {
      expect(await refusedUpgradeStatus(`${gateway.wsUrl}?token=${await rs256('carol', 'rsa-1')}`)).toBe(503);
    } finally {
      await gateway.close();
    }
  });
});
