import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';

/** A frame as the fake gateway received it from the client (JSON codec). */
export interface ClientFrame {
  type: string;
  payload: Record<string, unknown>;
  id?: string;
}

/**
 * A scripted stand-in for the gateway, for the SDK's unit specs: a real `ws` server on a free
 * loopback port that speaks the JSON codec and does only what the test tells it to.
 */
export class FakeGateway {
  readonly connections: FakeConnection[] = [];
  private readonly waiting: { n: number; resolve: (connection: FakeConnection) => void }[] = [];

  private constructor(private readonly server: WebSocketServer) {
    server.on('connection', (ws, request) => {
      const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim()).filter(Boolean);
      const connection = new FakeConnection(ws, offered);
      this.connections.push(connection);
      for (const waiter of this.waiting.filter((w) => w.n === this.connections.length - 1)) waiter.resolve(connection);
    });
  }

  static async start(): Promise<FakeGateway> {
    // Select the codec like the gateway does (the first offered it speaks); `token.<jwt>` entries are never selected.
    const handleProtocols = (protocols: Set<string>) => [...protocols].find((p) => p === 'game.v1.json' || p === 'game.v2.json') ?? false;
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols });
    await new Promise((resolve) => server.once('listening', resolve));
    return new FakeGateway(server);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/ws`;
  }

  /** The `n`-th connection (0-based), once it is open. */
  connection(n: number): Promise<FakeConnection> {
    if (this.connections[n]) return Promise.resolve(this.connections[n]);
    return new Promise((resolve) => this.waiting.push({ n, resolve }));
  }

  async close(): Promise<void> {
    for (const connection of this.connections) connection.ws.terminate();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

export class FakeConnection {
  readonly frames: ClientFrame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly waiters: { match: (frame: ClientFrame) => boolean; resolve: (frame: ClientFrame) => void }[] = [];
  private consumed = new WeakSet<ClientFrame>();

  constructor(
    readonly ws: WebSocket,
    /** Sec-WebSocket-Protocol entries the client offered. */
    readonly offered: string[],
  ) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as ClientFrame;
      this.frames.push(frame);
      const waiter = this.waiters.find((w) => w.match(frame));
      if (!waiter) return;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      this.consumed.add(frame);
      waiter.resolve(frame);
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /** The token the client presented (`token.<jwt>` subprotocol entry). */
  get token(): string | undefined {
    return this.offered.find((p) => p.startsWith('token.'))?.slice('token.'.length);
  }

  /** The first not yet awaited frame of `type` (optionally matching `where`), received or to come. */
  next(type: string, where: (frame: ClientFrame) => boolean = () => true): Promise<ClientFrame> {
    const match = (frame: ClientFrame) => frame.type === type && where(frame);
    const seen = this.frames.find((frame) => !this.consumed.has(frame) && match(frame));
    if (seen) {
      this.consumed.add(seen);
      return Promise.resolve(seen);
    }
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  send(type: string, payload: object, envelope: { room_id?: string; offset?: number; seq?: number; timestamp?: number } = {}): void {
    this.ws.send(JSON.stringify({ type, payload, timestamp: Date.now(), ...envelope }));
  }

  welcome(clientId = 'c1', extra: object = {}): void {
    this.send('welcome', { client_id: clientId, session_id: `s-${clientId}`, resume_token: `t-${clientId}`, heartbeat_interval_ms: 30000, server_time: Date.now(), ...extra });
  }

  /** Answers a `join_room` like the gateway: `room_joined` (with `players`), then `ack`. */
  roomJoined(join: ClientFrame, snapshot: { offset?: number; players?: object[]; epoch?: string; recovered?: boolean } = {}): void {
    const room_id = join.payload.room_id as string;
    this.send('room_joined', { room_id, players: [], frame_num: 1, offset: 0, epoch: 'e1', ...snapshot }, { room_id });
    if (join.id) this.ack(join.id);
  }

  ack(id: string, duplicate = false): void {
    this.send('ack', duplicate ? { id, duplicate } : { id });
  }

  error(code: string, ref?: ClientFrame, message = `refused: ${code}`): void {
    this.send('error', { code, message, ...(ref ? { ref_type: ref.type, ref_id: ref.id } : {}) });
  }
}

/** A player as `room_joined` lists it. */
export function roomPlayer(playerId: string, clientId: string, x = 0): object {
  return {
    player_id: playerId,
    nickname: playerId.toUpperCase(),
    entity_id: 1,
    client_id: clientId,
    position: { x, y: 0, z: 0 },
    velocity: { x: 0, y: 0, z: 0 },
    health: 100,
    score: 0,
    last_input_seq: 0,
  };
}
