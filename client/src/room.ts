import { callSafely, Emitter } from './emitter.js';
import { ClientErrorCode, GatewayError } from './errors.js';
import type { ImmediateOption, RequestOptions, RoomEvents, RoomLeaveReason } from './room-events.js';
import { type RoomState, RoomStateMirror } from './room-state.js';
import { localNow } from './state/frame-timeline.js';
import type { KindDescriptor } from './state/kind-descriptor.js';
import type { ActionData, ActionName, ActionPayload, AnyRoomTypes, Entity, EntityType, EventName, FieldOf, RoomFields, RoomTypes } from './state/room-types.js';
import { ANY_TYPE } from './state/state-callbacks.js';
import type { ViewChange } from './state/state-mirror.js';
import { type StateStats, TypedState } from './state/typed-state.js';
import type { AckPayload, ClientMessageType, ClientPayloads, RoomJoinedPayload, RoomPlayer, ServerFrame, UnknownFrame } from './types.js';

export type { ActionData, RequestOptions, RoomEvents, RoomLeaveReason };

type Phase = 'joining' | 'joined' | 'left';

/** The client side a room talks through (implemented by `GameClient`). */
export interface RoomChannel {
  clientId(): string | undefined;
  /** Room ticks per second (`welcome.tick_rate`). */
  tickRate(): number;
  request<T extends ClientMessageType>(type: T, payload: ClientPayloads[T], options: RequestOptions & { owner?: Room<any> }): Promise<AckPayload>;
  post<T extends ClientMessageType>(type: T, payload: ClientPayloads[T]): boolean;
  detach(room: Room<any>): void;
}

/** `room.send`'s arguments after the action name: the data is optional when the action needs no field. */
export type SendArgs<P> = {} extends P ? [data?: P, options?: RequestOptions] : [data: P, options?: RequestOptions];
/** What `onChange(type, …)` hands over: the entity, or for `'room'` the room's fields object. */
export type ChangedEntity<T extends RoomTypes, K> = K extends EntityType<T> ? Entity<T, K> : RoomFields<T>;
/** A field name of what `onChange(type, …)` reports. */
export type ChangedField<T extends RoomTypes, K> = K extends EntityType<T> ? keyof T['entities'][K] & string : keyof T['room'] & string;

/**
 * A room the client joined, from `await client.join(roomId)`: its state, its events, and the
 * requests that act in it. Events that arrived before the join was confirmed (a room event may
 * overtake `room_joined`) and right after it are delivered on the next turn, so handlers attached
 * right after the `await` see every event after the snapshot in `room.state`, once each.
 *
 * On a protocol v2 connection (`{ protocol: 2 }`) `room.state` also holds the room's typed state,
 * and `onAdd`/`onRemove`/`onChange`/`listen` report its changes once per applied frame. Type it
 * with a kind's generated declaration (`client.join<CtfRoom>(…)`, see `game-gateway-types`).
 *
 * @example
 * const room = await client.join('lobby', { nickname: 'ada' });
 * room.on('chat', (m) => console.log(`${m.player_id}: ${m.text}`));
 * room.on('state', (state) => render(state.players));
 * await room.send('move', { position: { x: 3, y: 4, z: 0 } });
 * await room.chat('gg');
 * await room.leave();
 */
export class Room<T extends RoomTypes = AnyRoomTypes> {
  private readonly events = new Emitter<RoomEvents<T>>();
  private readonly typed: TypedState;
  private readonly mirror: RoomStateMirror;
  private phase: Phase = 'joining';
  private joinedKind: string | undefined;
  /** Frames that came before `room_joined`; applied after it, in offset order. */
  private early: (ServerFrame | UnknownFrame)[] = [];
  /** Deliveries held until the turn after the join resolved (so handlers can be attached). */
  private held: (() => void)[] | undefined;
  private settle!: { resolve(room: Room<T>): void; reject(error: Error): void };
  /** Resolves with this room once the server confirmed the join; rejects with its refusal. */
  readonly ready: Promise<Room<T>>;

