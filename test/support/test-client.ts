import WebSocket, { type ClientOptions } from 'ws';
import { gameproto, type ServerMessage, TYPE_BY_PROTO } from '../../src/protocol';

export type Codec = 'json' | 'proto';
/** What a client opted in with `?batch=1` may get instead of several frames (decoded for both codecs). */
export interface BatchFrame {
  type: 'batch';
  payload: { messages: Frame[] };
  timestamp: number;
  room_id?: undefined;
}
type Frame = (ServerMessage | BatchFrame) & { from_client_id?: string };
interface Waiter {
  match: (frame: Frame) => boolean;
  resolve: (frame: Frame) => void;
}

/** Decodes a server frame of either codec into the JSON envelope shape, for assertions. */
export function decodeServerFrame(data: Buffer, isBinary: boolean): Frame {
  if (!isBinary) return JSON.parse(data.toString('utf8')) as Frame;
  return fromEnvelope(gameproto.Message.decode(data));
}

/**
 * A protobuf `Message` in the JSON envelope shape; a `batch` gets `payload.messages` as such
 * frames too, exactly like a JSON batch.
 */
function fromEnvelope(envelope: gameproto.Message): Frame {
  if (envelope.type === gameproto.MessageType.BATCH) {
    const messages = gameproto.Batch.decode(envelope.payload).messages.map((m) => fromEnvelope(m as gameproto.Message));
    return { type: 'batch', payload: { messages }, timestamp: Number(envelope.timestamp) };
  }
  const spec = TYPE_BY_PROTO.get(envelope.type);
  if (!spec) throw new Error(`server sent unknown protobuf type ${envelope.type}`);
  let payload = (spec.payload as unknown as { toObject(m: object, o: object): object }).toObject(
    spec.payload.decode(envelope.payload),
    { longs: Number, defaults: true },
  );
  if (spec.adapter) payload = spec.adapter.fromProto(payload as Record<string, unknown>);
  return {
    type: spec.name,
    payload,
    timestamp: Number(envelope.timestamp),
    ...(envelope.room_id ? { room_id: envelope.room_id } : {}),
    ...(Number(envelope.offset) ? { offset: Number(envelope.offset) } : {}),
    ...(Number(envelope.seq) ? { seq: Number(envelope.seq) } : {}),
    ...(envelope.from_client_id ? { from_client_id: envelope.from_client_id } : {}),
  } as Frame;
}

export interface ConnectOptions {
  codec?: Codec;
  protocol?: string | null;
  extraProtocols?: string[];
  headers?: Record<string, string>;
  ws?: ClientOptions;
}

/**
 * A real WebSocket client for tests: records every frame, lets a test await the next frame of a
 * type (events, never sleeps), and speaks either codec.
 */
