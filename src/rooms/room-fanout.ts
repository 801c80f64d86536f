import { Inject, Injectable } from '@nestjs/common';
import { type Bus, BUS } from '../bus';
import { type Connection, ConnectionPool } from '../connection';
import { ROOM_HISTORY, type RoomHistory } from '../history';
import { MessageType, type ServerMessage } from '../protocol';
import { ROOM_BROADCAST, type RoomBroadcast, roomChannel } from './room-broadcast.topic';

interface LocalRoom {
  /** Connections that get the room's broadcasts as they come. */
  readonly members: Set<Connection>;
  /** Connections whose broadcasts are kept for later (a resume waiting for its replay). */
  readonly held: Map<Connection, RoomBroadcast[]>;
  readonly unsubscribe: () => void;
}

/**
 * Delivery of room traffic to this instance's members, and the one place where a connection
 * enters or leaves a room's delivery: `attach`, `hold`/`release` and `detach` keep
 * `Connection.rooms`, the room's local members and the held broadcasts of a resuming connection
 * consistent. An instance is subscribed to a room's bus channel exactly while it has local
 * members (live or held) there.
 */
@Injectable()
export class RoomFanout {
  private readonly local = new Map<string, LocalRoom>();

  constructor(
    @Inject(BUS) private readonly bus: Bus,
    @Inject(ROOM_HISTORY) private readonly history: RoomHistory,
    private readonly pool: ConnectionPool,
  ) {}

  /** `connection` is in the room here from now on: it gets every broadcast published after this call. */
  attach(connection: Connection, roomId: string): void {
    connection.rooms.add(roomId);
    const room = this.subscribed(roomId);
    room.held.delete(connection);
    room.members.add(connection);
  }

  /**
   * `connection` is in the room here, but the room's broadcasts are kept for it instead of sent
   * until `release`: a resume reads its replay after this call and must neither lose nor reorder
   * what is published meanwhile.
   */
  hold(connection: Connection, roomId: string): void {
    connection.rooms.add(roomId);
    const room = this.subscribed(roomId);
    if (!room.members.has(connection) && !room.held.has(connection)) room.held.set(connection, []);
  }

  /**
   * Ends a hold once the connection was sent its replay and `snapshot`: sends it, in arrival
   * order, what was kept that the snapshot does not already hold (reliable events with an offset
   * above the snapshot's, `sync`s with a frame above its frame), then delivers live. Without a
   * snapshot (the seat is gone, or the resume was abandoned) the connection leaves the room here.
   */
  release(connection: Connection, roomId: string, snapshot?: ServerMessage<'room_joined'>): void {
    if (!snapshot) return this.detach(connection, roomId);
    const room = this.local.get(roomId);
    const kept = room?.held.get(connection) ?? [];
    const { offset, frame_num } = snapshot.payload;
    for (const { message, except } of kept) {
      if (except === connection.clientId || !((message.offset ?? Infinity) > offset)) continue;
      if (message.type === MessageType.Sync && !((message.payload as { frame_num: number }).frame_num > frame_num)) continue;
      this.pool.send(connection, message);
    }
    this.attach(connection, roomId);
  }

  /** `connection` leaves the room here (live or held); the last local member unsubscribes the instance. */
  detach(connection: Connection, roomId: string): void {
    connection.rooms.delete(roomId);
    const room = this.local.get(roomId);
    if (!room) return;
    room.members.delete(connection);
    room.held.delete(connection);
    if (room.members.size > 0 || room.held.size > 0) return;
    room.unsubscribe();
    this.local.delete(roomId);
  }

  /** Rooms with members on this instance. */
  get localRoomCount(): number {
    return this.local.size;
  }

  /** A reliable event: appended to the room's history (gets its `offset`), then published. */
  publishReliable(roomId: string, message: ServerMessage, except?: string): number {
    const { offset } = this.history.append(roomId, message);
    this.publish(roomId, message, except);
    return offset;
  }

  /** A transient message (e.g. `sync`): published to every instance with members, never replayed. */
  publish(roomId: string, message: ServerMessage, except?: string): void {
    this.bus.publish(roomChannel(roomId), ROOM_BROADCAST, { message, except });
  }

  private subscribed(roomId: string): LocalRoom {
    let room = this.local.get(roomId);
    if (!room) {
      const members = new Set<Connection>();
      const held = new Map<Connection, RoomBroadcast[]>();
      const unsubscribe = this.bus.subscribe(roomChannel(roomId), ROOM_BROADCAST, (broadcast) => {
        for (const kept of held.values()) kept.push(broadcast);
        this.pool.broadcast(members, broadcast.message, broadcast.except);
      });
      this.local.set(roomId, (room = { members, held, unsubscribe }));
    }
    return room;
  }
}
