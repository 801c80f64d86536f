import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { roomsConfig } from '../config';
import type { Connection } from '../connection';
import { ROOM_HISTORY, type RoomHistory } from '../history';
import { ErrorCode, GameError, type GameActionPayload, type JoinRoomPayload, LeaveReason, type ServerMessage } from '../protocol';
import type { Member, Room } from './room';
import { RoomAdmission } from './room-admission';
import { RoomFanout } from './room-fanout';
import { RoomRegistry } from './room-registry';
import type { ParkedSeat, RoomRejoin, RoomRouter, SeatClaim } from './room-router.port';

/**
 * The room a room-scoped message of `connection` refers to: `roomId` if given, else the
 * connection's only room. Throws NOT_IN_ROOM / INVALID_PAYLOAD with what to send instead.
 */
export function targetRoomId(connection: Connection, roomId: string | undefined): string {
  if (roomId) return roomId;
  if (connection.rooms.size === 1) return connection.rooms.values().next().value as string;
  if (connection.rooms.size === 0) throw new GameError(ErrorCode.NotInRoom, 'not in any room; send join_room first');
  throw new GameError(ErrorCode.InvalidPayload, 'in several rooms: payload.room_id is required');
}

/**
 * The single-instance `RoomRouter`: every room runs here. Also what the bridge's router calls
 * for the rooms this instance owns.
 */
@Injectable()
export class LocalRoomRouter implements RoomRouter {
  constructor(
    @Inject(roomsConfig.KEY) private readonly config: ConfigType<typeof roomsConfig>,
    @Inject(ROOM_HISTORY) private readonly history: RoomHistory,
    private readonly registry: RoomRegistry,
    private readonly admission: RoomAdmission,
    private readonly fanout: RoomFanout,
  ) {}

  join(connection: Connection, request: JoinRoomPayload): void {
    this.admission.checkAccess(connection, request.room_id);
    this.joinHere(connection, request);
  }

  /** Joins a room this instance runs (or creates), access already checked. */
  joinHere(connection: Connection, request: JoinRoomPayload): void {
    const roomId = request.room_id;
    const fresh = !connection.rooms.has(roomId);
    const playerId = this.admission.playerIdOf(connection, request.user_id);
    this.fanout.hold(connection, roomId);
    let snapshot: ServerMessage<'room_joined'>;
    try {
      snapshot = this.admission.seat(roomId, {
        clientId: connection.clientId,
        playerId,
        nickname: request.nickname || playerId,
        wireVersion: connection.wireVersion,
        kind: request.kind,
        options: request.options,
      });
    } catch (error) {
      if (fresh) this.fanout.detach(connection, roomId);
      throw error;
    }
    connection.playerId = playerId;
    this.fanout.release(connection, roomId, snapshot);
  }

  leave(connection: Connection, roomId: string, reason: LeaveReason): void {
    const room = this.registry.get(roomId);
    const member = room?.members.get(connection.clientId);
    if (!room || !member) throw new GameError(ErrorCode.NotInRoom, `not in room "${roomId}"`);
    this.fanout.detach(connection, roomId);
    this.admission.unseat(room, member, reason);
  }

  leaveAll(connection: Connection, reason: LeaveReason): void {
    for (const roomId of [...connection.rooms]) this.leave(connection, roomId, reason);
  }

  queueAction(connection: Connection, action: GameActionPayload, refId?: string): void {
    const { room, member } = this.memberOf(connection, action.room_id);
    room.enqueue(member, action, refId, this.config.maxQueuedActions);
  }

  publishReliable(roomId: string, message: ServerMessage): void {
    this.fanout.publishReliable(roomId, message);
  }

  membership(connection: Connection, roomId: string | undefined): { roomId: string; playerId: string } {
    const { room, member } = this.memberOf(connection, roomId);
    return { roomId: room.id, playerId: member.playerId };
  }

  sharesRoom(connection: Connection, clientId: string): boolean {
    for (const roomId of connection.rooms) if (this.seatedHere(roomId, clientId)) return true;
    return false;
  }

  /** Whether a room run here has a seat (connected or parked) for `clientId`. */
  seatedHere(roomId: string, clientId: string): boolean {
    return this.registry.get(roomId)?.members.has(clientId) ?? false;
  }

  seats(connection: Connection): ParkedSeat[] {
    return [...connection.rooms].map((roomId) => ({ roomId, epoch: this.history.position(roomId).epoch }));
  }

  suspend(connection: Connection): ParkedSeat[] {
    return [...connection.rooms].map((roomId) => this.suspendSeat(connection, roomId));
  }

  /** Parks one seat of a room run here: delivery stops, the epoch is the room history's. */
  suspendSeat(connection: Connection, roomId: string): ParkedSeat {
    this.fanout.detach(connection, roomId);
    this.admission.park(roomId, connection.clientId);
    return { roomId, epoch: this.history.position(roomId).epoch };
  }

  async rejoin(connection: Connection, claim: SeatClaim): Promise<RoomRejoin> {
    this.fanout.hold(connection, claim.roomId);
    return this.admission.resume(claim.roomId, claim.clientId, claim.since, connection.wireVersion);
  }

  release(connection: Connection, roomId: string, rejoin?: RoomRejoin): void {
    this.fanout.release(connection, roomId, rejoin?.snapshot);
  }

  expire(clientId: string, roomIds: string[]): void {
    for (const roomId of roomIds) this.expireSeat(clientId, roomId);
  }

  /** Frees one parked seat of a room run here, if it is still taken. */
  expireSeat(clientId: string, roomId: string): void {
    const room = this.registry.get(roomId);
    const member = room?.members.get(clientId);
    if (room && member) this.admission.unseat(room, member, LeaveReason.Timeout);
  }

  private memberOf(connection: Connection, roomId: string | undefined): { room: Room; member: Member } {
    const id = targetRoomId(connection, roomId);
    const room = this.registry.get(id);
    const member = room?.members.get(connection.clientId);
    if (!room || !member) throw new GameError(ErrorCode.NotInRoom, `not in room "${id}"; send join_room first`);
    return { room, member };
  }
}
