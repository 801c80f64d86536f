import { type CellBounds, cellAtPoint, cellBounds, type ViewState } from './state/cells.js';
import type { AnyRoomTypes, Entity, EntityType, RoomFields, RoomTypes } from './state/room-types.js';
import type { StateMirror } from './state/state-mirror.js';
import type { TypedState } from './state/typed-state.js';
import type { PlayerJoinedPayload, PlayerSnapshot, RoomJoinedPayload, RoomPlayer, SyncPayload, Vec3 } from './types.js';

/**
 * What the client knows of a room: its members (identity from join events) and, on a protocol v2
 * connection, the room's typed state (room fields and entities, kept from keyframes and deltas).
 * On v1 the members carry the values of the latest `sync` and the typed state is empty.
 */
export interface RoomState<T extends RoomTypes = AnyRoomTypes> {
  /** v1: `frame_num` of the latest snapshot (`room_joined` or `sync`); v2: the frame the typed state is at. */
  readonly frameNum: number;
  /** Members by `player_id`. */
  readonly players: ReadonlyMap<string, RoomPlayer>;
  /** v2: the room's own fields, one object updated in place (empty on v1). */
  readonly room: RoomFields<T>;
  /** v2: every entity by id (not the room itself). */
  readonly entities: ReadonlyMap<number, Entity<T>>;
  /** v2: the entity with this id. */
  get(id: number): Entity<T> | undefined;
  /**
   * v2: the entities of one type.
   * @example for (const flag of room.state.ofType('flag')) draw(flag.x, flag.y);
   */
  ofType<K extends EntityType<T>>(type: K): IterableIterator<Entity<T, K>>;
  /**
   * v2: when the current frame happened on the local clock (`performance.now()`): its arrival,
   * spaced at least one tick after the frame before. What interpolation places values at.
   */
  readonly time: number;
  /**
   * v2, interest-managed rooms (a kind that declares `interest`, such as `world`): the cells the
   * client sees and the grid they belong to; undefined in other rooms. `entities` holds only what
   * is in view (and the global entities); `room.onEnterView`/`onLeaveView` say what comes and goes.
   * @example const inView = room.state.view?.sees(x, y) ?? true;
   */
  readonly view: ViewState | undefined;
}

const zero = (): Vec3 => ({ x: 0, y: 0, z: 0 });
const NO_ENTITIES: ReadonlyMap<number, never> = new Map<number, never>();

/**
 * Keeps a {@link RoomState} from `room_joined` (a full snapshot), `player_joined`/`player_left`
 * (membership) and `sync` (values). Membership changes only with reliable events; a `sync` updates
 * the members it names and ignores others, so a late or early snapshot never adds a ghost. The
 * typed state (v2) is read from the room's {@link TypedState}.
 */
export class RoomStateMirror {
  private snapshotFrame = 0;
  private viewOf: { mirror: StateMirror; view: ViewState } | undefined;
  readonly players = new Map<string, RoomPlayer>();

  constructor(private readonly typed: TypedState) {}

  get frameNum(): number {
    return this.typed.mirror ? this.typed.mirror.frame : this.snapshotFrame;
  }

  get room(): Record<string, unknown> {
    return this.typed.mirror?.room ?? {};
  }

  get entities(): ReadonlyMap<number, Entity<AnyRoomTypes>> {
    return (this.typed.mirror?.entities ?? NO_ENTITIES) as ReadonlyMap<number, Entity<AnyRoomTypes>>;
  }

  get time(): number {
    return this.typed.time;
  }

  get view(): ViewState | undefined {
    const mirror = this.typed.mirror;
    if (!mirror?.descriptor.interest) return undefined;
    if (this.viewOf?.mirror !== mirror) this.viewOf = { mirror, view: viewOf(mirror) };
    return this.viewOf.view;
  }

  get(id: number): Entity<AnyRoomTypes> | undefined {
    return this.entities.get(id);
  }

  ofType(type: string): IterableIterator<Entity<AnyRoomTypes>> {
    return (this.typed.mirror?.ofType(type) ?? NO_ENTITIES).values() as IterableIterator<Entity<AnyRoomTypes>>;
  }

  reset(snapshot: RoomJoinedPayload): void {
    this.snapshotFrame = snapshot.frame_num;
    this.players.clear();
    for (const player of snapshot.players) this.players.set(player.player_id, { ...player });
  }

  joined(event: PlayerJoinedPayload): void {
    const known = this.players.get(event.player_id);
    const { room_id: _room, ...identity } = event;
    this.players.set(event.player_id, {
      position: zero(),
      velocity: zero(),
      health: 0,
      score: 0,
      last_input_seq: 0,
      ...known,
      ...identity,
    });
  }

  left(playerId: string): void {
    this.players.delete(playerId);
  }

  sync(snapshot: SyncPayload): void {
    this.snapshotFrame = snapshot.frame_num;
    for (const values of snapshot.players) {
      const player = this.players.get(values.player_id);
      if (player) Object.assign(player, pick(values));
    }
  }
}

function pick(values: PlayerSnapshot): PlayerSnapshot {
  const { player_id, position, velocity, health, score, last_input_seq } = values;
  return { player_id, position, velocity, health, score, last_input_seq: last_input_seq ?? 0 };
}

/** The view of a mirror of an interest-managed room, reading the mirror's cells live. */
function viewOf(mirror: StateMirror): ViewState {
  const interest = mirror.descriptor.interest!;
  return {
    get cells() {
      return mirror.cells;
    },
    interest,
    cellOf: (id) => (mirror.entities.has(id) && mirror.cellOf(id) >= 0 ? mirror.cellOf(id) : undefined),
    sees: (x, y) => mirror.cells.has(cellAtPoint(x, y, interest.cellSize)),
    bounds: (): CellBounds[] => [...mirror.cells].map((cell) => cellBounds(cell, interest.cellSize)),
  };
}
