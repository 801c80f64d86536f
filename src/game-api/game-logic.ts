import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import type { Check, LeaveReason, MetadataValue } from '../protocol';
import type { EventData, EventSchema, EventsDecl, InterestSpec, RoomState, StateDecl, StateSchema } from '../state';
import type { ActionTable } from './action-table';
import type { PlayerRef, TickClock } from './player-ref';

export type { PlayerRef, TickClock } from './player-ref';
import { GAME_ROOM_KIND } from './game-api.constants';

type DeclOf<S> = S extends StateSchema<infer D> ? D : StateDecl;
type EventsOf<E> = E extends EventSchema<infer X> ? X : EventsDecl;

/**
 * What every hook of a room's logic gets: the room's typed state, its creation options, the
 * clock, its players, and the verbs that reach clients. One context per room, reused.
 */
export interface RoomContext<S extends StateSchema = StateSchema, E extends EventSchema = EventSchema> {
  readonly roomId: string;
  readonly kind: string;
  /** The room's state: `state.room` for room fields, `spawn`/`despawn`/`get`/`ofType` for entities. */
  readonly state: RoomState<DeclOf<S>>;
  /** Creation options the room was made with (checked against the kind's `options`). */
  readonly options: Readonly<Record<string, string>>;
  readonly clock: TickClock;
  /** Members by player id, in join order. */
  readonly players: ReadonlyMap<string, PlayerRef>;
  /**
   * An event to every member. Reliable (the default) events get an offset, are kept in the
   * room's history and replayed on resume; transient ones are not. Raised inside a tick, it
   * reaches clients after that tick's state frame.
   */
  broadcast<K extends keyof EventsOf<E> & string>(
    name: K,
    data: EventData<EventsOf<E>, K>,
    options?: {
      reliable?: boolean;
      except?: PlayerRef;
      /** Interest-managed kinds: only to members who see this point's cell (default: everyone). */
      at?: { x: number; y: number };
    },
  ): void;
  /** An event to one member only (kept for its session and replayed on resume, like a direct chat). */
  send<K extends keyof EventsOf<E> & string>(player: PlayerRef, name: K, data: EventData<EventsOf<E>, K>): void;
  /** Removes a member: everyone, the member included, gets `player_left` with reason `kicked` and `reason`. */
  kick(player: PlayerRef, reason?: string): void;
  /**
   * Interest-managed kinds: what a member sees is centred on `at` (a spectator, a camera)
   * instead of on its own player's entity; `null` goes back to its entity. Takes effect at the
   * next tick.
   */
  setView(player: PlayerRef, at: { x: number; y: number } | null): void;
  /**
   * Matchmaking: `join_or_create` passes a locked room by (a full game, a match in progress);
   * `list_rooms` shows it with `locked: true`. A `join_room` by id still works.
   *
   * @example onJoin(ctx) { if (ctx.players.size === 4) ctx.lock(); }
   */
  lock(): void;
  /** Matchmaking: open again to `join_or_create` (see `lock`). */
  unlock(): void;
  /**
   * Merges `patch` into the room's listed metadata (what `list_rooms` shows and matchmaking
   * filters compare); `null` removes a name. Names match `[A-Za-z0-9_.-]{1,32}`; values are
   * strings, finite numbers or booleans; the whole stays within MATCHMAKING_MAX_METADATA_BYTES.
   * A bad patch throws (a logic fault, logged with the room id).
   *
   * @example onCreate(ctx) { ctx.setMetadata({ mode: 'ranked', level: Number(ctx.options.level ?? 1) }); }
   */
  setMetadata(patch: Readonly<Record<string, MetadataValue | null>>): void;
}

/** How v1 clients (full `sync` snapshots) see a kind: its entities of one type, fields by name. */
export interface V1Projection {
  /** Entity type whose entities are players (only entities spawned for a player are listed). */
  readonly type: string;
  /** Fields for `position` (and `velocity`) x, y, z; a missing one reads 0. */
  readonly position?: readonly [string, string, string?];
  readonly velocity?: readonly [string, string, string?];
  readonly health?: string;
  readonly score?: string;
}

