import 'reflect-metadata';
import { type GameActionPayload, LeaveReason, type MetadataValue } from '../../protocol';
import { CellGrid, FrameRecords, markerOps, RoomState, StateMirror, writeCellDeltas } from '../../state';
import { actionInput } from '../action-table';
import { GAME_ROOM_KIND } from '../game-api.constants';
import type { GameLogic, PlayerRef, RoomKindOptions } from '../game-logic';
import { GameLogicRegistry } from '../game-logic.registry';
import { type ListingChange, LiveRoomContext, type RaisedEvent } from '../room-context';

export interface GameRoomHarnessOptions {
  roomId?: string;
  /** Creation options, as `join_room.options`. */
  options?: Record<string, string>;
  /** Ticks per second, as TICK_RATE. @default 20 */
  tickRate?: number;
  /** Start of the harness clock (ms). @default 0 */
  now?: number;
}

/**
 * Drives one room of a kind the way the core does — state, context, actions through the kind's
 * table, ticks — without sockets, timers or Nest. Time moves only when the test says so
 * (`tick()`, `advance(ms)`). `publish()` encodes a frame and applies it to a client-side mirror,
 * so a spec can also check what clients would see.
 *
 * @example
 * const room = new GameRoomHarness(new DuelLogic());
 * room.join('alice'); room.join('bob');
 * room.act('alice', { action: 'strike', target_id: room.ref('bob').entityId });
 * room.tick();
 * expect(room.entity('bob').hp).toBe(90);
 */
export class GameRoomHarness {
  readonly state: RoomState;
  readonly ctx: LiveRoomContext;
  readonly kind: string;
  readonly kindOptions: RoomKindOptions;
  /** Events raised so far, in order. */
  readonly events: RaisedEvent[] = [];
  /** Members kicked so far, with the reason. */
  readonly kicked: { player: PlayerRef; reason: string }[] = [];
  /** Views the logic set with `ctx.setView`, by player id. */
  readonly views = new Map<string, { x: number; y: number }>();
  /** The room's listing as its logic set it (`ctx.lock`, `ctx.unlock`, `ctx.setMetadata`). */
  readonly listing: { locked: boolean; metadata: Record<string, MetadataValue> } = { locked: false, metadata: {} };
  /** What a client that joined at the start sees after each `publish()`. */
  readonly mirror: StateMirror;
  private readonly players = new Map<string, PlayerRef>();
  private frame = 0;

  constructor(
    readonly logic: GameLogic<any, any>,
    options: GameRoomHarnessOptions = {},
  ) {
    const meta = Reflect.getMetadata(GAME_ROOM_KIND, logic.constructor) as { kind: string; options: RoomKindOptions } | undefined;
    if (!meta) throw new Error(`harness: ${logic.constructor.name} has no @GameRoomKind()`);
    this.kind = meta.kind;
    this.kindOptions = meta.options;
    this.state = new RoomState(meta.options.state, meta.options.interest ? new CellGrid(meta.options.state, meta.options.interest) : undefined);
    this.ctx = new LiveRoomContext(
      options.roomId ?? 'test-room',
      meta.kind,
      this.state,
      options.options ?? {},
      this.players,
      meta.options.events,
      {
        raise: (event) => this.events.push(event),
        kick: (player, reason) => this.kick(player, reason),
        setView: (player, at) => (at ? this.views.set(player.playerId, at) : this.views.delete(player.playerId)),
        relist: (change) => this.relist(change),
      },
      1000 / (options.tickRate ?? 20),
    );
    this.ctx.clock = { now: options.now ?? 0, tickMs: this.ctx.clock.tickMs };
    this.mirror = new StateMirror(meta.options.state.describe());
    const key = new FrameRecords();
    this.state.writeKeyframe(key);
    this.mirror.apply({ frame: 0, key: true, ops: key.ops, strings: key.strings });
    logic.onCreate?.(this.ctx);
  }

  get now(): number {
    return this.ctx.clock.now;
  }

