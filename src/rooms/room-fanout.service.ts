import { Inject, Injectable } from '@nestjs/common';
import { type Bus, BUS, type BusMessage, type RoomBroadcast, roomChannel } from '../bus';
import { type Connection, ConnectionPool } from '../connection';
import { DIRECT_LOG, type DirectLog, ROOM_HISTORY, type RoomHistory } from '../history';
import type { ServerMessage } from '../protocol';

/** Delivers to a client of another instance; resolves false when no instance holds it. */
export type RemoteDelivery = (clientId: string, message: ServerMessage, sequenced: boolean) => Promise<boolean>;

interface LocalRoom {
  readonly members: Set<Connection>;
  /** Connections whose broadcasts are kept for later (a resume waiting for its replay). */
  readonly held: Map<Connection, RoomBroadcast[]>;
  readonly unsubscribe: () => void;
}

/**
 * Delivery side of rooms on this instance: which local connections are in which room, and the
 * bus subscription that feeds them. An instance is subscribed to a room's channel exactly while
 * it has local members there.
 */
@Injectable()
export class RoomFanout {
  private readonly local = new Map<string, LocalRoom>();
  private remote: RemoteDelivery | undefined;

  constructor(
    @Inject(BUS) private readonly bus: Bus,
    @Inject(ROOM_HISTORY) private readonly history: RoomHistory,
    @Inject(DIRECT_LOG) private readonly directLog: DirectLog,
    private readonly pool: ConnectionPool,
  ) {}

  attach(roomId: string, connection: Connection): void {
    this.subscribed(roomId).members.add(connection);
  }

  detach(roomId: string, connection: Connection): void {
    const room = this.local.get(roomId);
    if (!room) return;
    room.members.delete(connection);
    this.unsubscribeIfUnused(roomId, room);
  }

  /**
   * Keeps the room's broadcasts for `connection` instead of sending them (subscribing this
   * instance if needed) until `unhold` hands them over: a resume fetching its replay from the
   * room's owner must neither lose nor reorder what is published meanwhile.
   */
  hold(roomId: string, connection: Connection): void {
    const room = this.subscribed(roomId);
    if (!room.held.has(connection)) room.held.set(connection, []);
  }

  /** Stops holding; returns what was kept, in arrival order. */
  unhold(roomId: string, connection: Connection): RoomBroadcast[] {
    const room = this.local.get(roomId);
    const kept = room?.held.get(connection) ?? [];
    if (!room) return kept;
    room.held.delete(connection);
    this.unsubscribeIfUnused(roomId, room);
    return kept;
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

  /** A transient message (e.g. `sync`): published, never replayed. */
  publish(roomId: string, message: ServerMessage, except?: string): void {
    this.bus.publish(roomChannel(roomId), { kind: 'room', roomId, message, except });
  }

  /** Set by the Redis bridge: clients connected to other instances become reachable. */
  setRemoteDelivery(remote: RemoteDelivery): void {
    this.remote = remote;
  }

  /**
   * Sends a message to one client wherever it is connected. Returns false when it is known not
   * to be connected; a client of another instance is sent to without waiting (true).
   */
  toClient(clientId: string, message: ServerMessage): boolean {
    if (this.remote && !this.pool.get(clientId)) {
      void this.remote(clientId, message, false);
      return true;
    }
    const connection = this.pool.get(clientId);
    return connection ? this.pool.send(connection, message) : false;
  }

  /** Like `toClient`, but resolves false when no instance holds the client. */
  async toClientAnywhere(clientId: string, message: ServerMessage, options?: { sequenced?: boolean }): Promise<boolean> {
    if (this.remote && !this.pool.get(clientId)) return this.remote(clientId, message, options?.sequenced ?? false);
    return this.toLocalClient(clientId, message, options);
  }

  /**
   * Sends to a client of this instance only. `sequenced` (direct messages) goes through the
   * session's direct log, which assigns `seq` and keeps it for replay after a resume.
   */
  toLocalClient(clientId: string, message: ServerMessage, options?: { sequenced?: boolean }): boolean | Promise<boolean> {
    if (options?.sequenced) return this.sendDirect(clientId, message);
    const connection = this.pool.get(clientId);
    if (!connection) return false;
    return this.pool.send(connection, message);
  }

  /**
   * A direct message: gets the recipient session's next `seq` and is kept in its buffer (for
   * replay after a resume), then sent if the recipient is connected right now. Returns false when
   * there is no session to deliver to (neither connected nor within its resume grace).
   */
  async sendDirect(clientId: string, message: ServerMessage): Promise<boolean> {
    const seq = await this.directLog.append(clientId, message);
    if (seq === undefined) return false;
    const connection = this.pool.get(clientId);
    if (connection) this.pool.send(connection, message);
    return true;
  }

  private subscribed(roomId: string): LocalRoom {
    let room = this.local.get(roomId);
    if (!room) {
      const members = new Set<Connection>();
      const held = new Map<Connection, RoomBroadcast[]>();
      const unsubscribe = this.bus.subscribe(roomChannel(roomId), (message) => this.deliver(members, held, message));
      this.local.set(roomId, (room = { members, held, unsubscribe }));
    }
    return room;
  }

  private unsubscribeIfUnused(roomId: string, room: LocalRoom): void {
    if (room.members.size > 0 || room.held.size > 0) return;
    room.unsubscribe();
    this.local.delete(roomId);
  }

  private deliver(members: Set<Connection>, held: Map<Connection, RoomBroadcast[]>, message: BusMessage): void {
    if (message.kind !== 'room') return;
    for (const kept of held.values()) kept.push(message);
    this.pool.broadcast(members, message.message, message.except);
  }
}