  /** @internal Rooms come from `client.join()`. */
  constructor(
    /** The room id. */
    readonly id: string,
    private readonly channel: RoomChannel,
  ) {
    this.ready = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    // A join nobody awaits must not report an unhandled rejection; awaiting callers still get it.
    this.ready.catch(() => undefined);
    this.typed = new TypedState(
      () => 1000 / channel.tickRate(),
      (error) => this.deliver(() => this.events.emit('error', error)), // at the join: after handlers can be attached
      () => this.events.emit('state', this.state),
    );
    this.mirror = new RoomStateMirror(this.typed);
  }

  /** The room as the client knows it: members, and (v2) the typed state; see {@link RoomState}. */
  get state(): RoomState<T> {
    return this.mirror as unknown as RoomState<T>;
  }

  /** This client's own player in the room, once the join is confirmed. */
  get me(): RoomPlayer | undefined {
    const clientId = this.channel.clientId();
    for (const player of this.mirror.players.values()) if (player.client_id === clientId) return player;
    return undefined;
  }

  /** v2: this client's own entity (the one whose id is its player's `entity_id`), when the kind spawned one. */
  get myEntity(): Entity<T> | undefined {
    const me = this.me;
    return me ? this.state.get(me.entity_id) : undefined;
  }

  /** The room's kind, when the server said (`room_joined.kind`). */
  get kind(): string | undefined {
    return this.joinedKind || undefined;
  }

  /** v2: the kind's descriptor the state is decoded with (undefined on v1). */
  get schema(): KindDescriptor | undefined {
    return this.typed.descriptor;
  }

  /** Room ticks per second (`welcome.tick_rate`): state frames come at most this often. */
  get tickRate(): number {
    return this.channel.tickRate();
  }

  /** v2: counters of state frames (applied, refused, undecodable), for debugging. */
  get stateStats(): Readonly<StateStats> {
    return this.typed.stats;
  }

  /** Whether the client is (still) in the room. */
  get joined(): boolean {
    return this.phase === 'joined';
  }

  /** Subscribes to a room event; returns the unsubscribe function. */
  on<K extends keyof RoomEvents<T>>(type: K, handler: (event: RoomEvents<T>[K]) => void): () => void {
    return this.events.on(type, handler);
  }

  /**
   * v2: calls `callback` for each entity of `type` that appears (spawned, or found different after
   * a resume), once its frame is applied; by default also now for each one already there. A
   * respawn (despawn and spawn of one id in one frame) is `onRemove` of the old object, then
   * `onAdd` of the new one. Returns the unsubscribe function.
   * @example room.onAdd('player', (p) => sprites.set(p.id, new Sprite(p.x, p.y)));
   */
  onAdd<K extends EntityType<T>>(type: K, callback: (entity: Entity<T, K>) => void, options: ImmediateOption = {}): () => void {
    const off = this.typed.callbacks.on('add', type, callback as never);
    if (options.immediate !== false) for (const entity of this.state.ofType(type)) callSafely(callback, entity);
    return off;
  }

  /**
   * v2: calls `callback` with the entity object (its last values) when an entity of `type` is gone.
   * @example room.onRemove('player', (p) => sprites.get(p.id)?.destroy());
   */
  onRemove<K extends EntityType<T>>(type: K, callback: (entity: Entity<T, K>) => void): () => void {
    return this.typed.callbacks.on('remove', type, callback as never);
  }

  /**
   * v2, interest-managed rooms: calls `callback` for each entity (of `type`, or of every type) that
   * comes into the client's view without being spawned: its cell came into view, or it walked in
   * from a cell the client does not see. A spawn in view is `onAdd`; entities already in view when
   * you register are reported by `onAdd`'s immediate call, not here. An entity that leaves the view
   * and comes back is a new object. Returns the unsubscribe function.
   * @example room.onEnterView('bot', (bot) => sprites.set(bot.id, fadeIn(new Sprite(bot.x, bot.y))));
   */
  onEnterView<K extends EntityType<T>>(type: K, callback: (entity: Entity<T, K>) => void): () => void;
  onEnterView(callback: (entity: Entity<T>) => void): () => void;
  onEnterView(typeOrCallback: string | ((entity: never) => void), callback?: (entity: never) => void): () => void {
    return this.onEntity('enter', typeOrCallback, callback);
  }

