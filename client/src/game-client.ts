import { backoffDelay, type BackoffOptions } from './backoff.js';
import { type ClockSample, ClockSync } from './clock-sync.js';
import { CloseCode, isAuthFailure, isReconnectable } from './close-codes.js';
import type { ClientCodec } from './codec.js';
import { DeliveryTracker } from './delivery-tracker.js';
import { Emitter } from './emitter.js';
import { ClientErrorCode, GatewayError } from './errors.js';
import { JsonCodec } from './json-codec.js';
import { PendingRequests } from './pending-requests.js';
import { type RequestOptions, Room, type RoomChannel } from './room.js';
import { type TokenProvider, TokenRefresher } from './token-refresher.js';
import type { AckPayload, ClientEvents, ClientMessageType, ClientPayloads, OutgoingMessage, ServerFrame, UnknownFrame, Vec3, WelcomePayload } from './types.js';
import { OPEN, onPageHide, resolveWebSocket, type WebSocketConstructor, type WebSocketLike, withQuery } from './websocket.js';

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
  /**
   * Gives the JWT to present (as subprotocol `token.<jwt>`): called before the first connection,
   * before every reconnect, and shortly before the token expires (`welcome.token_expires_at`; the
   * fresh one goes out as `refresh`). After a 4100/4101 close it is asked once more and the
   * connection retried; a second refusal ends with `auth_failed`. @default undefined (no token)
   * @example getToken: async () => (await fetch('/api/game-token')).text()
   */
  getToken?: TokenProvider;
  /** How long before its expiry a token is refreshed (at most half its remaining lifetime). @default 30000 */
  tokenRefreshMarginMs?: number;
  /** Default timeout of requests (`join`, `room.send`, `room.chat`, `ping`, …). @default 10000 */
  requestTimeoutMs?: number;
  /**
   * In a browser, end the session (close 1000) when the page is unloaded, so a closed tab leaves
   * its rooms at once instead of lingering as a ghost for the resume grace. @default true
   */
  closeOnPageHide?: boolean;
}

/** What `join` takes. */
export interface JoinOptions extends RequestOptions {
  /** Shown to the others. */
  nickname?: string;
  /** The player id to claim (open mode); with authentication the token's `sub` wins. */
  userId?: string;
}

/** What `joinOrCreate` will take once the server offers matchmaking. */
export interface JoinOrCreateOptions extends JoinOptions {
  /** Creation options for a new room of the kind (e.g. `{ maxPlayers: 4 }`). */
  create?: Record<string, string | number | boolean>;
}

/** Where the connection is: `waiting` = between reconnect attempts, `resuming` = sent `resume`, awaiting its answer. */
export type ConnectionState = 'idle' | 'connecting' | 'open' | 'resuming' | 'waiting' | 'closed';

/**
 * A game client for browsers and Node: a promise API for rooms and requests, typed events for what
 * is a stream, JSON or protobuf, and a session that survives drops. After a 1006/1012/40xx close it
 * reconnects with backoff, resumes (same client id and rooms, missed events replayed, each reliable
 * event delivered once whatever order frames arrive in), and re-sends every unacknowledged request
 * with its original id (the server de-duplicates). The application sees `reconnecting` and `resumed`.
 *
 * @example
 * const client = new GameClient('wss://game.example.com/ws');
 * await client.connect();
 * const room = await client.join('lobby', { nickname: 'ada' });
 * room.on('chat', (m) => console.log(m.player_id, m.text));
 * await room.send('move', { position: { x: 1, y: 2, z: 0 } });
 */
export class GameClient {
  private readonly codec: ClientCodec;
  private readonly events = new Emitter<ClientEvents>();
  private readonly tracker = new DeliveryTracker();
  private readonly requests = new PendingRequests();
  private readonly clock = new ClockSync();
  private readonly refresher: TokenRefresher;
  /** Messages sent with an id and not yet answered, in send order: re-sent after a resume. */
  private readonly outbox = new Map<string, OutgoingMessage>();
  private readonly roomsById = new Map<string, Room>();
  /** Which room sent a recent request, for refusals that come after the request was answered. */
  private readonly owners = new Map<string, Room>();
  private readonly pings = new Map<number, (sample: ClockSample | undefined) => void>();
  private ws: WebSocketLike | undefined;
  private session: WelcomePayload | undefined;
  /** During a resume: the fresh session's `welcome`, adopted if the resume fails. */
  private fresh: ServerFrame<'welcome'> | undefined;
  private recovered: Record<string, boolean> = {};
  private state: ConnectionState = 'idle';
  private closing = false;
  private attempt = 0;
  private authRetried = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopPageHide: () => void = () => {};
  private connecting: { resolve(welcome: WelcomePayload): void; reject(error: Error): void } | undefined;
  private readonly idPrefix = Math.random().toString(36).slice(2, 10);
  private nextId = 0;

