import { backoffDelay, type BackoffOptions } from './backoff.js';
import type { ClientCodec } from './codec.js';
import { DeliveryTracker } from './delivery-tracker.js';
import { JsonCodec } from './json-codec.js';
import type {
  ClientEvents,
  ClientMessageType,
  ClientPayloads,
  OutgoingMessage,
  ServerFrame,
  Vec3,
  WelcomePayload,
} from './types.js';

/** The part of the WebSocket API the SDK uses: the browser's `WebSocket` and the `ws` package both have it. */
export interface WebSocketLike {
  readonly readyState: number;
  readonly protocol: string;
  binaryType: string;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string | Uint8Array): void;
  close(code?: number, reason?: string): void;
}
export type WebSocketConstructor = new (url: string, protocols?: string[]) => WebSocketLike;

export interface GameClientOptions {
  /** Wire format. @default new JsonCodec() (for protobuf: `new ProtobufCodec()` from `@game-gateway/client/protobuf`) */
  codec?: ClientCodec;
  /** Reconnect delays. @default { baseMs: 500, capMs: 10000 } */
  reconnect?: BackoffOptions & {
    /** Give up (event `closed`) after this many failed attempts in a row. @default Infinity */
    maxAttempts?: number;
  };
  /** WebSocket implementation. @default globalThis.WebSocket, else the `ws` package */
  WebSocket?: WebSocketConstructor;
  /**
   * Ask the server to pack the messages of one server turn into one `batch` frame (`?batch=1` on
   * the URL): fewer frames and wakeups on busy rooms. Transparent: handlers still get each message,
   * in order. @default false
   */
  batch?: boolean;
}

type Handler<K extends keyof ClientEvents> = (event: ClientEvents[K]) => void;
type State = 'idle' | 'connecting' | 'open' | 'resuming' | 'waiting' | 'closed';

const OPEN = 1;
const NORMAL_CLOSURE = 1000;
const SESSION_TAKEN_OVER = 4004;
/** 1006 (dropped), 1012 (server restart), 4000-4099 (server says: come back and resume). */
export function isReconnectable(code: number): boolean {
  // 4004: another connection resumed this session; coming back would take it away again.
  return code === 1006 || code === 1012 || (code >= 4000 && code < 4100 && code !== SESSION_TAKEN_OVER);
}

/**
 * A game client for browsers and Node: typed events, JSON or protobuf, and a session that
 * survives drops. After a 1006/1012/40xx close it reconnects with backoff, resumes (same client
 * id and rooms, missed events replayed, replays it already saw dropped), and re-sends every
 * unacknowledged message with its original id (the server de-duplicates). The application sees
 * `reconnecting` and `resumed`, nothing else.
 *
 * @example
 * const client = new GameClient('wss://game.example.com/ws');
 * client.on('chat', (m) => console.log(m.payload.player_id, m.payload.text));
 * await client.connect();
 * client.joinRoom('lobby');
 * client.chat('hello', { roomId: 'lobby' });
 */
export class GameClient {
  private readonly codec: ClientCodec;
  private readonly handlers = new Map<string, Set<(event: never) => void>>();
  private readonly tracker = new DeliveryTracker();
  /** Messages sent with an id and not yet acknowledged, in send order. */
  private readonly outbox = new Map<string, OutgoingMessage>();
  private ws: WebSocketLike | undefined;
  private session: WelcomePayload | undefined;
  /** During a resume: the fresh session of the first `welcome`, adopted if the resume fails. */
  private fresh: WelcomePayload | undefined;
  private recovered: Record<string, boolean> = {};
  private state: State = 'idle';
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private connecting: { resolve(welcome: WelcomePayload): void; reject(error: Error): void } | undefined;
  private readonly idPrefix = Math.random().toString(36).slice(2, 10);
  private nextId = 0;

  constructor(
    readonly serverUrl: string,
    private readonly options: GameClientOptions = {},
  ) {
    this.codec = options.codec ?? new JsonCodec();
  }

  get clientId(): string | undefined {
    return this.session?.client_id;
  }

  get connectionState(): State {
    return this.state;
  }

