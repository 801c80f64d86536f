import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { CloseCode } from '../../src/protocol';
import { WEIRD_STRINGS } from '../support/fuzz-frames';
import { useGateway } from '../support/gateway';
import { seeded } from '../support/sdk-chaos';
import { useUnhandledRejections } from '../support/unhandled-rejections';
import { decodeServerFrame } from '../support/test-client';

const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const ATTEMPTS = 150;
const SECRET = 'fuzz-upgrade-secret-0123456789abcdef';

/** How one upgrade attempt ended, as the client saw it. */
type Outcome =
  | { kind: 'welcome'; protocol: string }
  | { kind: 'closed'; code: number }
  | { kind: 'refused'; status: number }
  | { kind: 'not sent' } // the client library itself refused the options (e.g. a subprotocol with a space)
  | { kind: 'dropped'; error: string };

function attempt(url: string, protocols: string[], headers: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve) => {
    let socket: WebSocket;
    try {
      socket = new WebSocket(url, protocols, { headers, handshakeTimeout: 10000 });
    } catch {
      return resolve({ kind: 'not sent' });
    }
    let settled = false;
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
      if (socket.readyState === WebSocket.OPEN) socket.close(1000);
    };
    socket.once('message', (data: Buffer, binary: boolean) => {
      const { type } = decodeServerFrame(data, binary);
      settle(type === 'welcome' ? { kind: 'welcome', protocol: socket.protocol } : { kind: 'dropped', error: `first frame ${type}` });
    });
    socket.once('close', (code) => settle({ kind: 'closed', code }));
    socket.once('unexpected-response', (_request, response) => {
      settle({ kind: 'refused', status: response.statusCode ?? 0 });
      response.resume();
      socket.terminate();
    });
    socket.once('error', (error) => settle({ kind: 'dropped', error: error.message }));
  });
}

/**
 * Seeded random WebSocket upgrades with authentication on: odd paths, query strings, offered
 * subprotocols (the game's, `token.<jwt>` entries with valid, expired and garbage tokens, and
 * junk) and headers. Each ends in a `welcome` on a protocol the gateway speaks, a documented
 * close (4100, 4101) or an HTTP 4xx; never a 5xx, a dropped connection or a logged error. (An
 * offer of only subprotocols the gateway does not speak is accepted with none, as documented,
 * which the client then rejects.)
 */
describe('random upgrades', () => {
  const gateway = useGateway({ AUTH_SECRET: SECRET });
  const rejections = useUnhandledRejections();

  it(`should welcome, close with a documented code or refuse with a 4xx, nothing else (seed ${SEED})`, async () => {
    const random = seeded(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const sign = (sub: string, expiresIn: number) =>
      new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt().setExpirationTime(Math.floor(Date.now() / 1000) + expiresIn).sign(new TextEncoder().encode(SECRET));
    const tokens = [await sign('alice', 3600), await sign('bob', -60), await sign('', 3600), 'not.a.jwt', 'x'.repeat(9000), ''];
    const game = ['game.v1.json', 'game.v1.proto', 'game.v2.json', 'game.v2.proto', 'game.v3.json', 'GAME.V1.JSON', 'chat', 'x'];

    const outcomes: { url: string; protocols: string[]; outcome: Outcome }[] = [];
    for (let i = 0; i < ATTEMPTS; i++) {
      const path = random() < 0.8 ? '/ws' : pick(['/ws/', '/WS', '/', '/ws/../ws', '/other', '/ws%2F']);
      const query: string[] = [];
      if (random() < 0.5) query.push(`token=${encodeURIComponent(pick(tokens))}`);
      if (random() < 0.3) query.push(`batch=${encodeURIComponent(pick(['1', '0', 'true', '', ...WEIRD_STRINGS]))}`);
      if (random() < 0.1) query.push(`${encodeURIComponent(pick(WEIRD_STRINGS))}=${encodeURIComponent(pick(WEIRD_STRINGS))}`);
      const protocols = Array.from({ length: Math.floor(random() * 4) }, () => (random() < 0.3 ? `token.${pick(tokens)}` : pick(game)));
      const headers: Record<string, string> = {};
      if (random() < 0.2) headers.origin = pick(['http://evil.example', 'null', 'https://game.example']);
      if (random() < 0.1) headers['sec-websocket-extensions'] = pick(['permessage-deflate', 'permessage-deflate; server_max_window_bits=99', 'x-unknown', ';;']);
      const url = `ws://127.0.0.1:${gateway.port}${path}${query.length ? `?${query.join('&')}` : ''}`;
      outcomes.push({ url: url.slice(0, 200), protocols: protocols.map((p) => p.slice(0, 40)), outcome: await attempt(url, [...new Set(protocols)], headers) });
    }

    const documented = new Set<number>([CloseCode.Unauthorized, CloseCode.TokenExpired]);
    const speaks = new Set(['', 'game.v1.json', 'game.v1.proto', 'game.v2.json', 'game.v2.proto']);
    const wrong = outcomes.filter(({ outcome, protocols }) => {
      if (outcome.kind === 'welcome') return !speaks.has(outcome.protocol);
      if (outcome.kind === 'closed') return !documented.has(outcome.code);
      if (outcome.kind === 'refused') return outcome.status < 400 || outcome.status >= 500;
      // Offered only subprotocols it does not speak, the gateway selects none (docs/protocol.md,
      // "Choosing a codec"), and a client that offered some must then give up (RFC 6455, 4.1).
      if (outcome.kind === 'dropped') return !(outcome.error === 'Server sent no subprotocol' && !protocols.some((p) => speaks.has(p)));
      return false;
    });
    expect(wrong).toEqual([]);
    // Not vacuous: some got in, some were closed for their token, some were refused over HTTP.
    const kinds = new Set(outcomes.map(({ outcome }) => outcome.kind));
    for (const kind of ['welcome', 'closed', 'refused']) expect(kinds).toContain(kind);
    expect(rejections).toEqual([]);
  }, 120000);
});
