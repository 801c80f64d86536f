import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { roomsConfig } from '../config';
import type { Connection } from '../connection';
import { ROOM_HISTORY, type RoomHistory } from '../history';
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

/** What rooms need from the Redis bridge when they span instances (see RoomBridge). */
export interface RoomSpan {
  join(connection: Connection, request: JoinRoomPayload): Promise<ServerMessage<'room_joined'>>;
  leave(connection: Connection, roomId: string, reason: LeaveReason): void;
  forwardAction(connection: Connection, roomId: string, action: GameActionPayload, refId?: string): void;
  forwardReliable(roomId: string, message: ServerMessage): void;
  memberAdded(room: Room, member: Member): void;
  memberRemoved(room: Room, member: Member): void;
  roomDisposed(room: Room): void;
}

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
  /** Set when REDIS_URL is set: `rooms` then holds only the rooms this instance runs. */
  private span: RoomSpan | undefined;
  @Optional() @Inject(ROOM_AUTHORIZER) private readonly authorizer?: RoomAuthorizer;

  constructor(
    @Inject(roomsConfig.KEY) private readonly config: ConfigType<typeof roomsConfig>,
    @Inject(ROOM_HISTORY) private readonly history: RoomHistory,
    private readonly registry: GameLogicRegistry,
    private readonly fanout: RoomFanout,
  ) {}

  /** Called once by the Redis bridge at construction. */
  spanInstances(span: RoomSpan): void {
    this.span = span;
  }

  get roomCount(): number {
    return this.rooms.size;
  }

  get(roomId: string): Room | undefined {
    return this.rooms.get(roomId);
  }

  /** Joins (creating the room on first join) and returns the joiner's `room_joined` snapshot. */
  join(connection: Connection, request: JoinRoomPayload): ServerMessage<'room_joined'> | Promise<ServerMessage<'room_joined'>> {
    const roomId = request.room_id;
    if (!connection.rooms.has(roomId)) {
      if (connection.rooms.size >= this.config.maxRoomsPerConnection) {
        throw new GameError(ErrorCode.InvalidPayload, `already in ${connection.rooms.size} rooms (the limit); leave one first`);
      }
      if (this.authorizer && !this.authorizer.canJoin({ clientId: connection.clientId, userId: connection.userId }, roomId)) {
        throw new GameError(ErrorCode.Unauthorized, `not allowed to join room "${roomId}"`);
      }
    }
    return this.span ? this.span.join(connection, request) : this.joinHere(connection, request);
  }

  /** Joins a room this instance runs. */
  joinHere(connection: Connection, request: JoinRoomPayload): ServerMessage<'room_joined'> {
    const roomId = request.room_id;
    const playerId = this.playerIdOf(connection, request);
    const snapshot = this.admit(roomId, { clientId: connection.clientId, playerId, nickname: request.nickname || playerId });
    connection.rooms.add(roomId);
    connection.playerId = playerId;
    this.fanout.attach(roomId, connection);
    return snapshot;
  }

  playerIdOf(connection: Connection, request: JoinRoomPayload): string {
    return connection.userId ?? (request.user_id || connection.clientId);
  }

  /**
   * Seats a player in a room this instance runs (its socket may be on another instance:
   * `instanceId`), tells the others, and returns the joiner's snapshot.
   */
  admit(roomId: string, who: { clientId: string; playerId: string; nickname: string; instanceId?: string }): ServerMessage<'room_joined'> {
    const existing = this.rooms.get(roomId);
    if (existing?.members.has(who.clientId)) return this.snapshotFor(existing);
    const { playerId } = who;
    if (existing) {
      if (existing.members.size >= this.config.maxPlayers) {
        throw new GameError(ErrorCode.RoomFull, `room "${roomId}" is full (${this.config.maxPlayers} players)`);
      }
      if (existing.membersByPlayerId.has(playerId)) {
        throw new GameError(ErrorCode.InvalidPayload, `player "${playerId}" is already in room "${roomId}"`);
      }
    }
    const room = existing ?? this.createRoom(roomId);
    const member = room.addMember(who.clientId, playerId, who.nickname, who.instanceId);
    try {
      this.runLogic(room, () => room.logic.onJoin(room.state, member, this.clock()));
    } catch (error) {
      room.removeMember(member);
      if (room.members.size === 0) this.dispose(room);
      throw error;
    }
    this.span?.memberAdded(room, member);
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
    this.fanout.publishReliable(roomId, joined, who.clientId);
    this.markChanged(room);
    return this.snapshotFor(room);
  }

  /** Leaves one room; the others get `player_left` with `reason`. */
  leave(connection: Connection, roomId: string, reason: LeaveReason): void {
    const room = this.rooms.get(roomId);
    const member = room?.members.get(connection.clientId);
    if (this.span && !room && connection.rooms.has(roomId)) {
      // A room run by another instance: leave here, tell its owner.
      connection.rooms.delete(roomId);
      this.fanout.detach(roomId, connection);
      return this.span.leave(connection, roomId, reason);
    }
    if (!room || !member) throw new GameError(ErrorCode.NotInRoom, `not in room "${roomId}"`);
    connection.rooms.delete(roomId);
    this.fanout.detach(roomId, connection);
    this.removeMember(room, member, reason);
  }

  /** Takes a member's seat away (whichever instance its socket is on); the others get `player_left`. */
  removeMember(room: Room, member: Member, reason: LeaveReason): void {
    const roomId = room.id;
    room.removeMember(member);
    this.span?.memberRemoved(room, member);
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
      roomId,
      serverMessage(
        MessageType.PlayerLeft,
        { room_id: roomId, player_id: member.playerId, reason, entity_id: member.entityId, client_id: member.clientId },
        { room_id: roomId },
      ),
    );
    this.markChanged(room);
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

  /**
   * The room and player id a room-scoped message of `connection` refers to, for rooms run here
   * or (bridged) on another instance.
   */
  membership(connection: Connection, roomId: string | undefined): { roomId: string; playerId: string } {
    const id = roomId || this.onlyRoomOf(connection);
    if (this.span && !this.rooms.has(id) && connection.rooms.has(id)) return { roomId: id, playerId: connection.playerId ?? connection.clientId };
    const { room, member } = this.memberRoom(connection, id);
    return { roomId: room.id, playerId: member.playerId };
  }

  /** A reliable room event: offset and publish by the instance that runs the room. */
  publishReliable(roomId: string, message: ServerMessage): void {
    if (this.span && !this.rooms.has(roomId)) this.span.forwardReliable(roomId, message);
    else this.fanout.publishReliable(roomId, message);
  }

  /** Queues an action for the room's next tick. */
  queueAction(connection: Connection, action: GameActionPayload, refId?: string): void {
    const id = action.room_id || this.onlyRoomOf(connection);
    if (this.span && !this.rooms.has(id) && connection.rooms.has(id)) return this.span.forwardAction(connection, id, action, refId);
    const { room, member } = this.memberRoom(connection, id);
    this.enqueue(room, member, action, refId);
  }

  /** Queues an action of a member (of any instance) for the room's next tick. */
  enqueue(room: Room, member: Member, action: GameActionPayload, refId?: string): void {
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

  private onlyRoomOf(connection: Connection): string {
    if (connection.rooms.size === 1) return connection.rooms.values().next().value as string;
    if (connection.rooms.size === 0) throw new GameError(ErrorCode.NotInRoom, 'not in any room; send join_room first');
    throw new GameError(ErrorCode.InvalidPayload, 'in several rooms: payload.room_id is required');
  }

  private createRoom(roomId: string): Room {
    const room = this.newRoom(roomId);
    this.rooms.set(roomId, room);
    return room;
  }

  /** A room object with fresh state, not yet run here (the bridge restores into it, then `adopt`s it). */
  newRoom(roomId: string, state?: (logic: Room['logic']) => unknown): Room {
    const kind = this.registry.kindOf(roomId);
    const logic = this.registry.get(kind);
    return new Room(roomId, kind, logic, state ? state(logic) : logic.createState(roomId));
  }

  /** Starts running a room taken over from another instance; its members get a full `sync`. */
  adopt(room: Room): void {
    this.rooms.set(room.id, room);
    this.markChanged(room);
  }

  /** Stops running a room here without telling anyone (another instance took it over). */
  relinquish(room: Room): void {
    if (this.rooms.get(room.id) !== room) return;
    this.rooms.delete(room.id);
    this.activeRooms.delete(room);
    room.active = false;
  }

  /** Rooms this instance runs. */
  runningRooms(): IterableIterator<Room> {
    return this.rooms.values();
  }

  private dispose(room: Room): void {
    this.rooms.delete(room.id);
    this.activeRooms.delete(room);
    room.active = false;
    this.history.forget(room.id);
    this.span?.roomDisposed(room);
  }

  markChanged(room: Room): void {
    room.changed = true;
    this.activate(room);
  }

  private activate(room: Room): void {
    if (room.active) return;
    room.active = true;
    this.activeRooms.add(room);
  }

  snapshotFor(room: Room): ServerMessage<'room_joined'> {
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
