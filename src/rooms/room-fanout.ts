import { Inject, Injectable, Optional } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { type Observable, Subject } from 'rxjs';
import { type Bus, BUS } from '../bus';
import { WireVersion } from '../codec';
import { type Connection, ConnectionPool } from '../connection';
import { roomsConfig } from '../config';
import { GameLogicRegistry } from '../game-api';
import { ROOM_HISTORY, type RoomHistory } from '../history';
import { LeaveReason, MessageType, type ServerMessage } from '../protocol';
import { type CellGrid, CellView, type FrameChanges, NO_VIEW_CHANGE, planFrame } from '../state';
import { FrameOutbox, v1SyncOf, type Personal } from './frame-outbox';
import { InterestOutbox } from './interest-outbox';
import { ROOM_BROADCAST, type RoomBroadcast, roomChannel } from './room-broadcast.topic';
import { KEYFRAME_REQUEST, ROOM_FRAME, type RoomFrame, roomControlChannel } from './room-frame.topic';

/** What a resuming (or joining) connection is kept while its snapshot is read: broadcasts and frames, in arrival order. */
type Held = { broadcast: RoomBroadcast } | { frame: RoomFrame };

interface LocalRoom {
  readonly id: string;
  /** The number this instance's v2 members know the room by in `state` frames (≥ 1, unique here). */
  readonly handle: number;
  /** Connections that get the room's traffic as it comes. */
  readonly members: Set<Connection>;
  /** Connections whose traffic is kept for later (a join or resume waiting for its snapshot). */
  readonly held: Map<Connection, Held[]>;
  /** v2 members owed a keyframe: a frame to them was dropped (slow consumer); they get no delta until then. */
  readonly needKey: Set<Connection>;
  /** Frame after which a keyframe was last asked for (one request per frame at most). */
  keyAskedAt: number;
  /**
   * Per connection, the last frame it was sent (or its snapshot's): a frame not above it is not
   * for it (it came late on the bus, behind the snapshot), and, in an interest-managed room, the
   * base its next delta names.
   */
  readonly sent: Map<Connection, number>;
  /** Interest-managed rooms: the kind's grid, and what each connection here sees (its owner's view, kept in step). */
  grid: CellGrid | undefined;
  readonly views: Map<Connection, CellView>;
  /** State frame bytes written to this instance's members since the room came here (the admin console's bytes/s). */
  frameBytes: number;
  /**
   * The highest frame delivered here: a frame not above it is never delivered (late on the bus,
   * or from an owner that restarted the room lower after Redis lost it), so that `frame_num`
   * never goes backwards for a member here.
   */
  lastFrame: number;
  /**
   * Per connection released with a snapshot, its offset, until a reliable event above it arrived:
   * one at or below it that comes later (the owner's reply overtook the room's broadcast, as on
   * different Redis Cluster shards) is already in the snapshot and is not delivered again.
   */
  readonly floors: Map<Connection, number>;
  /** The highest reliable-event offset delivered here: where a move of the room to another instance replays from. */
  lastOffset: number;
  readonly unsubscribe: () => void;
}

type ViewUpdate = NonNullable<RoomFrame['interest']>['views'][number];

/** What every member's share of one interest-managed frame is made from on this instance. */
class InterestTick {
  readonly out: InterestOutbox;
  /** The owner's view changes, by client id. */
  readonly views: Map<string, ViewUpdate>;
  readonly changes: FrameChanges;

  constructor(frame: RoomFrame, stamped: boolean) {
    const interest = frame.interest!;
    this.out = new InterestOutbox(frame, stamped);
    this.views = new Map(interest.views.map((v) => [v.clientId, v]));
    this.changes = { globalChanged: (frame.delta?.ops.length ?? 0) > 0, hasCell: (cell) => interest.cells.has(cell) };
  }
}