  constructor(
    readonly serverUrl: string,
    private readonly options: GameClientOptions = {},
  ) {
    this.codec = options.codec ?? new JsonCodec();
    this.refresher = new TokenRefresher(
      options.getToken,
      (token) => this.request('refresh', { token }, {}),
      () => this.serverNow(),
      (error) => this.events.emit('token_refresh_failed', { error }),
      options.tokenRefreshMarginMs ?? 30000,
    );
  }

  get clientId(): string | undefined {
    return this.session?.client_id;
  }

  get connectionState(): ConnectionState {
    return this.state;
  }

  /** The rooms joined with `join`, by id. */
  get rooms(): ReadonlyMap<string, Room> {
    return this.roomsById;
  }

  /** Last reliable offset up to which nothing is missing in a room (what a resume asks to replay after). */
  lastOffset(roomId: string): number | undefined {
    return this.tracker.lastOffset(roomId);
  }

  /** Opens the connection; resolves with the first `welcome`, rejects with a {@link GatewayError} if it closes first. */
  connect(): Promise<WelcomePayload> {
    if (this.state !== 'idle' && this.state !== 'closed') return Promise.reject(new Error('already connected'));
    if (this.state === 'closed') this.forgetSession();
    this.state = 'connecting';
    this.closing = false;
    this.authRetried = false;
    if (this.options.closeOnPageHide !== false) this.stopPageHide = onPageHide(() => this.close());
    return new Promise((resolve, reject) => {
      this.connecting = { resolve, reject };
      this.open().catch((error: Error) => this.shutdown(CloseCode.Abnormal, error.message, error));
    });
  }

  /** Subscribes to a server message type or an SDK event; returns the unsubscribe function. */
  on<K extends keyof ClientEvents>(type: K, handler: (event: ClientEvents[K]) => void): () => void {
    return this.events.on(type, handler);
  }

  /**
   * Joins a room and resolves with it once the server confirmed (`room_joined`), or rejects with
   * the server's refusal (`ROOM_FULL`, …) or `TIMEOUT`. Joining a room already joined (or being
   * joined) returns the same room.
   *
   * @example const room = await client.join('lobby', { nickname: 'ada' });
   */
  join(roomId: string, options: JoinOptions = {}): Promise<Room> {
    const existing = this.roomsById.get(roomId);
    if (existing) return existing.ready;
    const room = new Room(roomId, this.channel);
    this.roomsById.set(roomId, room);
    const timeoutMs = options.timeoutMs ?? this.requestTimeoutMs;
    const payload = { room_id: roomId, user_id: options.userId, nickname: options.nickname };
    this.request('join_room', payload, { timeoutMs, owner: room }).catch((error: Error) => room.failJoin(error));
    // The ack follows room_joined; wait for room_joined itself, however the two arrive.
    const timer = setTimeout(() => room.failJoin(new GatewayError(ClientErrorCode.Timeout, `no room_joined for "${roomId}" within ${timeoutMs} ms`)), timeoutMs);
    const clear = () => clearTimeout(timer);
    room.ready.then(clear, clear);
    return room.ready;
  }

  /**
   * Joins a room of `kind` with a free seat, or creates one: **needs a server with matchmaking**
   * (`join_or_create`, protocol message types 30-39). This gateway version has none, so the
   * promise rejects with `NOT_SUPPORTED`; until then use `join(roomId)` with a room id that the
   * server's `ROOM_KINDS` maps to the kind.
   */
  joinOrCreate(kind: string, options: JoinOrCreateOptions = {}): Promise<Room> {
    void options;
    return Promise.reject(
      new GatewayError(
        ClientErrorCode.NotSupported,
        `joinOrCreate("${kind}") needs a server with matchmaking (join_or_create), which this gateway does not offer yet; ` +
          'use join(roomId) with a room id that the server maps to the kind (ROOM_KINDS)',
      ),
    );
  }

  /** A direct message to a client; resolves once the server delivered it to the recipient's session. */
  async sendDirect(toClientId: string, text: string, options: RequestOptions = {}): Promise<void> {
    await this.request('chat', { to_client_id: toClientId, text }, options);
  }