export class TestClient {
  readonly frames: Frame[] = [];
  readonly binaryFlags: boolean[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly waiters = new Set<Waiter>();
  private consumed = new WeakSet<Frame>();

  private constructor(
    readonly socket: WebSocket,
    readonly codec: Codec,
  ) {
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      const frame = decodeServerFrame(data, isBinary);
      this.record(frame, isBinary);
      // A batch (client opted in with ?batch=1) is recorded, then each message in it, in order.
      if (frame.type === 'batch') for (const message of frame.payload.messages) this.record(message, isBinary);
    });
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /**
   * Connects; `protocol` is offered as Sec-WebSocket-Protocol (the default picks by codec), then
   * `extraProtocols` (e.g. `token.<jwt>`); `ws` passes client options (e.g. `autoPong: false`).
   */
  static async connect(url: string, options: ConnectOptions = {}) {
    const codec = options.codec ?? 'json';
    const protocol = options.protocol === undefined ? (codec === 'proto' ? 'game.v1.proto' : 'game.v1.json') : options.protocol;
    const protocols = [...(protocol ? [protocol] : []), ...(options.extraProtocols ?? [])];
    const socket = new WebSocket(url, protocols, { ...options.ws, headers: options.headers });
    const client = new TestClient(socket, codec);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)));
    });
    return client;
  }

  /** Connects and waits for `welcome`. */
  static async connectWelcomed(url: string, options: ConnectOptions = {}) {
    const client = await TestClient.connect(url, options);
    const welcome = await client.next('welcome');
    return { client, welcome: welcome as ServerMessage<'welcome'>, clientId: (welcome as ServerMessage<'welcome'>).payload.client_id };
  }

  /**
   * The first not-yet-awaited frame of `type` (optionally matching `where`), already received
   * or still to come. Rejects after `timeoutMs` listing what did arrive.
   */
  next<T extends Frame['type']>(
    type: T,
    where: (frame: Extract<Frame, { type: T }>) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<Extract<Frame, { type: T }>> {
    const match = (frame: Frame) => frame.type === type && where(frame as Extract<Frame, { type: T }>);
    const seen = this.frames.find((frame) => !this.consumed.has(frame) && match(frame));
    if (seen) {
      this.consumed.add(seen);
      return Promise.resolve(seen as Extract<Frame, { type: T }>);
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { match, resolve: resolve as (frame: Frame) => void };
      this.waiters.add(waiter);
      setTimeout(() => {
        if (!this.waiters.delete(waiter)) return;
        reject(new Error(`no "${type}" frame within ${timeoutMs} ms; got: ${this.frames.map((f) => f.type).join(', ')}`));
      }, timeoutMs).unref();
    });
  }

  private record(frame: Frame, isBinary: boolean): void {
    this.frames.push(frame);
    this.binaryFlags.push(isBinary);
    for (const waiter of this.waiters) {
      if (!this.consumed.has(frame) && waiter.match(frame)) {
        this.consumed.add(frame);
        this.waiters.delete(waiter);
        waiter.resolve(frame);
      }
    }
  }

  /** Sends a message in this client's codec. */
  send(type: string, payload: object, id?: string): void {
    if (this.codec === 'json') {
      this.socket.send(JSON.stringify({ type, payload, timestamp: Date.now(), ...(id ? { id } : {}) }));
      return;
    }
    this.socket.send(encodeClientProto(type, payload, id));
  }

  /** Sends raw bytes or text, for malformed-input tests. */
  sendRaw(data: string | Buffer): void {
    this.socket.send(data, { binary: typeof data !== 'string' });
  }

  /** Round trip: resolves once the server answered a ping sent after everything before it. */
  async barrier(timeoutMs = 5000): Promise<void> {
    const t = Math.random();
    this.send('ping', { t });
    await this.next('pong', (frame) => frame.payload.t === t, timeoutMs);
  }

  received<T extends Frame['type']>(type: T): Extract<Frame, { type: T }>[] {
    return this.frames.filter((frame): frame is Extract<Frame, { type: T }> => frame.type === type);
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    this.socket.close(1000);
    await this.closed;
  }
}

/** Encodes a client message as a protobuf frame with our schema (v1 additions included). */
export function encodeClientProto(type: string, payload: object, id?: string): Buffer {
  const spec = [...TYPE_BY_PROTO.entries()].find(([, s]) => s.name === type);
  if (!spec) throw new Error(`no protobuf type for "${type}"`);
  const [value, { payload: inner, adapter }] = spec;
  // Payloads whose protobuf shape differs (filters and metadata as JSON text) go through their adapter.
  const shaped = adapter ? adapter.toProto(payload) : payload;
  const bytes = gameproto.Message.encode({
    type: value,
    payload: (inner as unknown as { encode(m: object): { finish(): Uint8Array } }).encode(
      (inner as unknown as { fromObject(o: object): object }).fromObject(shaped),
    ).finish(),
    timestamp: Date.now(),
    id,
  }).finish();
  return Buffer.from(bytes);
}

/**
 * Clients for the tests of one `describe`: `connect` opens a welcomed client on `wsUrl()` with
 * `defaults`, `track` adopts one opened otherwise, and all of them are closed after each test.
 *
 * @example const { connect } = useClients(() => gateway.wsUrl, { codec: 'proto' });
 */
export function useClients(wsUrl: () => string, defaults: ConnectOptions = {}) {
  const clients: TestClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });
  const track = (client: TestClient): TestClient => (clients.push(client), client);
  const connect = async (options: ConnectOptions = {}) => {
    const welcomed = await TestClient.connectWelcomed(wsUrl(), { ...defaults, ...options });
    track(welcomed.client);
    return welcomed;
  };
  return { connect, track };
}