  /** Last reliable offset seen in a room (what a resume asks to replay after). */
  lastOffset(roomId: string): number | undefined {
    return this.tracker.lastOffset(roomId);
  }

  /** Opens the connection; resolves with the first `welcome`. */
  connect(): Promise<WelcomePayload> {
    if (this.state !== 'idle' && this.state !== 'closed') return Promise.reject(new Error('already connected'));
    this.state = 'connecting';
    return new Promise((resolve, reject) => {
      this.connecting = { resolve, reject };
      this.open().catch((error: Error) => this.fail(error));
    });
  }

  /** Subscribes to a server message type or an SDK event; returns the unsubscribe function. */
  on<K extends keyof ClientEvents>(type: K, handler: Handler<K>): () => void {
    let set = this.handlers.get(type);
    if (!set) this.handlers.set(type, (set = new Set()));
    set.add(handler as (event: never) => void);
    return () => set.delete(handler as (event: never) => void);
  }

  /**
   * Sends a message. With `id` (or `reliable: true`, which makes one) it is kept until acked and
   * re-sent after a resume; otherwise it is sent only if the connection is open right now.
   * Returns the message id, `undefined` for an unreliable send, or false if it was dropped.
   */
  send<T extends ClientMessageType>(
    type: T,
    payload: ClientPayloads[T],
    options: { id?: string; reliable?: boolean } = {},
  ): string | undefined | false {
    const id = options.id ?? (options.reliable ? `${this.idPrefix}-${++this.nextId}` : undefined);
    const message: OutgoingMessage = { type, payload, id };
    if (id) this.outbox.set(id, message);
    if (this.state !== 'open') return id ?? false;
    this.transmit(message);
    return id;
  }

  joinRoom(roomId: string, options: { userId?: string; nickname?: string } = {}): string | undefined | false {
    return this.send('join_room', { room_id: roomId, user_id: options.userId, nickname: options.nickname }, { reliable: true });
  }

  leaveRoom(roomId: string): string | undefined | false {
    this.tracker.forgetRoom(roomId);
    return this.send('leave_room', { room_id: roomId }, { reliable: true });
  }

  /** Inputs are not re-sent after a resume unless `reliable` (a stale input is usually worse than none). */
  sendGameAction(
    action: string,
    data: { room_id?: string; position?: Vec3; target_id?: number; params?: Record<string, string>; input_seq?: number } = {},
    options: { reliable?: boolean } = {},
  ): string | undefined | false {
    return this.send('game_action', { action, ...data }, options);
  }

  /** Room chat (`roomId`, or the only room) or a direct message (`toClientId`); reliable. */
  chat(text: string, target: { roomId?: string; toClientId?: string } = {}): string | undefined | false {
    return this.send('chat', { text, room_id: target.roomId, to_client_id: target.toClientId }, { reliable: true });
  }

  /** Closes for good with 1000: the server ends the session at once (no resume grace). */
  close(): void {
    clearTimeout(this.timer);
    const ws = this.ws;
    this.state = 'closed';
    if (ws && ws.readyState <= OPEN) ws.close(NORMAL_CLOSURE);
    else this.emit('closed', { code: NORMAL_CLOSURE, reason: 'closed by the client' });
  }

  private async open(): Promise<void> {
    const Socket = this.options.WebSocket ?? (await resolveWebSocket());
    if (this.state === 'closed') return;
    const url = this.options.batch ? withQuery(this.serverUrl, 'batch=1') : this.serverUrl;
    const ws = new Socket(url, [this.codec.subprotocol]);
    this.ws = ws;
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => {
      if (!this.session) return;
      // Resume is the first frame; the fresh `welcome` may arrive before its answer.
      this.state = 'resuming';
      this.recovered = {};
      const { session_id, resume_token } = this.session;
      this.transmit({ type: 'resume', payload: { session_id, resume_token, ...this.tracker.position() } });
    };
    ws.onmessage = (event) => this.receive(event.data);
    ws.onerror = () => {}; // always followed by close, which decides
    ws.onclose = (event) => this.closed(ws, event.code, event.reason);
  }

