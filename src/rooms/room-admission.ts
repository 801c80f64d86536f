import { Inject, Injectable, Optional } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { type Observable, Subject } from 'rxjs';
import { roomsConfig } from '../config';
import { ROOM_AUTHORIZER, type RoomAuthorizer } from '../game-api';
import type { Connection } from '../connection';
import { ROOM_HISTORY, type RoomHistory, type StreamPosition } from '../history';
import { ErrorCode, GameError, type LeaveReason, MessageType, type RoomPlayer, type ServerMessage, serverMessage } from '../protocol';
import { GameLogicRunner } from './game-logic.runner';
import { toPlayerSnapshot } from './player-snapshot';
import type { Member, Room } from './room';
import { RoomFanout } from './room-fanout';
import { RoomRegistry } from './room-registry';
import type { RoomRejoin } from './room-router.port';

/** Who takes a seat: the socket may be on another instance (`instanceId`) when rooms span instances. */
export interface SeatRequest {
  clientId: string;
  playerId: string;
  nickname: string;
  instanceId?: string;
}

/** A seat taken or freed, or a room closed, on this instance (see `RoomAdmission.changes$`). */
export type SeatChange = { kind: 'seated' | 'unseated'; room: Room; member: Member } | { kind: 'closed'; room: Room };

/**
 * Seats in the rooms this instance runs: who may join, seating and unseating members (with
 * `player_joined` / `player_left` for the others and the game logic's `onJoin` / `onLeave`), the
 * joiner's snapshot, and a parked seat's replay. Rooms are created on the first seat and disposed
 * with the last.
 */
@Injectable()
export class RoomAdmission {
  private readonly changes = new Subject<SeatChange>();
  /**
   * Every seat taken (or moved to another instance's socket) or freed and every room closed here,
   * synchronously as it happens: what rooms spanning instances persist as presence.
   */
  readonly changes$: Observable<SeatChange> = this.changes.asObservable();
  @Optional() @Inject(ROOM_AUTHORIZER) private readonly authorizer?: RoomAuthorizer;

  constructor(
    @Inject(roomsConfig.KEY) private readonly config: ConfigType<typeof roomsConfig>,
    @Inject(ROOM_HISTORY) private readonly history: RoomHistory,
    private readonly registry: RoomRegistry,
    private readonly runner: GameLogicRunner,
    private readonly fanout: RoomFanout,
  ) {}

  /** Refuses a join before anything is created or asked: MAX_ROOMS_PER_CONNECTION, then the `RoomAuthorizer`. */
  checkAccess(connection: Connection, roomId: string): void {
    if (connection.rooms.has(roomId)) return;
    if (connection.rooms.size >= this.config.maxRoomsPerConnection) {
      throw new GameError(ErrorCode.InvalidPayload, `already in ${connection.rooms.size} rooms (the limit); leave one first`);
    }
    if (this.authorizer && !this.authorizer.canJoin({ clientId: connection.clientId, userId: connection.userId }, roomId)) {
      throw new GameError(ErrorCode.Unauthorized, `not allowed to join room "${roomId}"`);
    }
  }

  /** Verified user id, else the requested `user_id`, else the client id. */
  playerIdOf(connection: Connection, requestedUserId: string | undefined): string {
    return connection.userId ?? (requestedUserId || connection.clientId);
  }

  /** Seats a player (creating the room on the first seat), tells the others, and returns the joiner's snapshot. */
  seat(roomId: string, who: SeatRequest): ServerMessage<'room_joined'> {
    const existing = this.registry.get(roomId);
    if (existing?.members.has(who.clientId)) return this.snapshotFor(existing);
    if (existing) {
      if (existing.members.size >= this.config.maxPlayers) {
        throw new GameError(ErrorCode.RoomFull, `room "${roomId}" is full (${this.config.maxPlayers} players)`);
      }
      if (existing.membersByPlayerId.has(who.playerId)) {
        throw new GameError(ErrorCode.InvalidPayload, `player "${who.playerId}" is already in room "${roomId}"`);
      }
    }
    const room = existing ?? this.registry.create(roomId);
    const member = room.addMember(who.clientId, who.playerId, who.nickname, who.instanceId);
    try {
      this.runner.run(room, () => room.logic.onJoin(room.state, member, this.runner.clock()));
    } catch (error) {
      room.removeMember(member);
      if (room.members.size === 0) this.close(room);
      throw error;
    }
    this.changes.next({ kind: 'seated', room, member });
    const { playerId, nickname, entityId, clientId } = member;
    const joined = serverMessage(
      MessageType.PlayerJoined,
      { room_id: roomId, player_id: playerId, nickname, entity_id: entityId, client_id: clientId },
      { room_id: roomId },
    );
    this.fanout.publishReliable(roomId, joined, who.clientId);
    room.markChanged();
    return this.snapshotFor(room);
  }

  /** Takes a member's seat away (whichever instance its socket is on); the others get `player_left`. */
  unseat(room: Room, member: Member, reason: LeaveReason): void {
    room.removeMember(member);
    this.changes.next({ kind: 'unseated', room, member });
    try {
      this.runner.run(room, () => room.logic.onLeave(room.state, member, this.runner.clock()));
    } catch {
      // Logged by the runner; the member is gone either way.
    }
    if (room.members.size === 0) return this.close(room);
    const { playerId, entityId, clientId } = member;
    this.fanout.publishReliable(
      room.id,
      serverMessage(
        MessageType.PlayerLeft,
        { room_id: room.id, player_id: playerId, reason, entity_id: entityId, client_id: clientId },
        { room_id: room.id },
      ),
    );
    room.markChanged();
  }

  /**
   * A parked seat comes back, its socket now on `instanceId` (undefined: this instance); nobody is
   * told. Reads the reliable events after `since` and takes the snapshot in one turn, so the
   * snapshot's offset is the last replayed event's. The one replay algorithm, whichever instance
   * the resuming socket is on.
   */
  resume(roomId: string, clientId: string, since: StreamPosition | undefined, instanceId?: string): RoomRejoin {
    const room = this.registry.get(roomId);
    const member = room?.members.get(clientId);
    if (!room || !member) return { events: [], recovered: false };
    member.orphanedAt = undefined;
    if (member.instanceId !== instanceId) {
      member.instanceId = instanceId;
      this.changes.next({ kind: 'seated', room, member });
    }
    const read = since ? this.history.readSince(roomId, since) : undefined;
    const snapshot = this.snapshotFor(room);
    const recovered = read?.recovered ?? false;
    snapshot.payload.recovered = recovered;
    return { events: read?.recovered ? read.events : [], snapshot, recovered };
  }

  snapshotFor(room: Room): ServerMessage<'room_joined'> {
    const { offset, epoch } = this.history.position(room.id);
    const players: RoomPlayer[] = this.runner.run(room, () => room.logic.snapshot(room.state)).map((view) => {
      const member = room.membersByPlayerId.get(view.player_id);
      return {
        ...toPlayerSnapshot(view, member?.lastInputSeq ?? 0),
        nickname: member?.nickname ?? view.player_id,
        entity_id: member?.entityId ?? 0,
        client_id: member?.clientId ?? '',
      };
    });
    return serverMessage(MessageType.RoomJoined, { room_id: room.id, players, frame_num: room.frameNum, offset, epoch }, { room_id: room.id });
  }

  private close(room: Room): void {
    this.registry.dispose(room);
    this.changes.next({ kind: 'closed', room });
  }
}
