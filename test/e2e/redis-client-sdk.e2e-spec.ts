import WebSocket from 'ws';
import { GameClient, type WebSocketConstructor } from '../../client/src';
import type { ServerFrame } from '../../client/src/types';
import { ConnectionPool } from '../../src/connection';
import { type RunningGateway, startGateway } from '../support/gateway';
import { eventually, type RedisServer, startRedis } from '../support/redis';
import { startRoundRobinProxy } from '../support/round-robin-proxy';

/** A `ws` constructor that remembers its sockets, so a test can cut the client's side. */
function trackedWebSocket(sockets: WebSocket[]): WebSocketConstructor {
  return class extends WebSocket {
    constructor(url: string, protocols?: string[]) {
      super(url, protocols);
      sockets.push(this);
    }
  } as unknown as WebSocketConstructor;
}

/** Deterministic choices for a reproducible chaos run (mulberry32). */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function until<K extends 'chat' | 'resumed' | 'room_joined'>(client: GameClient, type: K, predicate: () => boolean, timeoutMs = 30000): Promise<void> {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout((): void => {
      off();
      reject(new Error(`"${type}" condition not met within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = client.on(type, () => {
      if (!predicate()) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

/**
 * The SDK's chaos test over two instances: every connection attempt goes through a round-robin
 * proxy to the next instance, so resumes land on either instance, mostly not the one the socket was on.
 */
describe('client SDK over two instances bridged by Redis', () => {
  let redis: RedisServer;
  let gateways: RunningGateway[];
  let proxy: Awaited<ReturnType<typeof startRoundRobinProxy>>;
  const clients: GameClient[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    const env = { REDIS_URL: redis.url, RESUME_TOKEN_SECRET: 'sdk-chaos-e2e-secret-0123456789abcdef', RESUME_GRACE_MS: '30000' };
    gateways = await Promise.all([startGateway(env), startGateway(env)]);
    const ready = async (gw: RunningGateway) => (await fetch(`${gw.httpUrl}/ready`)).status === 200;
    await eventually(async () => (await Promise.all(gateways.map(ready))).every(Boolean), 'both instances ready', 20000);
    proxy = await startRoundRobinProxy(gateways.map((gw) => gw.port));
  }, 60000);
  afterAll(async () => {
    for (const client of clients) client.close();
    await proxy?.close();
    await Promise.all(gateways?.map((gw) => gw.close()) ?? []);
    await redis?.close();
  }, 30000);

  const serverSideKill = (client: GameClient) => {
    for (const gw of gateways) gw.app.get(ConnectionPool).get(client.clientId!)?.socket.terminate();
  };

  it('should give every client every message exactly once, in room order, while sockets die and resume on whichever instance the proxy picks next', async () => {
    const room = 'chaos-bridged';
    const CLIENTS = 4;
    const MESSAGES_EACH = 25;
    const TOTAL = CLIENTS * MESSAGES_EACH;
    const random = seeded(23);
    const sockets: WebSocket[][] = [];
    const members: GameClient[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      sockets.push([]);
      const client = new GameClient(proxy.wsUrl, { WebSocket: trackedWebSocket(sockets[i]), reconnect: { baseMs: 20, capMs: 200 } });
      clients.push(client);
      members.push(client);
      await client.connect();
      let joined = false;
      client.on('room_joined', (frame) => (joined ||= frame.payload.room_id === room));
      client.joinRoom(room);
      await until(client, 'room_joined', () => joined);
    }
    const received: ServerFrame<'chat'>[][] = members.map(() => []);
    const notices: unknown[] = [];
    let resumes = 0;
    members.forEach((member, i) => {
      member.on('chat', (frame) => received[i].push(frame));
      member.on('player_left', (frame) => notices.push(frame));
      member.on('session_lost', (event) => notices.push(event));
      member.on('resumed', () => resumes++);
    });

    const sent = members.map(() => 0);
    let kills = 0;
    for (let step = 0; step < TOTAL; step++) {
      let sender = Math.floor(random() * CLIENTS);
      while (sent[sender] >= MESSAGES_EACH) sender = (sender + 1) % CLIENTS;
      members[sender].chat(`${sender}:${++sent[sender]}`, { roomId: room });
      if (random() < 0.12) {
        const victim = Math.floor(random() * CLIENTS);
        kills++;
        if (random() < 0.5) serverSideKill(members[victim]);
        else sockets[victim].at(-1)?.terminate();
      }
      if (step % 4 === 3) {
        const text = `${sender}:${sent[sender]}`;
        await until(members[sender], 'chat', () => received[sender].some((frame) => frame.payload.text === text));
      }
    }
    await Promise.all(members.map((member, i) => until(member, 'chat', () => received[i].length >= TOTAL, 60000)));
    await Promise.all(members.map((member) => until(member, 'resumed', () => member.connectionState === 'open')));

    const expected = [...received[0]].sort((x, y) => x.offset! - y.offset!).map((frame) => frame.payload.text);
    expect(new Set(expected).size).toBe(TOTAL);
    for (let i = 0; i < CLIENTS; i++) {
      expect(received[i].map((frame) => frame.payload.text)).toEqual(expected);
      const own = expected.filter((text) => text.startsWith(`${i}:`));
      expect(own).toEqual(Array.from({ length: MESSAGES_EACH }, (_, k) => `${i}:${k + 1}`));
    }
    expect(kills).toBeGreaterThan(0);
    expect(resumes).toBeGreaterThan(0);
    expect(notices).toEqual([]);
  }, 120000);
});
