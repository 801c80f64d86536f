import type { ClockSample } from './clock-sync.js';
import { AnswerQueue } from './answer-queue.js';
import type { CreateRoomOptions, JoinOptions, JoinOrCreateOptions, ListRoomsOptions } from './client-options.js';
import { ClientErrorCode, GatewayError } from './errors.js';
import { Room, type RoomChannel } from './room.js';
import type { RequestOptions } from './room-events.js';
import type { AnyRoomTypes, RoomTypes } from './state/room-types.js';
import { SessionConnection } from './session-connection.js';
import type { ClientMessageType, ClientPayloads, OutgoingMessage, RoomFilters, RoomListPayload, Vec3 } from './types.js';

/** Room placement: redirects `followRoomOwner` follows for one join before joining where the client is. */
const MAX_REDIRECTS = 2;

export type {
  ConnectionState,
  CreateOptions,
  CreateRoomOptions,
  GameClientOptions,
  JoinOptions,
  JoinOrCreateOptions,
  ListRoomsOptions,
  ProtocolVersion,
} from './client-options.js';

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
export class GameClient extends SessionConnection {
  /** The rooms joined with `join`, by id. */
  get rooms(): ReadonlyMap<string, Room<any>> {
    return this.roomsById;
  }

  /** Last reliable offset up to which nothing is missing in a room (what a resume asks to replay after). */
  lastOffset(roomId: string): number | undefined {
    return this.tracker.lastOffset(roomId);
  }

  /**
   * Joins a room and resolves with it once the server confirmed (`room_joined`), or rejects with
   * the server's refusal (`ROOM_FULL`, …) or `TIMEOUT`. Joining a room already joined (or being
   * joined) returns the same room. `T` types the room by its kind (a declaration written by
   * `game-gateway-types` from the kind's descriptor): entity types, fields, events and actions.
   *
   * @example const room = await client.join('lobby', { nickname: 'ada' });
   * @example const ctf = await client.join<CtfRoom>('ctf-1'); // typed state, callbacks, events, actions
   */
  join<T extends RoomTypes = AnyRoomTypes>(roomId: string, options: JoinOptions<T> = {}): Promise<Room<T>> {
    const existing = this.roomsById.get(roomId);
    if (existing) return existing.ready as Promise<Room<any>>;
    if (this.options.followRoomOwner && this.movable) return this.joinFollowingOwner(roomId, options, 0);
    return this.joinHere(roomId, options, false);
  }

  /**
   * Room placement (`followRoomOwner`): joins asking for a redirect and follows `ROOM_ELSEWHERE` to
   * the instance running the room, at most twice (a room that keeps moving is joined where the
   * client is); a session that is no longer empty joins where it is.
   */
  private async joinFollowingOwner<T extends RoomTypes>(roomId: string, options: JoinOptions<T>, redirects: number): Promise<Room<T>> {
    try {
      return await this.joinHere(roomId, options, redirects < MAX_REDIRECTS);
    } catch (error) {
      if (!(error instanceof GatewayError) || error.code !== 'ROOM_ELSEWHERE' || !error.ownerUrl || !this.movable) throw error;
      await this.moveTo(error.ownerUrl);
      return this.joinFollowingOwner(roomId, options, redirects + 1);
    }
  }

  private joinHere<T extends RoomTypes>(roomId: string, options: JoinOptions<T>, redirect: boolean): Promise<Room<T>> {
    const room = new Room<T>(roomId, this.channel);
    this.roomsById.set(roomId, room as Room<any>);
    const timeoutMs = options.timeoutMs ?? this.requestTimeoutMs;
    const payload = { room_id: roomId, user_id: options.userId, nickname: options.nickname, kind: options.kind, options: asStrings(options.create), ...(redirect && { redirect }) };
    this.request('join_room', payload, { timeoutMs, owner: room }).catch((error: Error) => room.failJoin(error));
    // The ack follows room_joined; wait for room_joined itself, however the two arrive.
    const timer = setTimeout(() => room.failJoin(new GatewayError(ClientErrorCode.Timeout, `no room_joined for "${roomId}" within ${timeoutMs} ms`)), timeoutMs);
    const clear = () => clearTimeout(timer);
    room.ready.then(clear, clear);
    return room.ready;
  }

