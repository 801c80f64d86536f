import { Inject, Injectable } from '@nestjs/common';
import { INSTANCE_ID } from '../bus';
import { type Connection, ConnectionPool } from '../connection';
import { LeaveReason, MessageType, serverMessage } from '../protocol';
import { CLIENT_DELIVERY, type ClientDelivery, ROOM_ROUTER, type RoomRouter } from '../rooms';
import type { PlayerConnection } from './api-models';

/** A player event a backend publishes: `data` already checked. */
export interface PlayerEventRequest {
  player_id: string;
  name: string;
  data: Record<string, unknown>;
  room_id?: string;
}

export interface KickRequest {
  player_id: string;
  code: number;
  reason: string;
}

/**
 * What this instance answers about the players connected to it. A player is named by its player
 * id (the verified user id, else the `user_id` it joined with) or by a connection's client id;
 * one player may have several connections. Every method answers null when the player has no
 * connection here, so that the caller's scatter-gather finds the instances that hold it.
 */
@Injectable()
export class PlayerOperations {
  constructor(
    @Inject(INSTANCE_ID) private readonly instanceId: string,
    @Inject(ROOM_ROUTER) private readonly rooms: RoomRouter,
    @Inject(CLIENT_DELIVERY) private readonly delivery: ClientDelivery,
    private readonly pool: ConnectionPool,
  ) {}

  presence(playerId: string): PlayerConnection[] | null {
    const found = this.connectionsOf(playerId).map((connection) => ({
      client_id: connection.clientId,
      player_id: connection.playerId ?? connection.userId ?? connection.clientId,
      instance: this.instanceId,
      rooms: [...connection.rooms],
      connected_at: connection.connectedAt,
      protocol: connection.wireVersion,
    }));
    return found.length > 0 ? found : null;
  }

  /**
   * Sends a `room_event` to each of the player's connections as a direct message (sequenced, and
   * replayed after a resume like a direct chat message).
   */
  async publish(request: PlayerEventRequest): Promise<{ delivered: number } | null> {
    const connections = this.connectionsOf(request.player_id);
    if (connections.length === 0) return null;
    const message = serverMessage(MessageType.RoomEvent, { room_id: request.room_id ?? '', name: request.name, data: request.data });
    const sent = await Promise.all(connections.map((connection) => this.delivery.sendDirect(connection.clientId, message)));
    return { delivered: sent.filter(Boolean).length };
  }

  /**
   * Takes the player out of its rooms (the others get `player_left` "kicked") and closes each of
   * its connections with `code` and `reason`; a 4102 close ends the session (no resume).
   */
  kick(request: KickRequest): { kicked: number } | null {
    const connections = this.connectionsOf(request.player_id);
    if (connections.length === 0) return null;
    for (const connection of connections) {
      this.rooms.leaveAll(connection, LeaveReason.Kicked);
      this.pool.close(connection, request.code, request.reason);
    }
    return { kicked: connections.length };
  }

  /** A scan of this instance's connections: admin calls are rare, a per-player index would cost every join. */
  private connectionsOf(playerId: string): Connection[] {
    const found: Connection[] = [];
    for (const connection of this.pool.values()) {
      if (connection.clientId === playerId || (connection.playerId ?? connection.userId) === playerId) found.push(connection);
    }
    return found;
  }
}
