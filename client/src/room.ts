import { Emitter } from './emitter.js';
import { ClientErrorCode, GatewayError } from './errors.js';
import { type RoomState, RoomStateMirror } from './room-state.js';
import type {
  AckPayload,
  ChatPayload,
  ClientMessageType,
  ClientPayloads,
  PlayerJoinedPayload,
  PlayerLeftPayload,
  RoomJoinedPayload,
  RoomPlayer,
  ServerFrame,
  SyncPayload,
  UnknownFrame,
  Vec3,
} from './types.js';

/** Why the client is no longer in a room. */
export type RoomLeaveReason = 'left' | 'kicked' | 'disconnected' | 'timeout' | 'session_lost' | 'closed';

/** Events of one room (`room.on(type, handler)`). */
export interface RoomEvents {
  /** Someone else joined (reliable: once, in room order). */
  player_joined: PlayerJoinedPayload;
  /** Someone left (reliable). */
  player_left: PlayerLeftPayload;
  /** Room chat, the client's own included (reliable). `offset` is its position in the room. */
  chat: ChatPayload & { offset?: number };
  /** A state snapshot (transient: the newest replaces older ones); `room.state` is already updated. */
  sync: SyncPayload;
  /** `room.state` changed: a snapshot, a member joined or left, or a `sync`. */
  state: RoomState;
  /** The session came back after a drop; `recovered`: every missed event of the room was replayed. */
  resumed: { recovered: boolean };
  /** A refusal no promise was waiting for, e.g. a game action the rules refused after its `ack`. */
  error: GatewayError;
  /** The client is no longer in the room; the object is done. */
  leave: { reason: RoomLeaveReason };
  /** Every frame of the room as it arrives, types this SDK does not know included (a newer server). */
  message: ServerFrame | UnknownFrame;
}

/** What `room.send` may carry beside the action name. */
export interface ActionData {
  position?: Vec3;
  target_id?: number;
  params?: Record<string, string>;
  /** Your input sequence number; the server echoes the last applied one per player in `sync` (`last_input_seq`). */
  input_seq?: number;
}

/** Per-request options. */
export interface RequestOptions {
  /** Reject with `TIMEOUT` when no answer came within this long. @default the client's `requestTimeoutMs` (10000) */
  timeoutMs?: number;
}

/** The client side a room talks through (implemented by `GameClient`). */
export interface RoomChannel {
  clientId(): string | undefined;
  request<T extends ClientMessageType>(type: T, payload: ClientPayloads[T], options: RequestOptions & { owner?: Room }): Promise<AckPayload>;
  post<T extends ClientMessageType>(type: T, payload: ClientPayloads[T]): boolean;
  detach(room: Room): void;
}

type Phase = 'joining' | 'joined' | 'left';

/**
 * A room the client joined, from `await client.join(roomId)`: its state, its events, and the
 * requests that act in it. Events that arrived before the join was confirmed (a room event may
 * overtake `room_joined`) and right after it are delivered on the next turn, so handlers attached
 * right after the `await` see every event after the snapshot in `room.state`, once each.
 *
 * @example
 * const room = await client.join('lobby', { nickname: 'ada' });
 * room.on('chat', (m) => console.log(`${m.player_id}: ${m.text}`));
 * room.on('state', (state) => render(state.players));
 * await room.send('move', { position: { x: 3, y: 4, z: 0 } });
 * await room.chat('gg');
 * await room.leave();
 */
export class Room {
  private readonly events = new Emitter<RoomEvents>();
  private readonly mirror = new RoomStateMirror();
  private phase: Phase = 'joining';
  /** Frames that came before `room_joined`; applied after it, in offset order. */
  private early: (ServerFrame | UnknownFrame)[] = [];
  /** Deliveries held until the turn after the join resolved (so handlers can be attached). */
  private held: (() => void)[] | undefined;
  private settle!: { resolve(room: Room): void; reject(error: Error): void };
  /** Resolves with this room once the server confirmed the join; rejects with its refusal. */
  readonly ready: Promise<Room>;

  /** @internal Rooms come from `client.join()`. */
  constructor(
    /** The room id. */
    readonly id: string,
    private readonly channel: RoomChannel,
  ) {
    this.ready = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    // A join nobody awaits must not report an unhandled rejection; awaiting callers still get it.
    this.ready.catch(() => undefined);
  }

  /** The room as the client knows it: members, their latest values, the frame number. */
  get state(): RoomState {
    return this.mirror;
  }

  /** This client's own player in the room, once the join is confirmed. */
  get me(): RoomPlayer | undefined {
    const clientId = this.channel.clientId();
    for (const player of this.mirror.players.values()) if (player.client_id === clientId) return player;
    return undefined;
  }

  /** Whether the client is (still) in the room. */
  get joined(): boolean {
    return this.phase === 'joined';
  }

  /** Subscribes to a room event; returns the unsubscribe function. */
  on<K extends keyof RoomEvents>(type: K, handler: (event: RoomEvents[K]) => void): () => void {
    return this.events.on(type, handler);
  }