/**
 * Delivery of room traffic to this instance's members, and the one place where a connection
 * enters or leaves a room's delivery: `attach`, `hold`/`release` and `detach` keep
 * `Connection.rooms`, the room's local members and the held traffic of a joining or resuming
 * connection consistent. An instance is subscribed to a room's bus channel exactly while it has
 * local members (live or held) there.
 *
 * State frames (`RoomFrame`, one per tick from the room's owner) become, per member, a v1 `sync`
 * or a v2 delta or keyframe, each encoded once per codec whatever the member count. A v2 member
 * whose frame was dropped (slow consumer) gets no delta until it got a keyframe: a delta on a base
 * it lacks is never sent. The owner is asked for that keyframe on the room's control channel.
 */
@Injectable()
export class RoomFanout {
  private readonly local = new Map<string, LocalRoom>();
  /** Handles given back by rooms that left this instance, reused first (so handles stay small). */
  private readonly freedHandles: number[] = [];
  private nextHandle = 1;
  /** STATE_FRAME_TIME: every v2 frame carries its tick's time. */
  private readonly stamped: boolean;
  private readonly departures = new Subject<{ connection: Connection; roomId: string }>();
  /** Connections removed from a room by its owner (kicked): whoever tracks seats by connection forgets them. */
  readonly departures$: Observable<{ connection: Connection; roomId: string }> = this.departures.asObservable();
  private readonly memberships = new Subject<Connection>();
  /** A connection whose rooms changed (attached to one, or detached): what its session record keeps. */
  readonly memberships$: Observable<Connection> = this.memberships.asObservable();

  constructor(
    @Inject(BUS) private readonly bus: Bus,
    @Inject(ROOM_HISTORY) private readonly history: RoomHistory,
    private readonly pool: ConnectionPool,
    private readonly kinds: GameLogicRegistry,
    @Optional() @Inject(roomsConfig.KEY) config?: Pick<ConfigType<typeof roomsConfig>, 'stateFrameTime'>,
  ) {
    this.stamped = config?.stateFrameTime ?? false;
  }

  /** `connection` is in the room here from now on: it gets every broadcast and frame published after this call. */
  attach(connection: Connection, roomId: string): void {
    connection.rooms.add(roomId);
    const room = this.subscribed(roomId);
    room.held.delete(connection);
    room.members.add(connection);
    this.memberships.next(connection);
  }

  /**
   * `connection` is in the room here, but the room's traffic is kept for it instead of sent until
   * `release`: a join or resume reads its snapshot after this call and must neither lose nor
   * reorder what is published meanwhile.
   */
  hold(connection: Connection, roomId: string): void {
    connection.rooms.add(roomId);
    const room = this.subscribed(roomId);
    if (!room.members.has(connection) && !room.held.has(connection)) room.held.set(connection, []);
  }

  /** A live member is held again until `release` (its room moves to a copy that sends it a new snapshot); see `hold`. */
  rehold(connection: Connection, roomId: string): void {
    const room = this.local.get(roomId);
    if (room?.members.delete(connection)) room.held.set(connection, []);
  }

  /**
   * Ends a hold with the connection's snapshot: sends `snapshot` (as this connection's protocol
   * version needs it: v2 gets the room's handle here, v1 a `sync` right after), then, in arrival
   * order, what was kept that the snapshot does not already hold (reliable events with an offset
   * above the snapshot's, frames above its frame), then delivers live. Without a snapshot (the
   * seat is gone, or the join or resume failed) the connection leaves the room here.
   */
  release(connection: Connection, roomId: string, snapshot?: ServerMessage<'room_joined'>): void {
    if (!snapshot) return this.detach(connection, roomId);
    const room = this.subscribed(roomId);
    const kept = room.held.get(connection) ?? [];
    this.pool.send(connection, this.personal(connection, room, snapshot));
    if (connection.wireVersion === WireVersion.V1) this.pool.send(connection, v1SyncOf(snapshot));
    const { offset, frame_num, view, kind } = snapshot.payload;
    room.sent.set(connection, frame_num);
    room.floors.set(connection, offset);
    room.needKey.delete(connection);
    if (view && kind) {
      room.grid ??= this.kinds.get(kind).grid;
      const cells = new CellView(room.grid!);
      cells.reset(view);
      room.views.set(connection, cells);
    }
    this.attach(connection, roomId);
    for (const item of kept) {
      if ('frame' in item) {
        this.deliverTo(room, connection, item.frame);
        continue;
      }
      const { message, except, cell } = item.broadcast;
      if (except === connection.clientId || !((message.offset ?? Infinity) > offset) || !this.sees(room, connection, cell)) continue;
      this.pool.send(connection, message);
    }
  }