  /**
   * Matchmaking: joins the fullest open room of `kind` whose metadata matches `filters` (locked,
   * private and full rooms are passed by), or creates one (listing the filters' equalities as its
   * metadata, `options.create` as its creation options). Resolves with the same `Room` as `join`
   * once `room_joined` arrived; rejects with the server's refusal (`INVALID_PAYLOAD` naming the
   * problem: an unknown kind, a malformed filter, …) or `TIMEOUT`.
   *
   * @example const room = await client.joinOrCreate('squad', { nickname: 'ada' }, { mode: 'ranked', level: { min: 10, max: 20 } });
   */
  joinOrCreate<T extends RoomTypes = AnyRoomTypes>(kind: T['kind'] & string, options: JoinOrCreateOptions<T> = {}, filters: RoomFilters = {}): Promise<Room<T>> {
    const payload = { kind, filters, options: asStrings(options.create), user_id: options.userId, nickname: options.nickname };
    return this.matchmake<T>('join_or_create', payload, options);
  }

  /**
   * Matchmaking: creates a new room of `kind` (with `options.metadata`; `options.private` keeps it
   * out of `listRooms` and `joinOrCreate`, joinable by its id) and joins it. Resolves with the same
   * `Room` as `join`.
   *
   * @example const room = await client.create('squad', { metadata: { mode: 'ranked' }, private: true }); share(room.id);
   */
  create<T extends RoomTypes = AnyRoomTypes>(kind: T['kind'] & string, options: CreateRoomOptions<T> = {}): Promise<Room<T>> {
    const payload = {
      kind,
      options: asStrings(options.create),
      metadata: options.metadata,
      private: options.private,
      user_id: options.userId,
      nickname: options.nickname,
    };
    return this.matchmake<T>('create_room', payload, options);
  }

  /**
   * The room directory: listed rooms of `kind` (every kind when omitted) whose metadata matches
   * `filters`, one page at a time, ordered by room id, with how many match in all.
   *
   * @example const { rooms } = await client.listRooms('squad', { region: 'eu' }); await client.join(rooms[0].room_id);
   */
  async listRooms(kind?: string, filters: RoomFilters = {}, options: ListRoomsOptions = {}): Promise<RoomListPayload> {
    let answer: RoomListPayload | undefined;
    const id = this.newId();
    this.listRequests.enter(id, (list) => (answer = list));
    try {
      await this.request('list_rooms', { kind, filters, page: options.page }, { ...options, id });
    } finally {
      this.listRequests.close(id);
    }
    if (!answer) throw new GatewayError(ClientErrorCode.Timeout, 'list_rooms was acknowledged without its room_list (re-sent after a resume); list again');
    return answer;
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

  /** `join_or_create` / `create_room` requests waiting for their room's `room_joined`. */
  private readonly matchRequests = new AnswerQueue<Room<any>>();
  /** `list_rooms` requests waiting for their `room_list`. */
  private readonly listRequests = new AnswerQueue<RoomListPayload>();

  protected override adopt(roomId: string): Room<any> | undefined {
    if (!this.matchRequests.pending) return undefined;
    const room = new Room<any>(roomId, this.channel);
    this.roomsById.set(roomId, room);
    this.matchRequests.answer(room);
    return room;
  }

  protected override listed(list: RoomListPayload): void {
    this.listRequests.answer(list);
  }

  protected override answered(id: string): void {
    this.matchRequests.close(id);
    this.listRequests.close(id);
  }

  /** Sends a matchmaking request; resolves with the room its `room_joined` names, as soon as that arrived. */
  private matchmake<T extends RoomTypes>(type: 'join_or_create' | 'create_room', payload: ClientPayloads[typeof type], options: RequestOptions): Promise<Room<T>> {
    return new Promise((resolve, reject) => {
      let room: Room<any> | undefined;
      const id = this.newId();
      this.matchRequests.enter(id, (joined) => {
        room = joined;
        joined.ready.then(resolve as (room: Room<any>) => void, reject);
      });
      this.request(type, payload, { ...options, id }).then(
        () => room ?? reject(new GatewayError(ClientErrorCode.Timeout, `${type} was acknowledged without its room_joined (re-sent after a resume); see client.rooms`)),
        (error: Error) => {
          this.matchRequests.close(id);
          if (!room) reject(error);
        },
      );
    });
  }

  private readonly channel: RoomChannel = {
    clientId: () => this.clientId,
    tickRate: () => this.tickRate,
    request: (type, payload, options) => this.request(type, payload, options),
    post: (type, payload) => this.post(type, payload),
    detach: (room) => {
      if (this.roomsById.get(room.id) !== room) return;
      this.handles.release(room);
      this.roomsById.delete(room.id);
      this.tracker.forgetRoom(room.id);
    },
  };
}

/** Creation options as the wire carries them: strings. */
function asStrings(options: Record<string, unknown> | undefined): Record<string, string> | undefined {
  return options && Object.fromEntries(Object.entries(options).map(([name, value]) => [name, String(value)]));
}