  /**
   * v2, interest-managed rooms: calls `callback` with the entity object (its last values) when an
   * entity (of `type`, or of every type) leaves the client's view while it stays in the world: its
   * cell left the view, or it walked out of it. A despawn in view is `onRemove`.
   * @example room.onLeaveView((entity) => fadeOut(sprites.get(entity.id)));
   */
  onLeaveView<K extends EntityType<T>>(type: K, callback: (entity: Entity<T, K>) => void): () => void;
  onLeaveView(callback: (entity: Entity<T>) => void): () => void;
  onLeaveView(typeOrCallback: string | ((entity: never) => void), callback?: (entity: never) => void): () => void {
    return this.onEntity('leave', typeOrCallback, callback);
  }

  /**
   * v2, interest-managed rooms: calls `callback` with the cells (ids) that came into and left the
   * view, once per frame that changed it, before the entities' callbacks. `room.state.view` has
   * the cells now and their squares of the world.
   * @example room.onViewChange(() => drawGrid(room.state.view!.bounds()));
   */
  onViewChange(callback: (change: ViewChange) => void): () => void {
    return this.typed.callbacks.onView(callback);
  }

  /**
   * v2: calls `callback` once per frame for each entity of `type` (or `'room'`: the room's own
   * fields) whose fields changed, with the names of those fields; not for additions.
   * @example room.onChange('flag', (flag, fields) => fields.includes('carrier') && updateCarrier(flag));
   */
  onChange<K extends EntityType<T> | 'room'>(type: K, callback: (entity: ChangedEntity<T, K>, changed: readonly ChangedField<T, K>[]) => void): () => void {
    return this.typed.callbacks.on('change', type, callback as never);
  }

  /**
   * v2: calls `callback(value, previous)` when one field of the room (`'room'`) or of one entity
   * changes; by default also now with its current value. An entity's listeners end with it.
   * @example room.listen('room', 'phase', (phase) => showBanner(phase));
   * @example
   * const me = room.myEntity;
   * if (me?.type === 'player') room.listen(me, 'hp', (hp, before) => hp < (before ?? hp) && flashRed());
   */
  listen<F extends keyof T['room'] & string>(target: 'room', field: F, callback: (value: T['room'][F], previous: T['room'][F] | undefined) => void, options?: ImmediateOption): () => void;
  listen<E extends Entity<T>, F extends FieldOf<E>>(target: E, field: F, callback: (value: E[F], previous: E[F] | undefined) => void, options?: ImmediateOption): () => void;
  listen(target: object | 'room', field: string, callback: (value: unknown, previous: unknown) => void, options: ImmediateOption = {}): () => void {
    const object = (target === 'room' ? this.typed.mirror?.room : target) as Record<string, unknown> | undefined;
    if (!object) return () => undefined;
    const off = this.typed.callbacks.listen(object, field, callback as never);
    if (options.immediate !== false) callSafely(callback, object[field], undefined);
    return off;
  }

  /**
   * Calls `callback` with the data of each `room_event` named `name` (an event of the room's game
   * logic, with the fields its kind declares). Reliable events come once each, replayed after a resume.
   * @example room.onEvent('flag_taken', ({ team, by }) => log(`${team} flag taken by ${by}`));
   */
  onEvent<K extends EventName<T>>(name: K, callback: (data: T['events'][K]) => void): () => void {
    return this.typed.events.on(name, callback as never);
  }

  /**
   * Sends a game action with an id and resolves once the server queued it (`ack`: it takes effect
   * at most once, even if re-sent after a reconnect); rejects with the server's error (e.g.
   * `INVALID_PAYLOAD`) or `TIMEOUT`. A refusal by the game rules comes after the tick, i.e. after
   * the ack: it arrives as the room's `error` event with `refId` = the action's id.
   *
   * @example await room.send('attack', { target_id: enemy.entity_id });
   */
  send<K extends ActionName<T>>(action: K, ...args: SendArgs<ActionPayload<T, K>>): Promise<AckPayload> {
    const [data = {}, options = {}] = args as [ActionData?, RequestOptions?];
    return this.channel.request('game_action', { ...data, action, room_id: this.id }, { ...options, owner: this as Room<any> });
  }

