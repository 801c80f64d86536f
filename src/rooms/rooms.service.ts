import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { roomsConfig } from '../config';
import type { Connection } from '../connection';
import { ROOM_HISTORY, type RoomHistory, type StreamPosition } from '../history';
import {
  ErrorCode,
  GameError,
  type GameActionPayload,
  type JoinRoomPayload,
  LeaveReason,
  MessageType,
  type RoomPlayer,
  type ServerMessage,
  serverMessage,
} from '../protocol';
import type { TickClock } from './game-logic';
import { GameLogicRegistry } from './game-logic.registry';
import { toPlayerSnapshot } from './player-snapshot';
import { type Member, Room } from './room';
import type { RoomAuthorizer } from './room-authorizer';
import { RoomFanout } from './room-fanout.service';
import { ROOM_AUTHORIZER } from './rooms.constants';

/**
 * Room membership and inputs: join, leave, queue actions. Rooms are created on first join and
 * disposed when the last member leaves. The tick loop (sync) reads `activeRooms`; rooms never
 * call it.
 */
@Injectable()
export class RoomsService {
  private readonly logger = new Logger(RoomsService.name);
  private readonly rooms = new Map<string, Room>();
  /** Rooms the tick loop must visit: they have queued inputs or a pending snapshot. */
  readonly activeRooms = new Set<Room>();
  @Optional() @Inject(ROOM_AUTHORIZER) private readonly authorizer?: RoomAuthorizer;

  constructor(
    @Inject(roomsConfig.KEY) private readonly config: ConfigType<typeof roomsConfig>,
    @Inject(ROOM_HISTORY) private readonly history: RoomHistory,
    private readonly registry: GameLogicRegistry,
    private readonly fanout: RoomFanout,
  ) {}

  get roomCount(): number {
    return this.rooms.size;
  }

  get(roomId: string): Room | undefined {
    return this.rooms.get(roomId);
  }

  /** Joins (creating the room on first join) and returns the joiner's `room_joined` snapshot. */
  join(connection: Connection, request: JoinRoomPayload): ServerMessage<'room_joined'> {
    const roomId = request.room_id;
    const existing = this.rooms.get(roomId);
    if (existing?.members.has(connection.clientId)) return this.snapshotFor(existing);
    if (connection.rooms.size >= this.config.maxRoomsPerConnection) {
      throw new GameError(ErrorCode.InvalidPayload, `already in ${connection.rooms.size} rooms (the limit); leave one first`);
    }
    if (this.authorizer && !this.authorizer.canJoin({ clientId: connection.clientId, userId: connection.userId }, roomId)) {
      throw new GameError(ErrorCode.Unauthorized, `not allowed to join room "${roomId}"`);
    }

    const playerId = connection.userId ?? (request.user_id || connection.clientId);
    if (existing) {
      if (existing.members.size >= this.config.maxPlayers) {
        throw new GameError(ErrorCode.RoomFull, `room "${roomId}" is full (${this.config.maxPlayers} players)`);
      }
      if (existing.membersByPlayerId.has(playerId)) {
        throw new GameError(ErrorCode.InvalidPayload, `player "${playerId}" is already in room "${roomId}"`);
      }
    }
    const room = existing ?? this.createRoom(roomId);
    const member = room.addMember(connection.clientId, playerId, request.nickname || playerId);
    try {
      this.runLogic(room, () => room.logic.onJoin(room.state, member, this.clock()));
    } catch (error) {
      room.removeMember(member);
      if (room.members.size === 0) this.dispose(room);
      throw error;
    }
    connection.rooms.add(roomId);
    connection.playerId = playerId;
    const joined = serverMessage(
      MessageType.PlayerJoined,
      {
        room_id: roomId,
        player_id: member.playerId,
        nickname: member.nickname,
        entity_id: member.entityId,
        client_id: member.clientId,
      },
      { room_id: roomId },
    );
    this.fanout.publishReliable(roomId, joined, connection.clientId);
    this.fanout.attach(roomId, connection);
    this.markChanged(room);
    return this.snapshotFor(room);
  }

  /** Leaves one room; the others get `player_left` with `reason`. */
  leave(connection: Connection, roomId: string, reason: LeaveReason): void {
    const room = this.rooms.get(roomId);
    const member = room?.members.get(connection.clientId);
    if (!room || !member) throw new GameError(ErrorCode.NotInRoom, `not in room "${roomId}"`);
    connection.rooms.delete(roomId);
    this.fanout.detach(roomId, connection);
    this.evict(room, member, reason);
  }

  /**
   * A dropped connection keeps its seats for the resume grace: delivery to it stops, the others
   * see nothing. Returns the rooms held, with the history epoch each was held in.
   */
  suspend(connection: Connection): { roomId: string; epoch: string }[] {
    return [...connection.rooms].map((roomId) => {
      this.fanout.detach(roomId, connection);
      return { roomId, epoch: this.history.position(roomId).epoch };
    });
  }