  /**
   * Measures a round trip and updates the clock estimate ({@link serverNow}); resolves with the
   * sample, rejects with `TIMEOUT` or when not connected.
   */
  ping(options: RequestOptions = {}): Promise<ClockSample> {
    const t = this.clock.start();
    const timeoutMs = options.timeoutMs ?? this.requestTimeoutMs;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => settle(undefined), timeoutMs);
      let settle = (sample: ClockSample | undefined) => {
        clearTimeout(timer);
        this.pings.delete(t);
        this.clock.forget(t);
        if (sample) resolve(sample);
        else reject(new GatewayError(ClientErrorCode.Timeout, `no pong within ${timeoutMs} ms`));
      };
      this.pings.set(t, settle);
      if (this.post('ping', { t })) return;
      settle = () => undefined;
      clearTimeout(timer);
      this.pings.delete(t);
      reject(new GatewayError(ClientErrorCode.ConnectionClosed, `not connected (${this.state}): ping not sent`));
    });
  }

  /** The server's clock now (ms since the epoch), from the best round trip so far (or the `welcome`). */
  serverNow(): number {
    return Date.now() + this.clock.offsetMs;
  }

  /** Latest measured round trip in ms (`ping()`), undefined before the first. */
  get rttMs(): number | undefined {
    return this.clock.rttMs;
  }

  /**
   * Sends a message. With `id` (or `reliable: true`, which makes one) it is kept until acked and
   * re-sent after a resume; otherwise it is sent only if the connection is open right now.
   * Returns the message id, `undefined` for an unreliable send, or false if it was dropped.
   */
  send<T extends ClientMessageType>(type: T, payload: ClientPayloads[T], options: { id?: string; reliable?: boolean } = {}): string | undefined | false {
    const id = options.id ?? (options.reliable ? this.newId() : undefined);
    const message: OutgoingMessage = { type, payload, id };
    if (id) this.outbox.set(id, message);
    if (this.state !== 'open') return id ?? false;
    this.transmit(message);
    return id;
  }

  /**
   * Sends `join_room` and returns its id: nothing to await, and an action sent right after it may
   * reach the room before the join does.
   * @deprecated use `await client.join(roomId)`, which resolves once the join is confirmed.
   */
  joinRoom(roomId: string, options: { userId?: string; nickname?: string } = {}): string | undefined | false {
    return this.send('join_room', { room_id: roomId, user_id: options.userId, nickname: options.nickname }, { reliable: true });
  }

  /** Sends `leave_room` (prefer `room.leave()`); a room from `join` ends with reason `left`. */
  leaveRoom(roomId: string): string | undefined | false {
    this.roomsById.get(roomId)?.end('left');
    this.tracker.forgetRoom(roomId);
    return this.send('leave_room', { room_id: roomId }, { reliable: true });
  }

  /** Inputs are not re-sent after a resume unless `reliable` (a stale input is usually worse than none). Prefer `room.send`/`room.sendInput`. */
  sendGameAction(
    action: string,
    data: { room_id?: string; position?: Vec3; target_id?: number; params?: Record<string, string>; input_seq?: number } = {},
    options: { reliable?: boolean } = {},
  ): string | undefined | false {
    return this.send('game_action', { action, ...data }, options);
  }

  /** Room chat (`roomId`, or the only room) or a direct message (`toClientId`); reliable. Prefer `room.chat`/`sendDirect`. */
  chat(text: string, target: { roomId?: string; toClientId?: string } = {}): string | undefined | false {
    return this.send('chat', { text, room_id: target.roomId, to_client_id: target.toClientId }, { reliable: true });
  }

  /** Closes for good with 1000: the server ends the session at once (no resume grace). */
  close(): void {
    if (this.state === 'closed' && !this.ws) return;
    clearTimeout(this.timer);
    this.closing = true;
    const ws = this.ws;
    if (ws && ws.readyState <= OPEN) {
      this.state = 'closed';
      ws.close(CloseCode.Normal);
    } else this.shutdown(CloseCode.Normal, 'closed by the client');
  }

  private get requestTimeoutMs(): number {
    return this.options.requestTimeoutMs ?? 10000;
  }

  private readonly channel: RoomChannel = {
    clientId: () => this.clientId,
    request: (type, payload, options) => this.request(type, payload, options),
    post: (type, payload) => this.post(type, payload),
    detach: (room) => {
      if (this.roomsById.get(room.id) !== room) return;
      this.roomsById.delete(room.id);
      this.tracker.forgetRoom(room.id);
    },
  };

  /** Sends with an id and waits for its `ack` (or `error`); kept in the outbox, so re-sent after a resume. */
  private request<T extends ClientMessageType>(type: T, payload: ClientPayloads[T], options: RequestOptions & { owner?: Room }): Promise<AckPayload> {
    if (this.state === 'closed') return Promise.reject(new GatewayError(ClientErrorCode.ConnectionClosed, `not connected: ${type} not sent`));
    const id = this.newId();
    const message: OutgoingMessage = { type, payload, id };
    this.outbox.set(id, message);
    if (options.owner) this.rememberOwner(id, options.owner);
    const answer = this.requests.wait(id, options.timeoutMs ?? this.requestTimeoutMs, () => this.outbox.delete(id));
    if (this.state === 'open') this.transmit(message);
    return answer;
  }

  /** Sends without an id, now or never. */
  private post<T extends ClientMessageType>(type: T, payload: ClientPayloads[T]): boolean {
    if (this.state !== 'open') return false;
    this.transmit({ type, payload });
    return true;
  }

  private newId(): string {
    return `${this.idPrefix}-${++this.nextId}`;
  }

  private rememberOwner(id: string, room: Room): void {
    this.owners.set(id, room);
    if (this.owners.size > 256) this.owners.delete(this.owners.keys().next().value!);
  }

  private async open(): Promise<void> {
    const Socket = this.options.WebSocket ?? (await resolveWebSocket());
    const token = this.options.getToken ? await this.options.getToken() : undefined;
    if (this.closing) return;
    const url = this.options.batch ? withQuery(this.serverUrl, 'batch=1') : this.serverUrl;
    const ws = new Socket(url, token ? [this.codec.subprotocol, `token.${token}`] : [this.codec.subprotocol]);
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
    let frame;
    try {
      frame = this.codec.decode(typeof data === 'string' ? data : new Uint8Array(data as ArrayBuffer));
    } catch (error) {
      return this.events.emit('protocol_error', { error: error as Error });
    }
    if (frame.type !== 'batch') return this.handle(frame as ServerFrame);
    for (const message of (frame as { payload: { messages: ServerFrame[] } }).payload.messages) this.handle(message);
  }

  private handle(frame: ServerFrame): void {
    switch (frame.type) {
      case 'welcome':
        return this.welcomed(frame);
      case 'ack':
        this.outbox.delete(frame.payload.id);
        this.requests.acked(frame.payload);
        break;
      case 'error':
        if (frame.payload.code === 'RESUME_FAILED' && this.state === 'resuming') return this.sessionLost();
        if (frame.payload.ref_id) {
          this.outbox.delete(frame.payload.ref_id);
          if (!this.requests.refused(frame.payload)) this.owners.get(frame.payload.ref_id)?.refused(GatewayError.fromServer(frame.payload));
        }
        break;
      case 'pong':
        this.pings.get(frame.payload.t ?? NaN)?.(this.clock.finish(frame.payload.t, frame.timestamp));
        break;
      case 'refreshed':
        this.refresher.schedule(frame.payload.token_expires_at);
        break;
      case 'room_joined':
        if (this.state === 'resuming') this.recovered[frame.payload.room_id] = frame.payload.recovered ?? false;
        break;
    }
    if (!this.tracker.accept(frame)) return;
    if (isKnownType(frame.type)) this.events.emit(frame.type, frame as never);
    else this.events.emit('unknown', frame as UnknownFrame);
    const roomId = frame.room_id ?? (frame.payload as { room_id?: string } | undefined)?.room_id;
    if (roomId) this.roomsById.get(roomId)?.receive(frame);
  }

  private welcomed(frame: ServerFrame<'welcome'>): void {
    const welcome = frame.payload;
    if (this.state === 'resuming' && welcome.client_id !== this.session?.client_id) {
      this.fresh = frame;
      return;
    }
    const resumed = this.state === 'resuming';
    this.session = welcome;
    this.state = 'open';
    this.attempt = 0;
    this.authRetried = false;
    this.clock.welcomed(welcome.server_time);
    this.refresher.schedule(welcome.token_expires_at);
    if (resumed) {
      this.emitResumed(welcome.client_id);
    } else {
      this.events.emit('welcome', frame);
      this.connecting?.resolve(welcome);
      this.connecting = undefined;
    }
    for (const message of this.outbox.values()) this.transmit(message);
  }

  private emitResumed(clientId: string): void {
    this.events.emit('resumed', { client_id: clientId, rooms: this.recovered });
    for (const [roomId, recovered] of Object.entries(this.recovered)) this.roomsById.get(roomId)?.resumed(recovered);
  }

  /** The server no longer knows the session: carry on with the fresh one, from nothing. */
  private sessionLost(): void {
    const previous = this.session!.client_id;
    const dropped = [...this.outbox.values()];
    const fresh = this.fresh;
    this.forgetSession(ClientErrorCode.SessionLost, 'session_lost');
    this.session = fresh?.payload;
    this.state = fresh ? 'open' : 'connecting';
    this.attempt = 0;
    this.events.emit('session_lost', { previous_client_id: previous, client_id: fresh?.payload.client_id ?? '', dropped });
    // The fresh session is a new identity: announce it as on a first connect.
    if (fresh) this.welcomed(fresh);
  }

  /** Drops everything of the current session (a new one starts from nothing). */
  private forgetSession(code: ClientErrorCode = ClientErrorCode.ConnectionClosed, reason: 'session_lost' | 'closed' = 'closed'): void {
    this.outbox.clear();
    this.tracker.reset();
    this.session = undefined;
    this.fresh = undefined;
    this.requests.rejectAll(new GatewayError(code, reason === 'session_lost' ? 'the session was lost before an answer came' : 'the client closed before an answer came'));
    for (const room of [...this.roomsById.values()]) room.end(reason);
  }

  private transmit(message: OutgoingMessage): void {
    if (this.ws?.readyState === OPEN) this.ws.send(this.codec.encode(message));
  }

  private closed(ws: WebSocketLike, code: number, reason: string): void {
    if (ws !== this.ws) return;
    this.ws = undefined;
    this.refresher.cancel();
    if (this.closing) return this.shutdown(code, reason);
    if (isAuthFailure(code)) {
      if (!this.options.getToken || this.authRetried) {
        return this.shutdown(code, reason, new GatewayError(ClientErrorCode.AuthFailed, `authentication refused (${code}${reason ? `: ${reason}` : ''})`));
      }
      this.authRetried = true; // ask getToken() once more, right away
      return this.retry(code, 0);
    }
    const maxAttempts = this.options.reconnect?.maxAttempts ?? Infinity;
    if (!this.session || !isReconnectable(code) || this.attempt >= maxAttempts) return this.shutdown(code, reason);
    this.retry(code, backoffDelay(this.attempt + 1, this.options.reconnect));
  }

  private retry(code: number, delay: number): void {
    this.state = 'waiting';
    this.attempt += 1;
    this.events.emit('reconnecting', { attempt: this.attempt, delay_ms: delay, code });
    this.timer = setTimeout(() => {
      this.open().catch((error: Error) => this.attemptFailed(error));
    }, delay);
  }

  /** No socket could be opened (e.g. `getToken()` threw): a failed attempt like a refused connection. */
  private attemptFailed(error: Error): void {
    const maxAttempts = this.options.reconnect?.maxAttempts ?? Infinity;
    if (this.closing || !this.session || this.attempt >= maxAttempts) return this.shutdown(CloseCode.Abnormal, error.message, error);
    this.retry(CloseCode.Abnormal, backoffDelay(this.attempt + 1, this.options.reconnect));
  }

  /** Closed for good: settle everything that waits, then tell the application. */
  private shutdown(code: number, reason: string, error?: Error): void {
    if (this.state === 'closed' && !this.closing) return;
    this.state = 'closed';
    this.refresher.cancel();
    this.stopPageHide();
    const failure = error ?? new GatewayError(ClientErrorCode.ConnectionClosed, `connection closed (${code}${reason ? `: ${reason}` : ''})`);
    this.connecting?.reject(failure);
    this.connecting = undefined;
    this.requests.rejectAll(failure instanceof GatewayError ? failure : new GatewayError(ClientErrorCode.ConnectionClosed, failure.message));
    for (const room of [...this.roomsById.values()]) room.end('closed');
    for (const settle of [...this.pings.values()]) settle(undefined);
    this.closing = false;
    if (error instanceof GatewayError && error.code === ClientErrorCode.AuthFailed) this.events.emit('auth_failed', { code, reason });
    this.events.emit('closed', { code, reason });
  }
}

const KNOWN_TYPES = new Set(['welcome', 'room_joined', 'player_joined', 'player_left', 'sync', 'chat', 'ack', 'error', 'ping', 'pong', 'refreshed']);
function isKnownType(type: string): type is keyof ClientEvents {
  return KNOWN_TYPES.has(type);
}
