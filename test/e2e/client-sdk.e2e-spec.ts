import WebSocket from 'ws';
import { type ClientCodec, GameClient, type WebSocketConstructor } from '../../client/src';
import { ProtobufCodec } from '../../client/src/protobuf-codec';
import type { ServerFrame } from '../../client/src/types';
import { ConnectionPool } from '../../src/connection';
import { type RunningGateway, startGateway } from '../support/gateway';

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

/** Resolves once `predicate` holds for an event of `type` (checked on every such event), or rejects after `timeoutMs`. */
function until<K extends 'chat' | 'resumed' | 'room_joined' | 'closed'>(
  client: GameClient,
  type: K,
  predicate: () => boolean,
  timeoutMs = 20000,
): Promise<void> {
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

const CODECS: [string, () => ClientCodec | undefined][] = [
  ['json', () => undefined],
  ['protobuf', () => new ProtobufCodec()],
];

describe.each(CODECS)('client SDK over real sockets (%s)', (_name, makeCodec) => {
  let gateway: RunningGateway;
  const clients: GameClient[] = [];
  const connect = async (sockets: WebSocket[] = []) => {
    const client = new GameClient(gateway.wsUrl, {
      codec: makeCodec(),
      WebSocket: trackedWebSocket(sockets),
      reconnect: { baseMs: 20, capMs: 200 },
    });
    clients.push(client);
    await client.connect();
    return client;
  };
  const join = async (client: GameClient, roomId: string) => {
    let joined = false;
    const off = client.on('room_joined', (frame) => (joined ||= frame.payload.room_id === roomId));
    client.joinRoom(roomId);
    await until(client, 'room_joined', () => joined);
    off();
  };
  const serverSideKill = (client: GameClient) => gateway.app.get(ConnectionPool).get(client.clientId!)?.socket.terminate();

  beforeAll(async () => {
    gateway = await startGateway({ RESUME_GRACE_MS: '30000' });
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(() => gateway.close());

  it('should resume after a server-side drop: same client id, missed chat once, no reconnect noise for the others', async () => {
    const room = `sdk-resume-${_name}`;
    const a = await connect();
    const b = await connect();
    await join(a, room);
    await join(b, room);
    const aChats: string[] = [];
    const bLeft: unknown[] = [];
    a.on('chat', (frame) => aChats.push(frame.payload.text));
    b.on('player_left', (frame) => bLeft.push(frame));
    const idBefore = a.clientId;
    let resumed: { client_id: string; rooms: Record<string, boolean> } | undefined;
    a.on('resumed', (event) => (resumed = event));
    const reconnecting = new Promise((resolve) => a.on('reconnecting', resolve));

    serverSideKill(a);
    await reconnecting;
    b.chat('missed?', { roomId: room });
    await until(a, 'resumed', () => resumed !== undefined);
    await until(a, 'chat', () => aChats.includes('missed?'));
    a.chat('still here', { roomId: room });
    let bGot = false;
    b.on('chat', (frame) => (bGot ||= frame.payload.text === 'still here'));
    await until(b, 'chat', () => bGot);

    expect(resumed).toEqual({ client_id: idBefore, rooms: { [room]: true } });
    expect(aChats.filter((text) => text === 'missed?')).toHaveLength(1);
    expect(bLeft).toHaveLength(0);
  });

  it('should not reconnect after close()', async () => {
    const a = await connect();
    const events: string[] = [];
    a.on('reconnecting', () => events.push('reconnecting'));
    const closed = new Promise<{ code: number }>((resolve) => a.on('closed', resolve));
    a.close();
    expect((await closed).code).toBe(1000);
    expect(events).toEqual([]);
    expect(a.connectionState).toBe('closed');
  });

  it('should give every client every message exactly once, in room order, while sockets die at random', async () => {
    const room = `chaos-${_name}`;
    const CLIENTS = 4;
    const MESSAGES_EACH = 30;
    const TOTAL = CLIENTS * MESSAGES_EACH;
    const random = seeded(_name === 'json' ? 7 : 11);
    const sockets: WebSocket[][] = [];
    const members: GameClient[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      sockets.push([]);
      members.push(await connect(sockets[i]));
      await join(members[i], room);
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
      // Every few messages, let the sender's own echo arrive: the stream goes on while victims reconnect.
      if (step % 4 === 3) {
        const text = `${sender}:${sent[sender]}`;
        await until(members[sender], 'chat', () => received[sender].some((frame) => frame.payload.text === text));
      }
    }
    await Promise.all(members.map((member, i) => until(member, 'chat', () => received[i].length >= TOTAL)));
    await Promise.all(members.map((member) => until(member, 'resumed', () => member.connectionState === 'open')));

    const expected = [...received[0]].sort((x, y) => x.offset! - y.offset!).map((frame) => frame.payload.text);
    expect(new Set(expected).size).toBe(TOTAL);
    for (let i = 0; i < CLIENTS; i++) {
      expect(received[i].map((frame) => frame.payload.text)).toEqual(expected); // exactly once, room order
      const own = expected.filter((text) => text.startsWith(`${i}:`));
      expect(own).toEqual(Array.from({ length: MESSAGES_EACH }, (_, k) => `${i}:${k + 1}`)); // sender order kept
    }
    expect(kills).toBeGreaterThan(0);
    expect(resumes).toBeGreaterThan(0);
    expect(notices).toEqual([]); // nobody saw anybody leave, no session was lost
  });
});