  private receive(data: unknown): void {
    const bytes = typeof data === 'string' ? data : new Uint8Array(data as ArrayBuffer);
    const frame = this.codec.decode(bytes);
    if (frame.type !== 'batch') return this.handle(frame);
    for (const message of frame.payload.messages) this.handle(message);
  }

  private handle(frame: ServerFrame): void {
    switch (frame.type) {
      case 'welcome':
        return this.welcomed(frame.payload, frame);
      case 'ack':
        this.outbox.delete(frame.payload.id);
        break;
      case 'error':
        if (frame.payload.code === 'RESUME_FAILED' && this.state === 'resuming') return this.sessionLost();
        if (frame.payload.ref_id) this.outbox.delete(frame.payload.ref_id);
        break;
      case 'room_joined':
        if (this.state === 'resuming') this.recovered[frame.payload.room_id] = frame.payload.recovered ?? false;
        break;
    }
    if (this.tracker.accept(frame)) this.emit(frame.type, frame as never);
  }

  private welcomed(welcome: WelcomePayload, frame: ServerFrame<'welcome'>): void {
    if (this.state === 'resuming') {
      if (welcome.client_id !== this.session?.client_id) {
        this.fresh = welcome;
        return;
      }
      this.session = welcome;
      this.state = 'open';
      this.attempt = 0;
      this.emit('resumed', { client_id: welcome.client_id, rooms: this.recovered });
      this.flushOutbox();
      return;
    }
    this.session = welcome;
    this.state = 'open';
    this.attempt = 0;
    this.emit('welcome', frame);
    this.connecting?.resolve(welcome);
    this.connecting = undefined;
    this.flushOutbox();
  }

  /** The server no longer knows the session: carry on with the fresh one, from nothing. */
  private sessionLost(): void {
    const previous = this.session!.client_id;
    const dropped = [...this.outbox.values()];
    this.outbox.clear();
    this.tracker.reset();
    this.session = this.fresh;
    this.fresh = undefined;
    this.state = 'open';
    this.attempt = 0;
    this.emit('session_lost', { previous_client_id: previous, client_id: this.session?.client_id ?? '', dropped });
  }

  private flushOutbox(): void {
    for (const message of this.outbox.values()) this.transmit(message);
  }

  private transmit(message: OutgoingMessage): void {
    if (this.ws?.readyState === OPEN) this.ws.send(this.codec.encode(message));
  }

  private closed(ws: WebSocketLike, code: number, reason: string): void {
    if (ws !== this.ws) return;
    this.ws = undefined;
    const maxAttempts = this.options.reconnect?.maxAttempts ?? Infinity;
    if (this.state === 'closed' || !this.session || !isReconnectable(code) || this.attempt >= maxAttempts) {
      this.state = 'closed';
      this.fail(new Error(`connection closed (${code}) before welcome`));
      this.emit('closed', { code, reason });
      return;
    }
    this.state = 'waiting';
    this.attempt += 1;
    const delay = backoffDelay(this.attempt, this.options.reconnect);
    this.emit('reconnecting', { attempt: this.attempt, delay_ms: delay, code });
    this.timer = setTimeout(() => {
      this.open().catch(() => this.closed(ws, 1006, 'WebSocket implementation unavailable'));
    }, delay);
  }

  private fail(error: Error): void {
    this.connecting?.reject(error);
    this.connecting = undefined;
  }

  private emit<K extends keyof ClientEvents>(type: K, event: ClientEvents[K]): void {
    const set = this.handlers.get(type);
    if (!set) return;
    for (const handler of [...set]) (handler as Handler<K>)(event);
  }
}

/** `url` with `param` added to its query string (before any fragment). */
function withQuery(url: string, param: string): string {
  const hash = url.indexOf('#');
  const [base, fragment] = hash < 0 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  return `${base}${base.includes('?') ? '&' : '?'}${param}${fragment}`;
}

/** The platform's WebSocket, or the `ws` package in Node (loaded only there, so browser bundles skip it). */
async function resolveWebSocket(): Promise<WebSocketConstructor> {
  const global = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (global) return global;
  const name = 'ws';
  const module = (await import(/* webpackIgnore: true */ /* @vite-ignore */ name)) as { default: WebSocketConstructor };
  return module.default;
}
