import { Inject, Injectable, Optional } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { type Observable, Subject } from 'rxjs';
import { roomsConfig } from '../config';
import type { WireVersion } from '../codec';
import { GameLogicRegistry, ROOM_AUTHORIZER, type RoomAuthorizer } from '../game-api';
import type { Connection } from '../connection';
import { ROOM_HISTORY, type RoomHistory, type StreamPosition } from '../history';
import { ErrorCode, GameError, LeaveReason, MessageType, type RoomPlayer, type ServerMessage, serverMessage } from '../protocol';
import { FrameRecords, markerOps } from '../state';
import { GameLogicRunner } from './game-logic.runner';
import { isVacant, type Member, type Room } from './room';
import { RoomFanout } from './room-fanout';
import { RoomRegistry } from './room-registry';
import type { RoomRejoin } from './room-router.port';
import { projectMember, projectVisible } from './v1-projection';

/** Who takes a seat: the socket may be on another instance (`instanceId`) when rooms span instances. */
export interface SeatRequest {
  clientId: string;
  playerId: string;
  nickname: string;
  /** Protocol version of the member's connection (v1 members need `sync` snapshots). */
  wireVersion: WireVersion;
  /** Kind and creation options to create the room with, if it does not exist yet (`join_room.kind`, `options`). */
  kind?: string;
  options?: Record<string, string>;
  instanceId?: string;
  /**
   * The last frame of the room the member's instance delivered (a room Redis lost, run again
   * from scratch): the room's frames continue above it, so they never go backwards for a client.
   */
  frameFloor?: number;
}