  /**
   * Puts a resumed connection back in a seat it held, without telling the others. Returns what
   * it must be sent first, in order: the reliable events after `since` (with their original
   * offsets), then `room_joined` as the fresh snapshot, with `recovered: false` when the history
   * no longer reaches back to `since` (or the epoch changed). Empty when the seat is gone.
   * Synchronous on purpose: no event can be published between the replay and live delivery.
   */
  rejoin(connection: Connection, roomId: string, since: StreamPosition | undefined): ServerMessage[] {
    const room = this.rooms.get(roomId);
    if (!room?.members.has(connection.clientId)) return [];
    const read = since ? this.history.readSince(roomId, since) : undefined;
    connection.rooms.add(roomId);
    this.fanout.attach(roomId, connection);
    const snapshot = this.snapshotFor(room);
    snapshot.payload.recovered = read?.recovered ?? false;
    return read?.recovered ? [...read.events, snapshot] : [snapshot];
  }

  /** Frees the seats of a session whose resume grace ran out: the others get `player_left` "timeout". */
  expire(clientId: string, roomIds: string[]): void {
    for (const roomId of roomIds) {
      const room = this.rooms.get(roomId);
      const member = room?.members.get(clientId);
      if (room && member) this.evict(room, member, LeaveReason.Timeout);
    }
  }

  /** Leaves every room of a connection (socket gone, session over). */
  leaveAll(connection: Connection, reason: LeaveReason): void {
    for (const roomId of [...connection.rooms]) this.leave(connection, roomId, reason);
  }

  /**
   * The room a room-scoped message refers to: `roomId` if given, else the connection's only room.
   * Throws NOT_IN_ROOM / INVALID_PAYLOAD with a message that says what to send instead.
   */
  memberRoom(connection: Connection, roomId: string | undefined): { room: Room; member: Member } {
    const id = roomId || this.onlyRoomOf(connection);
    const room = this.rooms.get(id);
    const member = room?.members.get(connection.clientId);
    if (!room || !member) throw new GameError(ErrorCode.NotInRoom, `not in room "${id}"; send join_room first`);
    return { room, member };
  }

  /** Queues an action for the room's next tick. */
  queueAction(connection: Connection, action: GameActionPayload, refId?: string): void {
    const { room, member } = this.memberRoom(connection, action.room_id);
    if (room.actions.length >= this.config.maxQueuedActions) {
      throw new GameError(ErrorCode.RateLimited, `room "${room.id}" has too many pending actions; slow down`);
    }
    room.actions.push({ member, action, refId });
    this.activate(room);
  }

  /**
   * Runs a piece of game logic: a `GameError` passes through to the caller; anything else is a
   * bug in the logic, logged with the room id and turned into INTERNAL.
   */
  runLogic<T>(room: Room, fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      if (error instanceof GameError) throw error;
      this.logger.error({ msg: `game logic "${room.kind}" failed: ${(error as Error)?.stack ?? error}`, roomId: room.id });
      throw new GameError(ErrorCode.Internal, 'the game logic failed on this input');
    }
  }

  clock(): TickClock {
    return { now: Date.now(), tickMs: 1000 / this.config.tickRate };
  }

  private evict(room: Room, member: Member, reason: LeaveReason): void {
    room.removeMember(member);
    try {
      this.runLogic(room, () => room.logic.onLeave(room.state, member, this.clock()));
    } catch {
      // Logged by runLogic; the member is gone either way.
    }
    if (room.members.size === 0) {
      this.dispose(room);
      return;
    }
    this.fanout.publishReliable(
      room.id,
      serverMessage(
        MessageType.PlayerLeft,
        { room_id: room.id, player_id: member.playerId, reason, entity_id: member.entityId, client_id: member.clientId },
        { room_id: room.id },
      ),
    );
    this.markChanged(room);
  }

  private onlyRoomOf(connection: Connection): string {
    if (connection.rooms.size === 1) return connection.rooms.values().next().value as string;
    if (connection.rooms.size === 0) throw new GameError(ErrorCode.NotInRoom, 'not in any room; send join_room first');
    throw new GameError(ErrorCode.InvalidPayload, 'in several rooms: payload.room_id is required');
  }

  private createRoom(roomId: string): Room {
    const kind = this.registry.kindOf(roomId);
    const logic = this.registry.get(kind);
    const room = new Room(roomId, kind, logic, logic.createState(roomId));
    this.rooms.set(roomId, room);
    return room;
  }

  private dispose(room: Room): void {
    this.rooms.delete(room.id);
    this.activeRooms.delete(room);
    room.active = false;
    this.history.forget(room.id);
  }

  private markChanged(room: Room): void {
    room.changed = true;
    this.activate(room);
  }

  private activate(room: Room): void {
    if (room.active) return;
    room.active = true;
    this.activeRooms.add(room);
  }

  private snapshotFor(room: Room): ServerMessage<'room_joined'> {
    const { offset, epoch } = this.history.position(room.id);
    const players: RoomPlayer[] = this.runLogic(room, () => room.logic.snapshot(room.state)).map((view) => {
      const member = room.membersByPlayerId.get(view.player_id);
      return {
        ...toPlayerSnapshot(view, member?.lastInputSeq ?? 0),
        nickname: member?.nickname ?? view.player_id,
        entity_id: member?.entityId ?? 0,
        client_id: member?.clientId ?? '',
      };
    });
    return serverMessage(
      MessageType.RoomJoined,
      { room_id: room.id, players, frame_num: room.frameNum, offset, epoch },
      { room_id: room.id },
    );
  }
}