  /**
   * Sends a game action with an id and resolves once the server queued it (`ack`: it takes effect
   * at most once, even if re-sent after a reconnect); rejects with the server's error (e.g.
   * `INVALID_PAYLOAD`) or `TIMEOUT`. A refusal by the game rules comes after the tick, i.e. after
   * the ack: it arrives as the room's `error` event with `refId` = the action's id.
   *
   * @example await room.send('attack', { target_id: enemy.entity_id });
   */
  send(action: string, data: ActionData = {}, options: RequestOptions = {}): Promise<AckPayload> {
    return this.channel.request('game_action', { ...data, action, room_id: this.id }, { ...options, owner: this });
  }

  /**
   * Sends a game action now, without id or ack, and never re-sends it (a stale input is usually
   * worse than none): for high-rate inputs such as movement. False if the connection is not open.
   */
  sendInput(action: string, data: ActionData = {}): boolean {
    return this.channel.post('game_action', { ...data, action, room_id: this.id });
  }

  /** Room chat; resolves once the server took it (everyone, you included, gets it as `chat`). */
  async chat(text: string, options: RequestOptions = {}): Promise<void> {
    await this.channel.request('chat', { room_id: this.id, text }, { ...options, owner: this });
  }

  /** Leaves the room; resolves once the server confirmed it (then `leave` fires with reason `left`). */
  async leave(options: RequestOptions = {}): Promise<void> {
    if (this.phase === 'left') return;
    try {
      await this.channel.request('leave_room', { room_id: this.id }, options);
    } catch (error) {
      // Not in the room any more (e.g. the seat timed out): the goal is reached all the same.
      if (!(error instanceof GatewayError && error.code === 'NOT_IN_ROOM')) throw error;
    }
    this.end('left');
  }

  /** @internal A new frame of this room (already de-duplicated by the client). */
  receive(frame: ServerFrame | UnknownFrame): void {
    if (this.phase === 'left') return;
    if (frame.type === 'room_joined') return this.snapshot(frame as ServerFrame<'room_joined'>);
    if (this.phase === 'joining') {
      this.early.push(frame);
      return;
    }
    this.apply(frame);
  }

  /** @internal The join was refused or timed out. */
  failJoin(error: Error): void {
    if (this.phase !== 'joining') return;
    this.phase = 'left';
    this.channel.detach(this);
    this.settle.reject(error);
  }

  /** @internal The client is no longer in the room. */
  end(reason: RoomLeaveReason): void {
    if (this.phase === 'joining') return this.failJoin(new GatewayError(reasonCode(reason), `not joined: ${reason}`));
    if (this.phase === 'left') return;
    this.phase = 'left';
    this.channel.detach(this);
    this.deliver(() => this.events.emit('leave', { reason }));
  }

  /** @internal A refusal of one of this room's earlier requests that no promise waits for. */
  refused(error: GatewayError): void {
    this.deliver(() => this.events.emit('error', error));
  }

  private snapshot(frame: ServerFrame<'room_joined'>): void {
    const payload: RoomJoinedPayload = frame.payload;
    this.mirror.reset(payload);
    if (this.phase === 'joining') {
      this.phase = 'joined';
      this.held = [];
      const early = this.early
        .filter((event) => event.offset !== undefined && event.offset > payload.offset)
        .sort((a, b) => a.offset! - b.offset!);
      this.early = [];
      this.settle.resolve(this);
      setTimeout(() => this.release());
      this.deliver(() => this.events.emit('state', this.mirror));
      for (const event of early) this.apply(event);
      return;
    }
    this.deliver(() => this.events.emit('state', this.mirror));
  }

  /** @internal The session came back; `recovered` as the room's `room_joined` said. */
  resumed(recovered: boolean): void {
    if (this.phase === 'joined') this.deliver(() => this.events.emit('resumed', { recovered }));
  }

  private apply(frame: ServerFrame | UnknownFrame): void {
    this.deliver(() => this.events.emit('message', frame));
    const known = frame as ServerFrame;
    switch (known.type) {
      case 'player_joined':
        this.mirror.joined(known.payload);
        return this.deliver(() => (this.events.emit('player_joined', known.payload), this.events.emit('state', this.mirror)));
      case 'player_left':
        this.mirror.left(known.payload.player_id);
        this.deliver(() => (this.events.emit('player_left', known.payload), this.events.emit('state', this.mirror)));
        if (known.payload.client_id && known.payload.client_id === this.channel.clientId()) this.end(known.payload.reason);
        return;
      case 'sync':
        this.mirror.sync(known.payload);
        return this.deliver(() => (this.events.emit('sync', known.payload), this.events.emit('state', this.mirror)));
      case 'chat':
        return this.deliver(() => this.events.emit('chat', { ...known.payload, offset: known.offset }));
    }
  }

  private deliver(emit: () => void): void {
    if (this.held) this.held.push(emit);
    else emit();
  }

  private release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const emit of held) emit();
  }
}

function reasonCode(reason: RoomLeaveReason): string {
  if (reason === 'session_lost') return ClientErrorCode.SessionLost;
  if (reason === 'closed') return ClientErrorCode.ConnectionClosed;
  return ClientErrorCode.RoomLeft;
}
