import { backoffDelay } from './backoff.js';
import { type ClockSample, ClockSync } from './clock-sync.js';
import type { ConnectionState, GameClientOptions } from './client-options.js';
import { CloseCode, isAuthFailure, isReconnectable } from './close-codes.js';
import type { ClientCodec } from './codec.js';
import { DeliveryTracker } from './delivery-tracker.js';
import { Emitter } from './emitter.js';
import { ClientErrorCode, GatewayError } from './errors.js';
import { JsonCodec } from './json-codec.js';
import { PendingRequests } from './pending-requests.js';
import type { Room } from './room.js';
import type { RequestOptions } from './room-events.js';
import { RoomHandles } from './state/room-handles.js';
import { TokenRefresher } from './token-refresher.js';
import type { AckPayload, ClientEvents, ClientMessageType, ClientPayloads, OutgoingMessage, RoomListPayload, ServerFrame, UnknownFrame, WelcomePayload } from './types.js';
import { OPEN, onPageHide, resolveWebSocket, type WebSocketLike, withQuery } from './websocket.js';

/**
 * The connection and session under `GameClient`: opening and reopening the socket (backoff, the
 * close-code policy, tokens), resume and session loss, de-duplication of reliable events, the
 * outbox of requests and their answers, and routing frames to rooms. `GameClient` adds the API.
 */
export abstract class SessionConnection {
  protected readonly codec: ClientCodec;
  protected readonly events = new Emitter<ClientEvents>();
  protected readonly tracker = new DeliveryTracker();
  protected readonly requests = new PendingRequests();
  protected readonly clock = new ClockSync();
  private readonly refresher: TokenRefresher;
  /** Messages sent with an id and not yet answered, in send order: re-sent after a resume. */
  protected readonly outbox = new Map<string, OutgoingMessage>();
  protected readonly roomsById = new Map<string, Room<any>>();
  /** Which room sent a recent request, for refusals that come after the request was answered. */
  protected readonly owners = new Map<string, Room<any>>();
  protected readonly pings = new Map<number, (sample: ClockSample | undefined) => void>();
  /** v2: rooms by the handle their `state` frames carry. */
  protected readonly handles = new RoomHandles<Room<any>>();
  /** Counters for debugging. */
  readonly debugStats = {
    /** v2 `state` frames that named no room this client is in (never expected). */
    unroutedStateFrames: 0,
  };
  private readonly subprotocol: string;
  private ws: WebSocketLike | undefined;
  private session: WelcomePayload | undefined;
  /** During a resume: the fresh session's `welcome`, adopted if the resume fails. */
  private fresh: ServerFrame<'welcome'> | undefined;
  /** Per room of a resume in progress, its `room_joined.recovered` (a Map: room ids are any string). */
  private readonly recovered = new Map<string, boolean>();
  protected state: ConnectionState = 'idle';
  private closing = false;
  private attempt = 0;
  private authRetried = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopPageHide: () => void = () => {};
  private connecting: { resolve(welcome: WelcomePayload): void; reject(error: Error): void } | undefined;
  private readonly idPrefix = Math.random().toString(36).slice(2, 10);
  /** Where the socket connects: `serverUrl`, or the instance a room placement moved the client to. */
  private currentUrl: string;
  private nextId = 0;

  constructor(
    readonly serverUrl: string,
    protected readonly options: GameClientOptions = {},
  ) {
    this.currentUrl = serverUrl;
    this.codec = options.codec ?? new JsonCodec();
    const protocol = options.protocol ?? 1;
    const subprotocol = this.codec.subprotocols?.[protocol] ?? (protocol === 1 ? this.codec.subprotocol : undefined);
    if (!subprotocol) throw new TypeError(`the codec "${this.codec.subprotocol}" cannot speak protocol ${protocol}: use this SDK's JsonCodec or ProtobufCodec`);
    this.subprotocol = subprotocol;
    this.refresher = new TokenRefresher(
      options.getToken,
      (token) => this.request('refresh', { token }, {}),
      () => this.serverNow(),
      (error) => this.events.emit('token_refresh_failed', { error }),
      options.tokenRefreshMarginMs ?? 30000,
    );
  }

  /** The URL the client connects to: `serverUrl`, or the instance `followRoomOwner` moved it to. */
  get url(): string {
    return this.currentUrl;
  }

  get clientId(): string | undefined {
    return this.session?.client_id;
  }

  get connectionState(): ConnectionState {
    return this.state;
  }