  /** `connection` leaves the room here (live or held); the last local member unsubscribes the instance. */
  detach(connection: Connection, roomId: string): void {
    if (connection.rooms.delete(roomId)) this.memberships.next(connection);
    const room = this.local.get(roomId);
    if (!room) return;
    room.members.delete(connection);
    room.held.delete(connection);
    room.needKey.delete(connection);
    room.sent.delete(connection);
    room.floors.delete(connection);
    room.views.delete(connection);
    if (room.members.size > 0 || room.held.size > 0) return;
    room.unsubscribe();
    this.freedHandles.push(room.handle);
    this.local.delete(roomId);
  }

  /** Rooms with members on this instance. */
  get localRoomCount(): number {
    return this.local.size;
  }

  /** Per room with members here: state frame bytes written to them so far (a rate is two readings apart). */
  *frameBytesSent(): IterableIterator<[roomId: string, bytes: number]> {
    for (const room of this.local.values()) yield [room.id, room.frameBytes];
  }

  /** A reliable event: appended to the room's history (gets its `offset`), then published (`cell`: see `publish`). */
  publishReliable(roomId: string, message: ServerMessage, except?: string, cell?: number): number {
    const { offset } = this.history.append(roomId, message);
    this.publish(roomId, message, except, cell);
    return offset;
  }

  /**
   * A transient message: published to every instance with members, never replayed. `cell`
   * (interest-managed rooms): only members who see that cell get it.
   */
  publish(roomId: string, message: ServerMessage, except?: string, cell?: number): void {
    this.bus.publish(roomChannel(roomId), ROOM_BROADCAST, { message, except, ...(cell !== undefined && { cell }) });
  }

  /** A room's frame (by the instance that runs it, once per tick): every instance sends its members their share. */
  publishFrame(roomId: string, frame: RoomFrame): void {
    this.bus.publish(roomChannel(roomId), ROOM_FRAME, frame);
  }

  private subscribed(roomId: string): LocalRoom {
    let room = this.local.get(roomId);
    if (room) return room;
    const members = new Set<Connection>();
    const held = new Map<Connection, Held[]>();
    const handle = this.freeHandle();
    const unsubscribeBroadcasts = this.bus.subscribe(roomChannel(roomId), ROOM_BROADCAST, (broadcast) => {
      for (const kept of held.values()) kept.push({ broadcast });
      const offset = broadcast.message.offset;
      if (offset !== undefined && offset > room!.lastOffset) room!.lastOffset = offset;
      const receivers = offset !== undefined && room!.floors.size > 0 ? this.aboveFloor(room!, offset) : members;
      if (broadcast.cell === undefined) this.pool.broadcast(receivers, broadcast.message, broadcast.except);
      else this.pool.broadcast(this.seeing(room!, broadcast.cell, receivers), broadcast.message, broadcast.except);
      if (broadcast.message.type === MessageType.PlayerLeft) this.leaveIfKicked(room!, broadcast.message as ServerMessage<'player_left'>);
    });
    const unsubscribeFrames = this.bus.subscribe(roomChannel(roomId), ROOM_FRAME, (frame) => {
      for (const kept of held.values()) kept.push({ frame });
      this.deliverFrame(room!, frame);
    });
    room = {
      id: roomId,
      handle,
      members,
      held,
      needKey: new Set(),
      keyAskedAt: -1,
      sent: new Map(),
      grid: undefined,
      views: new Map(),
      frameBytes: 0,
      lastFrame: 0,
      floors: new Map(),
      lastOffset: 0,
      unsubscribe: () => {
        unsubscribeBroadcasts();
        unsubscribeFrames();
      },
    };
    this.local.set(roomId, room);
    return room;
  }