  /** Joins a player (entity ids from the room's counter, as in a real room) and returns its ref. */
  join(playerId: string, nickname = playerId): PlayerRef {
    if (this.players.has(playerId)) throw new Error(`harness: "${playerId}" already joined`);
    const ref: PlayerRef = { playerId, nickname, clientId: `client-${playerId}`, entityId: this.state.allocateId() };
    this.players.set(playerId, ref);
    this.logic.onJoin(this.ctx, ref);
    return ref;
  }

  leave(playerId: string, reason: LeaveReason = LeaveReason.Left): void {
    const ref = this.ref(playerId);
    this.players.delete(playerId);
    this.logic.onLeave(this.ctx, ref, reason);
  }

  ref(playerId: string): PlayerRef {
    const ref = this.players.get(playerId);
    if (!ref) throw new Error(`harness: "${playerId}" is not in the room`);
    return ref;
  }

  /** The entity spawned for a player (by its entity id). */
  entity(playerId: string): any {
    return this.state.get(this.ref(playerId).entityId);
  }

  /** Applies an action through the kind's table, as the tick does: a refusal throws its GameError. */
  act(playerId: string, action: Omit<GameActionPayload, 'action'> & { action: string }): void {
    const { spec, input } = actionInput(this.kind, this.logic.actions, action as GameActionPayload);
    spec.run(this.ctx, this.ref(playerId), input);
  }

  /** Moves the clock by one tick and runs the logic's `onTick`; returns what it returned. */
  tick(): boolean {
    this.advance(this.ctx.clock.tickMs);
    return this.logic.onTick?.(this.ctx) === true;
  }

  advance(ms: number): void {
    this.ctx.clock = { now: this.ctx.clock.now + ms, tickMs: this.ctx.clock.tickMs };
  }

  /** Publishes a frame (what the room would send) and applies it to `mirror`; returns the frame. */
  publish(): { frame: number; key: boolean; ops: number[]; strings: string[] } {
    const out = new FrameRecords();
    let ops: number[];
    let strings: string[];
    if (this.state.grid) {
      // Interest management: a mirror that sees every cell gets the global delta and every cell's.
      const deltas = writeCellDeltas(this.state);
      ops = [...deltas.global.ops];
      strings = [...deltas.global.strings];
      for (const [cell, records] of deltas.cells) {
        ops.push(...markerOps(cell, false), ...records.ops);
        strings.push(...records.strings);
      }
    } else {
      this.state.writeDelta(out);
      [ops, strings] = [[...out.ops], [...out.strings]];
    }
    const body = { frame: ++this.frame, key: false, ops, strings };
    if (!this.mirror.apply(body)) throw new Error('harness: the mirror refused a delta');
    return body;
  }

  private relist(change: ListingChange): void {
    if (change.locked !== undefined) this.listing.locked = change.locked;
    for (const [name, value] of Object.entries(change.metadata ?? {})) {
      if (value === null) delete this.listing.metadata[name];
      else this.listing.metadata[name] = value;
    }
  }

  private kick(player: PlayerRef, reason: string): void {
    this.kicked.push({ player, reason });
    this.players.delete(player.playerId);
    this.logic.onLeave(this.ctx, player, LeaveReason.Kicked);
  }
}

/**
 * A `GameLogicRegistry` of the given `@GameRoomKind()` instances, without Nest's discovery: for
 * specs of the core that need real kinds. The first kind is the default.
 *
 * @example const kinds = kindRegistry([new ArenaLogic(config), new TagLogic(tagConfig)], { maxPlayers: 2 });
 */
export function kindRegistry(
  logics: GameLogic<any, any>[],
  rooms: { maxPlayers?: number; defaultKind?: string; kindRules?: { pattern: string; kind: string }[] } = {},
): GameLogicRegistry {
  const kinds = logics.map((logic) => {
    const meta = Reflect.getMetadata(GAME_ROOM_KIND, logic.constructor) as { kind: string; options: RoomKindOptions } | undefined;
    if (!meta) throw new Error(`kindRegistry: ${logic.constructor.name} has no @GameRoomKind()`);
    return { ...meta, logic };
  });
  const config = { defaultKind: kinds[0]?.kind ?? 'arena', kindRules: [], maxPlayers: 64, ...rooms };
  const registry = new GameLogicRegistry(undefined as never, undefined as never, config as never);
  for (const { kind, options, logic } of kinds) registry.add(kind, options, logic);
  return registry;
}