  /** The protocol version the connection speaks (`welcome.wire_version`; 1 from a server that does not say). */
  get wireVersion(): number {
    return this.session?.wire_version || 1;
  }

  /** Room ticks per second (`welcome.tick_rate`); 20 until a server says. */
  get tickRate(): number {
    return this.session?.tick_rate || 20;
  }

  /** Opens the connection; resolves with the first `welcome`, rejects with a {@link GatewayError} if it closes first. */
  connect(): Promise<WelcomePayload> {
    if (this.state !== 'idle' && this.state !== 'closed') return Promise.reject(new Error('already connected'));
    if (this.state === 'closed') this.forgetSession();
    this.currentUrl = this.serverUrl;
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

  /** The server's clock now (ms since the epoch), from the best round trip so far (or the `welcome`). */
  serverNow(): number {
    return Date.now() + this.clock.offsetMs;
  }

  /** Closes for good with 1000: the server ends the session at once (no resume grace). */
  close(): void {
    // Closed, or closing (a second close() must not end the first one early: its socket's close would then reconnect).
    if (this.state === 'closed' && (!this.ws || this.closing)) return;
    clearTimeout(this.timer);
    this.closing = true;
    const ws = this.ws;
    if (ws && ws.readyState <= OPEN) {
      this.state = 'closed';
      ws.close(CloseCode.Normal);
    } else this.shutdown(CloseCode.Normal, 'closed by the client');
  }

  /**
   * Room placement: whether the session holds nothing (no room, nothing unanswered), so it can be
   * ended and started afresh on another instance without losing anything.
   */
  protected get movable(): boolean {
    return this.state === 'open' && this.roomsById.size === 0 && this.outbox.size === 0;
  }

  /**
   * Room placement: ends the current (empty) session with 1000 and opens a fresh one at `url`;
   * resolves with its `welcome` (also emitted as `welcome`).
   */
  protected moveTo(url: string): Promise<WelcomePayload> {
    const old = this.ws;
    this.ws = undefined; // its close is this move, not a drop
    this.refresher.cancel();
    old?.close(CloseCode.Normal);
    this.forgetSession();
    this.currentUrl = url;
    this.state = 'connecting';
    this.authRetried = false;
    return new Promise((resolve, reject) => {
      this.connecting = { resolve, reject };
      this.open().catch((error: Error) => this.shutdown(CloseCode.Abnormal, error.message, error));
    });
  }

  protected get requestTimeoutMs(): number {
    return this.options.requestTimeoutMs ?? 10000;
  }

  /** Sends with an id and waits for its `ack` (or `error`); kept in the outbox, so re-sent after a resume. */
  protected request<T extends ClientMessageType>(type: T, payload: ClientPayloads[T], options: RequestOptions & { owner?: Room<any>; id?: string }): Promise<AckPayload> {
    if (this.state === 'closed') return Promise.reject(new GatewayError(ClientErrorCode.ConnectionClosed, `not connected: ${type} not sent`));
    const id = options.id ?? this.newId();
    const message: OutgoingMessage = { type, payload, id };
    this.outbox.set(id, message);
    if (options.owner) this.rememberOwner(id, options.owner);
    const answer = this.requests.wait(id, options.timeoutMs ?? this.requestTimeoutMs, () => this.outbox.delete(id));
    if (this.state === 'open') this.transmit(message);
    return answer;
  }

  /** Sends without an id, now or never. */
  protected post<T extends ClientMessageType>(type: T, payload: ClientPayloads[T]): boolean {
    if (this.state !== 'open') return false;
    this.transmit({ type, payload });
    return true;
  }

  protected newId(): string {
    return `${this.idPrefix}-${++this.nextId}`;
  }

  private rememberOwner(id: string, room: Room<any>): void {
    this.owners.set(id, room);
    if (this.owners.size > 256) this.owners.delete(this.owners.keys().next().value!);
  }

  private async open(): Promise<void> {
    const Socket = this.options.WebSocket ?? (await resolveWebSocket());
    const token = this.options.getToken ? await this.options.getToken() : undefined;
    if (this.closing) return;
    const url = this.options.batch ? withQuery(this.currentUrl, 'batch=1') : this.currentUrl;
    const ws = new Socket(url, token ? [this.subprotocol, `token.${token}`] : [this.subprotocol]);
    this.ws = ws;
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => {
      if (!this.session) return;
      // Resume is the first frame; the fresh `welcome` may arrive before its answer.
      this.state = 'resuming';
      this.recovered.clear();
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
        // Out of the room from here on in the server's order: its next frames are not this room's.
        if (this.outbox.get(frame.payload.id)?.type === 'leave_room') this.releaseHandle(this.outbox.get(frame.payload.id)!);
        this.outbox.delete(frame.payload.id);
        this.answered(frame.payload.id);
        this.requests.acked(frame.payload);
        break;
      case 'error':
        if (this.state === 'resuming' && (frame.payload.code === 'RESUME_FAILED' || frame.payload.ref_type === 'resume')) {
          // RESUME_FAILED: the session is gone. Anything else (INTERNAL: the session store or a
          // room's server out of reach for a moment): the session is kept, so try again later.
          return frame.payload.code === 'RESUME_FAILED' ? this.sessionLost() : this.resumeLater();
        }
        if (frame.payload.ref_id) {
          this.outbox.delete(frame.payload.ref_id);
          this.answered(frame.payload.ref_id);
          if (!this.requests.refused(frame.payload)) this.owners.get(frame.payload.ref_id)?.refused(GatewayError.fromServer(frame.payload));
        }
        break;
      case 'pong':
        this.pings.get(frame.payload.t ?? NaN)?.(this.clock.finish(frame.payload.t, frame.timestamp));
        break;
      case 'refreshed':
        this.refresher.schedule(frame.payload.token_expires_at);
        break;
      case 'room_joined': {
        if (this.state === 'resuming') this.recovered.set(frame.payload.room_id, frame.payload.recovered ?? false);
        const room = this.roomsById.get(frame.payload.room_id) ?? (this.state === 'open' ? this.adopt(frame.payload.room_id) : undefined);
        if (room && frame.payload.schema && frame.payload.state) this.handles.bind(frame.payload.handle ?? 0, room);
        break;
      }
      case 'room_list':
        this.listed(frame.payload);
        break;
      case 'state': {
        const room = this.handles.route(frame.payload.room ?? 0);
        this.events.emit('state', frame);
        if (room) room.receive(frame);
        else this.debugStats.unroutedStateFrames += 1;
        return;
      }
    }
    if (!this.tracker.accept(frame)) return;
    if (isKnownType(frame.type)) this.events.emit(frame.type, frame as never);
    else this.events.emit('unknown', frame as UnknownFrame);
    const roomId = frame.room_id ?? (frame.payload as { room_id?: string } | undefined)?.room_id;
    if (roomId) this.roomsById.get(roomId)?.receive(frame);
  }

  /**
   * Message `id` was answered (`ack` or `error`), before its promise settles: frames read in the
   * same turn after this one answer later requests (`GameClient`).
   */
  protected answered(id: string): void {
    void id;
  }

  /** A `room_joined` of a room nobody joined by id: the room a matchmaking request got, if one waits (`GameClient`). */
  protected adopt(roomId: string): Room<any> | undefined {
    void roomId;
    return undefined;
  }

  /** A `room_list`: the answer to the oldest `list_rooms` waiting (`GameClient`). */
  protected listed(list: RoomListPayload): void {
    void list;
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
    this.events.emit('resumed', { client_id: clientId, rooms: Object.fromEntries(this.recovered) });
    for (const [roomId, recovered] of this.recovered) this.roomsById.get(roomId)?.resumed(recovered);
  }

  /** The server could not resume now but kept the session: reconnect and resume again after a backoff (the fresh session of this attempt is dropped). */
  private resumeLater(): void {
    const maxAttempts = this.options.reconnect?.maxAttempts ?? Infinity;
    if (this.attempt >= maxAttempts) return this.sessionLost();
    const ws = this.ws;
    this.ws = undefined; // its close is this retry, not a drop
    this.fresh = undefined;
    ws?.close(CloseCode.Normal);
    this.retry(CloseCode.Abnormal, backoffDelay(this.attempt + 1, this.options.reconnect));
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

  private releaseHandle(message: OutgoingMessage): void {
    const room = this.roomsById.get((message.payload as { room_id: string }).room_id);
    if (room) this.handles.release(room);
  }

  protected transmit(message: OutgoingMessage): void {
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
    // The instance a room placement moved to did not take us back: try the load balancer's URL.
    if (this.attempt > 0) this.currentUrl = this.serverUrl;
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

const KNOWN_TYPES = new Set(['welcome', 'room_joined', 'player_joined', 'player_left', 'sync', 'chat', 'ack', 'error', 'ping', 'pong', 'refreshed', 'state', 'room_event', 'room_list']);
function isKnownType(type: string): type is keyof ClientEvents {
  return KNOWN_TYPES.has(type);
}