  /** The highest reliable-event offset of the room delivered on this instance (0: none, or no members here). */
  lastOffset(roomId: string): number {
    return this.local.get(roomId)?.lastOffset ?? 0;
  }

  /** The highest frame of the room delivered on this instance (0: none, or no members here): where a successor's frames must start above. */
  lastFrame(roomId: string): number {
    return this.local.get(roomId)?.lastFrame ?? 0;
  }

  private deliverFrame(room: LocalRoom, frame: RoomFrame): void {
    if (frame.frame <= room.lastFrame) return;
    room.lastFrame = frame.frame;
    if (frame.interest) return this.deliverInterest(room, frame);
    const out = new FrameOutbox(frame, room.handle, this.stamped);
    for (const connection of room.members) this.sendFrame(room, connection, frame, out);
    room.frameBytes += out.count(this.pool);
    if (room.needKey.size > 0 && !frame.key && room.keyAskedAt < frame.frame) {
      room.keyAskedAt = frame.frame;
      this.bus.publish(roomControlChannel(room.id), KEYFRAME_REQUEST, {});
    }
  }

  /** A held connection's frame, on its release: what live delivery would have sent it. */
  private deliverTo(room: LocalRoom, connection: Connection, frame: RoomFrame): void {
    if (frame.interest) {
      const tick = new InterestTick(frame, this.stamped);
      this.sendInterest(room, connection, frame, tick);
      room.frameBytes += tick.out.countShared(this.pool);
      return;
    }
    const out = new FrameOutbox(frame, room.handle, this.stamped);
    this.sendFrame(room, connection, frame, out);
    out.count(this.pool);
  }

  /**
   * An interest-managed room's frame: each member its own frame, made of the parts its view
   * needs (encoded once for all members who need them; members that see the same cells and have
   * nothing else to be told share one composed frame). A member owed a keyframe gets nothing
   * until the owner sends it one of everything it sees; it was asked for it by client id.
   */
  private deliverInterest(room: LocalRoom, frame: RoomFrame): void {
    const tick = new InterestTick(frame, this.stamped);
    for (const connection of room.members) this.sendInterest(room, connection, frame, tick);
    room.frameBytes += tick.out.countShared(this.pool);
  }

  private sendInterest(room: LocalRoom, connection: Connection, frame: RoomFrame, tick: InterestTick): void {
    const last = room.sent.get(connection);
    if (last !== undefined && frame.frame <= last) return; // behind this connection's snapshot
    if (connection.wireVersion === WireVersion.V1) {
      const sync = frame.interest!.syncs.get(connection.clientId);
      if (sync) this.pool.send(connection, { type: MessageType.Sync, payload: sync, timestamp: frame.time, room_id: sync.room_id });
      return;
    }
    const view = room.views.get(connection);
    if (!view) return;
    const update = tick.views.get(connection.clientId);
    if (update?.full) view.reset(update.entered);
    else if (update) view.apply(update);
    const full = update?.full ?? false;
    if (room.needKey.has(connection) && !full) return; // owed a keyframe: nothing else first
    const base = full || last === undefined || last === frame.frame - 1 ? undefined : last;
    const handle = connection.rooms.size === 1 ? undefined : room.handle;
    let written: boolean;
    if (!update && base === undefined && handle === undefined) {
      // The common case: the member only needs what changed in its view, as every member seeing the same cells does.
      const shared = tick.out.viewFrame(connection.codec, view, tick.changes);
      if (!shared) return;
      written = this.pool.sendShared(connection, shared);
    } else {
      const parts = planFrame(view, full || !update ? NO_VIEW_CHANGE : update, tick.changes, full);
      if (!parts) return;
      const bytes = tick.out.compose(connection.codec, parts, { room: handle, base, key: full });
      written = this.pool.sendEncoded(connection, bytes, InterestOutbox.kind);
      if (written) room.frameBytes += bytes.length;
    }
    if (written) {
      room.sent.set(connection, frame.frame);
      room.needKey.delete(connection);
    } else if (!room.needKey.has(connection)) {
      room.needKey.add(connection);
      this.bus.publish(roomControlChannel(room.id), KEYFRAME_REQUEST, { clientId: connection.clientId });
    }
  }

