import { Inject, Injectable } from '@nestjs/common';
import { type Bus, BUS, type BusMessage, roomChannel } from '../bus';
import { type Connection, ConnectionPool } from '../connection';
import { ROOM_HISTORY, type RoomHistory } from '../history';
import type { ServerMessage } from '../protocol';

/** Delivers to a client of another instance; resolves false when no instance holds it. */
export type RemoteDelivery = (clientId: string, message: ServerMessage, sequenced: boolean) => Promise<boolean>;

interface LocalRoom {
  readonly members: Set<Connection>;
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
    private readonly pool: ConnectionPool,
  ) {}

  attach(roomId: string, connection: Connection): void {
    let room = this.local.get(roomId);
    if (!room) {
      const members = new Set<Connection>();
      const unsubscribe = this.bus.subscribe(roomChannel(roomId), (message) => this.deliver(members, message));
      this.local.set(roomId, (room = { members, unsubscribe }));
    }
    room.members.add(connection);
  }

  detach(roomId: string, connection: Connection): void {
    const room = this.local.get(roomId);
    if (!room) return;
    room.members.delete(connection);
    if (room.members.size === 0) {
      room.unsubscribe();
      this.local.delete(roomId);
    }
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
  toClient(clientId: string, message: ServerMessage, options?: { sequenced?: boolean }): boolean {
    if (this.remote && !this.pool.get(clientId)) {
      void this.remote(clientId, message, options?.sequenced ?? false);
      return true;
    }
    return this.toLocalClient(clientId, message, options);
  }

  /** Like `toClient`, but resolves false when no instance holds the client. */
  async toClientAnywhere(clientId: string, message: ServerMessage, options?: { sequenced?: boolean }): Promise<boolean> {
    if (this.remote && !this.pool.get(clientId)) return this.remote(clientId, message, options?.sequenced ?? false);
    return this.toLocalClient(clientId, message, options);
  }

  /** Sends to a client of this instance only. */
  toLocalClient(clientId: string, message: ServerMessage, options?: { sequenced?: boolean }): boolean {
    const connection = this.pool.get(clientId);
    if (!connection) return false;
    // Direct messages carry the recipient session's next `seq` (PROTOCOL.md, "Messages").
    if (options?.sequenced) message.seq = ++connection.directSeq;
    return this.pool.send(connection, message);
  }

  private deliver(members: Set<Connection>, message: BusMessage): void {
    if (message.kind === 'room') this.pool.broadcast(members, message.message, message.except);
  }
}