  /**
   * Sends a game action now, without id or ack, and never re-sends it (a stale input is usually
   * worse than none): for high-rate inputs such as movement. False if the connection is not open.
   */
  sendInput<K extends ActionName<T>>(action: K, ...[data]: SendArgs<ActionPayload<T, K>>): boolean {
    return this.channel.post('game_action', { ...(data as ActionData | undefined), action, room_id: this.id });
  }

  /** Room chat; resolves once the server took it (everyone, you included, gets it as `chat`). */
  async chat(text: string, options: RequestOptions = {}): Promise<void> {
    await this.channel.request('chat', { room_id: this.id, text }, { ...options, owner: this as Room<any> });
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

  private onEntity(kind: 'enter' | 'leave', typeOrCallback: string | ((entity: never) => void), callback?: (entity: never) => void): () => void {
    if (typeof typeOrCallback === 'function') return this.typed.callbacks.on(kind, ANY_TYPE, typeOrCallback);
    return this.typed.callbacks.on(kind, typeOrCallback, callback!);
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
    this.channel.detach(this as Room<any>);
    this.settle.reject(error);
  }

  /** @internal The client is no longer in the room. */
  end(reason: RoomLeaveReason): void {
    if (this.phase === 'joining') return this.failJoin(new GatewayError(reasonCode(reason), `not joined: ${reason}`));
    if (this.phase === 'left') return;
    this.phase = 'left';
    this.channel.detach(this as Room<any>);
    this.deliver(() => this.events.emit('leave', { reason }));
  }

  /** @internal A refusal of one of this room's earlier requests that no promise waits for. */
  refused(error: GatewayError): void {
    this.deliver(() => this.events.emit('error', error));
  }

  /** @internal The session came back; `recovered` as the room's `room_joined` said. */
  resumed(recovered: boolean): void {
    if (this.phase === 'joined') this.deliver(() => this.events.emit('resumed', { recovered }));
  }

  private snapshot(frame: ServerFrame<'room_joined'>): void {
    const payload: RoomJoinedPayload = frame.payload;
    const arrivedAt = localNow();
    const typed = Boolean(payload.schema && payload.state);
    this.mirror.reset(payload);
    this.joinedKind = payload.kind || this.joinedKind;
    if (this.phase === 'joining') {
      this.phase = 'joined';
      this.held = [];
      // The state is complete when `join` resolves: no callbacks for the join's keyframe (`onAdd` reports what is there).
      if (typed) this.typed.joined(payload, arrivedAt, true);
      const early = this.early
        .filter((event) => event.offset !== undefined && event.offset > payload.offset)
        .sort((a, b) => a.offset! - b.offset!);
      this.early = [];
      this.settle.resolve(this);
      setTimeout(() => this.release());
      this.deliver(() => this.events.emit('state', this.state));
      for (const event of early) this.apply(event);
      return;
    }
    if (typed) this.deliver(() => this.typed.joined(payload, arrivedAt, false));
    this.deliver(() => this.events.emit('state', this.state));
  }

  private apply(frame: ServerFrame | UnknownFrame): void {
    this.deliver(() => this.events.emit('message', frame));
    const known = frame as ServerFrame;
    switch (known.type) {
      case 'state': {
        const arrivedAt = localNow();
        return this.deliver(() => this.typed.frame(known.payload, arrivedAt));
      }
      case 'room_event':
        return this.deliver(() => this.typed.event(known.payload));
      case 'player_joined':
        this.mirror.joined(known.payload);
        return this.deliver(() => (this.events.emit('player_joined', known.payload), this.events.emit('state', this.state)));
      case 'player_left':
        this.mirror.left(known.payload.player_id);
        this.deliver(() => (this.events.emit('player_left', known.payload), this.events.emit('state', this.state)));
        if (known.payload.client_id && known.payload.client_id === this.channel.clientId()) this.end(known.payload.reason);
        return;
      case 'sync':
        this.mirror.sync(known.payload);
        return this.deliver(() => (this.events.emit('sync', known.payload), this.events.emit('state', this.state)));
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