  /** Interest-managed rooms: the members here who see `cell`. */
  private *seeing(room: LocalRoom, cell: number, among: Iterable<Connection> = room.members): IterableIterator<Connection> {
    for (const connection of among) if (this.sees(room, connection, cell)) yield connection;
  }

  /** The members a reliable event at `offset` is new to; a floor it passes is dropped (in order from here on). */
  private aboveFloor(room: LocalRoom, offset: number): Connection[] {
    const receivers: Connection[] = [];
    for (const connection of room.members) {
      const floor = room.floors.get(connection);
      if (floor !== undefined && offset <= floor) continue;
      if (floor !== undefined) room.floors.delete(connection);
      receivers.push(connection);
    }
    return receivers;
  }

  private sees(room: LocalRoom, connection: Connection, cell: number | undefined): boolean {
    if (cell === undefined) return true;
    const view = room.views.get(connection);
    return view === undefined ? connection.wireVersion === WireVersion.V1 : view.has(cell);
  }

  /** One member's share of a frame: `sync` (v1), else a keyframe if it is owed one (or everyone is), else the delta. */
  private sendFrame(room: LocalRoom, connection: Connection, frame: RoomFrame, out: FrameOutbox): void {
    // The size checks skip two hash lookups per member on the common tick (no one catching up, no
    // one owed a keyframe): each reads the cold connection's hash, and this runs per member per tick.
    const last = room.sent.size === 0 ? undefined : room.sent.get(connection);
    if (last !== undefined) {
      if (frame.frame <= last) return; // behind this connection's snapshot (late on the bus)
      room.sent.delete(connection); // past it: frames come in order from here on
    }
    if (connection.wireVersion === WireVersion.V1) {
      if (frame.sync) this.pool.sendShared(connection, out.sync());
      return;
    }
    const bare = connection.rooms.size === 1;
    if (frame.keyOnly || (room.needKey.size > 0 && room.needKey.has(connection))) {
      if (frame.key && this.pool.sendShared(connection, out.key(bare))) room.needKey.delete(connection);
      else room.needKey.add(connection);
      return;
    }
    if (frame.delta && !this.pool.sendShared(connection, out.delta(bare))) room.needKey.add(connection);
  }

  /** `room_joined` as this connection needs it: v2 with this instance's handle, v1 without the v2 state. */
  private personal(connection: Connection, room: LocalRoom, snapshot: ServerMessage<'room_joined'>): Personal {
    const { state, schema, handle, view, ...v1 } = snapshot.payload;
    if (connection.wireVersion === WireVersion.V1) return { ...snapshot, payload: v1 };
    return { ...snapshot, payload: { ...v1, handle: room.handle, state, schema } };
  }

  /** A member removed by the room's owner (kicked) was sent its `player_left`: it is out of the room here too. */
  private leaveIfKicked(room: LocalRoom, left: ServerMessage<'player_left'>): void {
    if (left.payload.reason !== LeaveReason.Kicked) return;
    for (const connection of room.members) {
      if (connection.clientId !== left.payload.client_id) continue;
      this.detach(connection, room.id);
      this.departures.next({ connection, roomId: room.id });
      return;
    }
  }

  private freeHandle(): number {
    return this.freedHandles.pop() ?? this.nextHandle++;
  }
}