/** What `@GameRoomKind()` carries besides the kind's name. */
export interface RoomKindOptions<S extends StateSchema = StateSchema, E extends EventSchema = EventSchema> {
  /** The kind's state declaration (`defineState`). */
  readonly state: S;
  /** Events the logic raises (`defineEvents`). @default none */
  readonly events?: E;
  /** Members per room of this kind. @default ROOM_MAX_PLAYERS */
  readonly maxPlayers?: number;
  /**
   * Actions a room of this kind buffers between two ticks before refusing with RATE_LIMITED: a
   * kind of thousands of players needs more than a room of ten (a 5,000-player room at 10 moves/s
   * queues 2,500 a tick, and more after a late tick). @default ROOM_MAX_QUEUED_ACTIONS
   */
  readonly maxQueuedActions?: number;
  /** Whether a client may create a room of this kind by naming it in `join_room.kind`. @default true */
  readonly clientCreatable?: boolean;
  /** Creation options a client may pass in `join_room.options`, each with a check. @default none */
  readonly options?: Readonly<Record<string, Check>>;
  /** How v1 clients see the state (`sync` of players). @default v1 clients get no `sync` */
  readonly v1?: V1Projection;
  /**
   * Interest management: entities of the listed types are bucketed into square cells by their
   * position, and each client gets only the cells around its focus (its own player's entity, or
   * the point `ctx.setView` gives it). Room fields and entities of other types reach everyone.
   * @default off: every client gets the whole state
   */
  readonly interest?: InterestSpec;
}

/**
 * The rules of one room kind. The core owns sockets, membership, ordering, state encoding and
 * delivery; a `GameLogic` changes the room's typed state in its hooks and actions. Hooks run one
 * room at a time, never concurrently; actions are queued and applied in arrival order at the
 * room's next tick.
 *
 * Throw `GameError` from an action to refuse it: the sender gets an `error` frame, nobody else
 * notices. Any other exception is logged with the room id and answered with `INTERNAL`; the room
 * keeps running.
 *
 * @example
 * const state = defineState({ entities: { fighter: { x: t.float({ precision: 0.125 }), hp: t.uint8().withDefault(100) } } });
 * type Ctx = RoomContext<typeof state>;
 *
 * @GameRoomKind('duel', { state, maxPlayers: 2 })
 * export class DuelLogic implements GameLogic<typeof state> {
 *   readonly actions = defineActions<Ctx>()({
 *     strike: { target: 'required', run: (ctx, player, { target }) => this.strike(ctx, player, target) },
 *   });
 *   onJoin(ctx: Ctx, player: PlayerRef) { ctx.state.spawn('fighter', { x: ctx.players.size * 10 }, player); }
 *   onLeave(ctx: Ctx, player: PlayerRef) { ctx.state.despawn(ctx.state.get(player.entityId)!); }
 *   private strike(ctx: Ctx, player: PlayerRef, target: number) { … }
 * }
 */
export interface GameLogic<S extends StateSchema = StateSchema, E extends EventSchema = EventSchema> {
  /** The actions clients may send, by name. */
  readonly actions: ActionTable<RoomContext<S, E>>;
  /** A new room of this kind, before its first member joins (not called on a failover). */
  onCreate?(ctx: RoomContext<S, E>): void;
  onJoin(ctx: RoomContext<S, E>, player: PlayerRef): void;
  onLeave(ctx: RoomContext<S, E>, player: PlayerRef, reason: LeaveReason): void;
  /**
   * Simulation between inputs, once per tick while the room is ticking. Return true to keep
   * the room ticking without inputs (a countdown, moving projectiles); rooms that return
   * nothing are ticked only when something happened.
   */
  onTick?(ctx: RoomContext<S, E>): boolean | void;
  /** The room is gone (its last member left). */
  onDispose?(ctx: RoomContext<S, E>): void;
}

/**
 * Marks a provider as the game logic of room kind `kind`. The rooms module finds it at boot;
 * `join_room.kind`, `ROOM_KINDS` and `DEFAULT_ROOM_KIND` decide which rooms run it.
 *
 * @example @GameRoomKind('ctf', { state: ctfState, events: ctfEvents, maxPlayers: 10 })
 */
export function GameRoomKind<S extends StateSchema, E extends EventSchema>(kind: string, options: RoomKindOptions<S, E>): ClassDecorator {
  return applyDecorators(Injectable(), SetMetadata(GAME_ROOM_KIND, { kind, options }));
}