/** A seat taken or freed, or a room closed, on this instance (see `RoomAdmission.changes$`). */
export type SeatChange =
  | { kind: 'seated'; room: Room; member: Member }
  | { kind: 'unseated'; room: Room; member: Member; reason: LeaveReason }
  /** A returning player's new connection took the seat `previousClientId` held. */
  | { kind: 'reseated'; room: Room; member: Member; previousClientId: string }
  | { kind: 'closed'; room: Room };

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
    private readonly kinds: GameLogicRegistry,
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

  /**
   * Seats a player (creating the room on the first seat, of the kind `who.kind` asks for unless an
   * operator's rule or the default decides), tells the others, and returns the joiner's snapshot.
   */
  seat(roomId: string, who: SeatRequest): ServerMessage<'room_joined'> {
    const existing = this.registry.get(roomId);
    if (existing && (who.frameFloor ?? 0) > existing.frameNum) existing.continueFrom(who.frameFloor!);
    if (existing?.members.has(who.clientId)) return this.snapshotFor(existing, existing.members.get(who.clientId)!);
    if (existing) {
      if (who.kind && who.kind !== existing.kind.name) {
        throw new GameError(ErrorCode.InvalidPayload, `room "${roomId}" exists and runs kind "${existing.kind.name}", not "${who.kind}"`);
      }
      const seated = existing.membersByPlayerId.get(who.playerId);
      if (seated && isVacant(seated)) return this.reclaim(existing, seated, who);
      if (seated) throw new GameError(ErrorCode.InvalidPayload, `player "${who.playerId}" is already in room "${roomId}"`);
      if (existing.members.size >= existing.kind.maxPlayers) {
        throw new GameError(ErrorCode.RoomFull, `room "${roomId}" is full (${existing.kind.maxPlayers} players)`);
      }
    }
    const room = existing ?? this.create(roomId, who);
    if (!existing && who.frameFloor) room.continueFrom(who.frameFloor);
    const member = room.addMember(who.clientId, who.playerId, who.nickname, who.wireVersion, who.instanceId);
    try {
      room.ctx.clock = this.runner.clock();
      this.runner.run(room, () => room.logic.onJoin(room.ctx, member));
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
    return this.snapshotFor(room, member);
  }

  /**
   * A player whose seat waits for it (its socket dropped, or its instance died) joins again
   * without a resume: its new connection takes the seat over. Nobody is told (no leave, no join);
   * the joiner gets a full snapshot. The old session, if it is ever resumed, finds no seat.
   */
  private reclaim(room: Room, member: Member, who: SeatRequest): ServerMessage<'room_joined'> {
    const previousClientId = member.clientId;
    room.reseat(member, who.clientId);
    room.setWireVersion(member, who.wireVersion);
    member.instanceId = who.instanceId;
    this.changes.next({ kind: 'reseated', room, member, previousClientId });
    room.markChanged();
    return this.snapshotFor(room, member);
  }

  /**
   * The seat of a member whose socket dropped waits for it (a resume, or a fresh join by the same
   * player) until the session's grace runs out; nobody is told.
   */
  park(roomId: string, clientId: string): void {
    const member = this.registry.get(roomId)?.members.get(clientId);
    if (!member || member.parkedAt !== undefined) return;
    member.parkedAt = Date.now();
  }

  /**
   * Takes a member's seat away (whichever instance its socket is on); the others get `player_left`
   * — a kicked member too, with the logic's `detail`, so that its client knows why.
   */
  unseat(room: Room, member: Member, reason: LeaveReason, detail?: string): void {
    if (room.members.get(member.clientId) !== member) return;
    room.removeMember(member);
    this.changes.next({ kind: 'unseated', room, member, reason });
    try {
      room.ctx.clock = this.runner.clock();
      this.runner.run(room, () => room.logic.onLeave(room.ctx, member, reason));
    } catch {
      // Logged by the runner; the member is gone either way.
    }
    const { playerId, entityId, clientId } = member;
    const left = serverMessage(
      MessageType.PlayerLeft,
      { room_id: room.id, player_id: playerId, reason, entity_id: entityId, client_id: clientId, ...(detail && { detail }) },
      { room_id: room.id },
    );
    if (reason === LeaveReason.Kicked) this.fanout.publishReliable(room.id, left); // the kicked member hears it too
    if (room.members.size === 0) return this.close(room);
    if (reason !== LeaveReason.Kicked) this.fanout.publishReliable(room.id, left);
    room.markChanged();
  }

  /** Unseats the members the room's logic kicked (`ctx.kick`) since the last call. */
  settleKicks(room: Room): void {
    for (const { player, reason } of room.takeKicks()) {
      const member = room.members.get(player.clientId);
      if (member) this.unseat(room, member, LeaveReason.Kicked, reason);
    }
  }

  /**
   * A parked seat comes back, its socket now on `instanceId` (undefined: this instance); nobody is
   * told. Reads the reliable events after `since` and takes the snapshot in one turn, so the
   * snapshot's offset is the last replayed event's. The one replay algorithm, whichever instance
   * the resuming socket is on.
   */
  resume(roomId: string, clientId: string, since: StreamPosition | undefined, wireVersion: WireVersion, instanceId?: string): RoomRejoin {
    const room = this.registry.get(roomId);
    const member = room?.members.get(clientId);
    if (!room || !member) return { events: [], recovered: false };
    member.orphanedAt = member.parkedAt = undefined;
    room.setWireVersion(member, wireVersion);
    if (member.instanceId !== instanceId) {
      member.instanceId = instanceId;
      this.changes.next({ kind: 'seated', room, member });
    }
    const read = since ? this.history.readSince(roomId, since) : undefined;
    const snapshot = this.snapshotFor(room, member);
    const recovered = read?.recovered ?? false;
    snapshot.payload.recovered = recovered;
    return { events: read?.recovered ? read.events : [], snapshot, recovered };
  }

  /**
   * The joiner's (or resumer's) `room_joined`: its members (with what v1 clients see of each), the
   * room's kind and, for v2 clients, a keyframe of the state *as last published* (frame
   * `frame_num`: the next frame is a delta on exactly that) and the kind's schema. The fan-out
   * gives each connection the part its protocol version needs.
   */
  snapshotFor(room: Room, member: Member): ServerMessage<'room_joined'> {
    if (room.kind.grid) return this.interestSnapshotFor(room, member);
    const { offset, epoch } = this.history.position(room.id);
    const projection = room.kind.options.v1;
    const players: RoomPlayer[] = [...room.members.values()].map((m) => ({
      ...projectMember(room.state, projection, m),
      nickname: m.nickname,
      entity_id: m.entityId,
      client_id: m.clientId,
    }));
    const key = new FrameRecords();
    room.state.writeKeyframe(key);
    const state = { frame: room.frameNum, key: true, ops: key.ops, strings: key.strings, time: Date.now() };
    return serverMessage(
      MessageType.RoomJoined,
      { room_id: room.id, players, frame_num: room.frameNum, offset, epoch, kind: room.kind.name, state, schema: room.kind.schema },
      { room_id: room.id },
    );
  }

  /**
   * An interest-managed room's snapshot for one member: its view starts over from its focus now,
   * the keyframe holds the room's global state and every entity in the cells it sees (published:
   * the next frame builds on it), and the players listed are those it sees. `view` (internal)
   * tells the member's instance which cells that is.
   */
  private interestSnapshotFor(room: Room, member: Member): ServerMessage<'room_joined'> {
    const { offset, epoch } = this.history.position(room.id);
    const view = room.refreshView(member);
    const seen = projectVisible(room, member).map((p) => p.player_id);
    const players: RoomPlayer[] = seen.map((playerId) => {
      const m = room.membersByPlayerId.get(playerId)!;
      return { ...projectMember(room.state, room.kind.options.v1, m), nickname: m.nickname, entity_id: m.entityId, client_id: m.clientId };
    });
    const key = new FrameRecords();
    room.state.writeGlobalKeyframe(key);
    const ops = [...key.ops];
    const strings = [...key.strings];
    for (const cell of view.cells) {
      key.reset();
      room.state.writeCellKeyframe(cell, key);
      ops.push(...markerOps(cell, false), ...key.ops);
      strings.push(...key.strings);
    }
    const state = { frame: room.frameNum, key: true, ops, strings, time: Date.now() };
    return serverMessage(
      MessageType.RoomJoined,
      { room_id: room.id, players, frame_num: room.frameNum, offset, epoch, kind: room.kind.name, state, schema: room.kind.schema, view: [...view.cells] },
      { room_id: room.id },
    );
  }

  /** A new room of the kind `who` asks for (or the one its id or the default decides), its logic's `onCreate` run. */
  private create(roomId: string, who: SeatRequest): Room {
    const kind = this.kinds.kindFor(roomId, who.kind);
    const options = this.kinds.checkOptions(kind, who.options);
    const room = this.registry.create(roomId, kind, options);
    try {
      room.ctx.clock = this.runner.clock();
      if (kind.logic.onCreate) this.runner.run(room, () => kind.logic.onCreate!(room.ctx));
    } catch (error) {
      this.registry.dispose(room);
      throw error;
    }
    return room;
  }

  private close(room: Room): void {
    try {
      room.ctx.clock = this.runner.clock();
      if (room.logic.onDispose) this.runner.run(room, () => room.logic.onDispose!(room.ctx));
    } catch {
      // Logged by the runner; the room goes either way.
    }
    this.registry.dispose(room);
    this.changes.next({ kind: 'closed', room });
  }
}
