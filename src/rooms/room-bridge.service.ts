import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { Subscription } from 'rxjs';
import { type Bus, instanceChannel, RoomCommandName, type RoomCommand } from '../bus';
import { type ClientRegistry, type RoomLeases, type RoomStateStore, type StoredMember } from '../cluster';
import { randomId } from '../common';
import type { clusterConfig, sessionConfig } from '../config';
import type { Connection, ConnectionPool } from '../connection';
import {
  ErrorCode,
  GameError,
  type GameActionPayload,
  type JoinRoomPayload,
  LeaveReason,
  MessageType,
  type ServerMessage,
  serverMessage,
} from '../protocol';
import type { Member, Room } from './room';
import type { RoomFanout } from './room-fanout.service';
import type { RoomSpan, RoomsService } from './rooms.service';

/** Everything the bridge works with; built by RoomsModule only when REDIS_URL is set. */
export interface RoomBridgeDeps {
  rooms: RoomsService;
  fanout: RoomFanout;
  pool: ConnectionPool;
  bus: Bus;
  instanceId: string;
  leases: RoomLeases;
  registry: ClientRegistry;
  store: RoomStateStore;
  cluster: ConfigType<typeof clusterConfig>;
  session: ConfigType<typeof sessionConfig>;
}

interface LocalSeat {
  playerId: string;
  nickname: string;
}

interface Pending {
  resolve(data: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

type Reply = { message?: ServerMessage; error?: { code: ErrorCode; message: string } };

// Registry diffs (new and gone clients) run this often; leases and snapshots on their own periods.
const PASS_MS = 200;

/**
 * Rooms that span instances. Exactly one instance runs a room (holds its lease, ticks it, gives
 * its reliable events their offsets); instances with members elsewhere forward joins, leaves,
 * actions and chat to it on its instance channel and relay its room broadcasts (one bus message
 * per tick per room) to their local members. The holder persists the room's state and presence;
 * when it dies its lease expires and the next instance with members that renews takes the room
 * over from that snapshot, keeping every member's seat.
 *
 * One housekeeping pass per instance (never a timer per room or client): client registry diff
 * and refresh, lease renewal or takeover, orphan sweep, snapshots.
 */
export class RoomBridge implements RoomSpan, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RoomBridge.name);
  /** Rooms run elsewhere with members here: room → local client → seat. */
  private readonly seats = new Map<string, Map<string, LocalSeat>>();
  /** Last known holder of each room in `seats`. */
  private readonly owners = new Map<string, string>();
  private readonly pending = new Map<string, Pending>();
  private readonly loading = new Map<string, Promise<void>>();
  private readonly persistedFrame = new WeakMap<Room, number>();
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private status: Subscription | undefined;
  private passRunning = false;
  private lastLeasePass = 0;
  private lastSnapshot = 0;

  constructor(private readonly d: RoomBridgeDeps) {
    d.rooms.spanInstances(this);
    d.fanout.setRemoteDelivery((clientId, message, sequenced) => this.deliverRemote(clientId, message, sequenced));
  }

  get instanceId(): string {
    return this.d.instanceId;
  }

  onApplicationBootstrap(): void {
    this.unsubscribe = this.d.bus.subscribe(instanceChannel(this.instanceId), (message) => this.onInstanceMessage(message));
    // Redis may come back empty: rewrite registrations, leases and snapshots at once.
    this.status = this.d.bus.status$.subscribe((status) => {
      if (status !== 'connected') return;
      this.d.registry.reset();
      this.lastLeasePass = this.lastSnapshot = 0;
      void this.pass();
    });
    this.timer = setInterval(() => void this.pass(), PASS_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.unsubscribe?.();
    this.status?.unsubscribe();
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new GameError(ErrorCode.Internal, 'server shutting down'));
      this.pending.delete(id);
    }
  }

  // ---- RoomSpan: called by RoomsService ----

  async join(connection: Connection, request: JoinRoomPayload): Promise<ServerMessage<'room_joined'>> {
    const roomId = request.room_id;
    const owner = await this.ownerOf(roomId);
    if (owner === this.instanceId) {
      await this.load(roomId);
      return this.d.rooms.joinHere(connection, request);
    }
    const playerId = this.d.rooms.playerIdOf(connection, request);
    const nickname = request.nickname || playerId;
    const fresh = !connection.rooms.has(roomId);
    if (fresh) {
      // Subscribed before asking, so that no broadcast after the snapshot is missed.
      connection.rooms.add(roomId);
      connection.playerId = playerId;
      this.d.fanout.attach(roomId, connection);
      this.seatsOf(roomId).set(connection.clientId, { playerId, nickname });
    }
    try {
      const reply = (await this.request(owner, roomId, connection.clientId, { playerId, nickname })) as Reply;
      if (reply.error) throw new GameError(reply.error.code, reply.error.message);
      return reply.message as ServerMessage<'room_joined'>;
    } catch (error) {
      if (fresh) this.unseat(connection, roomId);
      throw error;
    }
  }

  leave(connection: Connection, roomId: string, reason: LeaveReason): void {
    this.seats.get(roomId)?.delete(connection.clientId);
    this.command(roomId, RoomCommandName.Leave, connection.clientId, { data: { reason } });
    if (this.seats.get(roomId)?.size === 0) {
      this.seats.delete(roomId);
      this.owners.delete(roomId);
    }
  }

  forwardAction(connection: Connection, roomId: string, action: GameActionPayload, refId?: string): void {
    if (!this.command(roomId, RoomCommandName.Action, connection.clientId, { action, refId })) {
      throw new GameError(ErrorCode.Internal, `room "${roomId}" is moving to another server; send the action again`);
    }
  }

  forwardReliable(roomId: string, message: ServerMessage): void {
    const clientId = (message.payload as { from_client_id?: string }).from_client_id ?? '';
    this.command(roomId, RoomCommandName.Reliable, clientId, { data: message });
  }

  memberAdded(room: Room, member: Member): void {
    this.d.store.addMember(room.id, this.toStored(member)).catch(() => undefined);
  }

  memberRemoved(room: Room, member: Member): void {
    this.d.store.removeMember(room.id, member.clientId).catch(() => undefined);
  }

  roomDisposed(room: Room): void {
    this.d.store.delete(room.id).catch(() => undefined);
    void this.d.leases.release(room.id);
  }

  // ---- the bus side ----

  private onInstanceMessage(message: Parameters<Parameters<Bus['subscribe']>[1]>[0]): void {
    if (message.kind === 'client') {
      this.d.fanout.toLocalClient(message.clientId, message.message, { sequenced: message.sequenced });
    } else if (message.kind === 'command') {
      this.onCommand(message);
    }
  }

  private onCommand(c: RoomCommand): void {
    const room = this.d.rooms.get(c.roomId);
    const member = room?.members.get(c.clientId);
    switch (c.command) {
      case RoomCommandName.Reply:
        return this.settle(c.requestId, c.data);
      case RoomCommandName.Join:
        return void this.admitRemote(c);
      case RoomCommandName.Leave:
        if (room && member) this.d.rooms.removeMember(room, member, (c.data as { reason: LeaveReason }).reason);
        return;
      case RoomCommandName.Action:
        if (!room || !member || !c.action) return; // the room moved on; the member's instance learns it next pass
        try {
          this.d.rooms.enqueue(room, member, c.action, c.refId);
        } catch (error) {
          const { code, message } = error instanceof GameError ? error : { code: ErrorCode.Internal, message: 'internal error' };
          this.d.fanout.toClient(c.clientId, serverMessage(MessageType.Error, { code, message, ref_type: MessageType.GameAction, ref_id: c.refId }));
        }
        return;
      case RoomCommandName.Reliable:
        if (room && member) this.d.fanout.publishReliable(room.id, c.data as ServerMessage);
        return;
    }
  }

  private async admitRemote(c: RoomCommand): Promise<void> {
    const { playerId, nickname } = c.data as LocalSeat;
    let reply: Reply;
    try {
      if ((await this.ownerOf(c.roomId)) !== this.instanceId) throw new GameError(ErrorCode.Internal, `room "${c.roomId}" moved to another server; join again`);
      await this.load(c.roomId);
      reply = { message: this.d.rooms.admit(c.roomId, { clientId: c.clientId, playerId, nickname, instanceId: c.origin }) };
    } catch (error) {
      const e = error instanceof GameError ? error : new GameError(ErrorCode.Internal, 'the room could not be joined');
      reply = { error: { code: e.code, message: e.message } };
    }
    if (c.origin) this.d.bus.publish(instanceChannel(c.origin), { kind: 'command', command: RoomCommandName.Reply, roomId: c.roomId, clientId: c.clientId, requestId: c.requestId, data: reply });
  }

  private request(owner: string, roomId: string, clientId: string, data: unknown): Promise<unknown> {
    const requestId = randomId(9);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new GameError(ErrorCode.Internal, `the server running room "${roomId}" did not answer; join again`));
      }, this.d.cluster.forwardTimeoutMs);
      timer.unref();
      this.pending.set(requestId, { resolve, reject, timer });
      this.d.bus.publish(instanceChannel(owner), { kind: 'command', command: RoomCommandName.Join, roomId, clientId, requestId, data });
    });
  }

  private settle(requestId: string | undefined, data: unknown): void {
    const pending = requestId ? this.pending.get(requestId) : undefined;
    if (!pending || !requestId) return;
    this.pending.delete(requestId);
    clearTimeout(pending.timer);
    pending.resolve(data);
  }

  /** Publishes a command to the room's holder; false when none is known. */
  private command(roomId: string, command: RoomCommandName, clientId: string, extra: Partial<RoomCommand>): boolean {
    const owner = this.owners.get(roomId);
    if (!owner) return false;
    this.d.bus.publish(instanceChannel(owner), { kind: 'command', command, roomId, clientId, ...extra });
    return true;
  }

  private async deliverRemote(clientId: string, message: ServerMessage, sequenced: boolean): Promise<boolean> {
    let instance = await this.d.registry.locate(clientId);
    if (!instance) {
      // A client that connected a moment ago is registered by the next pass.
      await new Promise((resolve) => setTimeout(resolve, PASS_MS * 2).unref());
      instance = await this.d.registry.locate(clientId);
    }
    if (!instance) return this.d.fanout.toLocalClient(clientId, message, { sequenced });
    if (instance === this.instanceId) return this.d.fanout.toLocalClient(clientId, message, { sequenced });
    this.d.bus.publish(instanceChannel(instance), { kind: 'client', clientId, message, sequenced });
    return true;
  }

  // ---- ownership ----

  /** The instance running `roomId`, taking the lease if it is free. Redis away: this one. */
  private async ownerOf(roomId: string): Promise<string> {
    if (this.d.rooms.get(roomId)) return this.instanceId;
    const owner = await this.d.leases.holderOf(roomId).catch(() => this.instanceId);
    if (owner !== this.instanceId) this.owners.set(roomId, owner);
    return owner;
  }

  /** Restores a room from its persisted snapshot and presence, if it existed elsewhere before. */
  private load(roomId: string): Promise<void> {
    if (this.d.rooms.get(roomId)) return Promise.resolve();
    let loading = this.loading.get(roomId);
    if (!loading) {
      loading = this.restore(roomId).finally(() => this.loading.delete(roomId));
      this.loading.set(roomId, loading);
    }
    return loading;
  }

  private async restore(roomId: string): Promise<void> {
    const [stored, present] = await Promise.all([this.d.store.load(roomId), this.d.store.members(roomId)]).catch(
      () => [null, [] as StoredMember[]] as const,
    );
    if (this.d.rooms.get(roomId)) return;
    const list = present.length ? present : (stored?.members ?? []);
    if (list.length === 0) return; // a new room: the join creates it
    const lastSeq = new Map(stored?.members.map((m) => [m.clientId, m.lastInputSeq ?? 0]) ?? []);
    const members: Member[] = list.map((m) => ({
      clientId: m.clientId,
      playerId: m.playerId,
      nickname: m.nickname,
      entityId: m.entityId,
      lastInputSeq: lastSeq.get(m.clientId) ?? 0,
      instanceId: m.instanceId === this.instanceId ? undefined : m.instanceId,
    }));
    const room = this.d.rooms.newRoom(roomId, (logic) =>
      stored?.state !== undefined && logic.restore ? logic.restore(stored.state, members) : logic.createState(roomId),
    );
    for (const member of members) room.restoreMember(member);
    // The dead owner may have sent frames after this snapshot: skip as many as it could have
    // ticked since, so that `frame_num` never goes backwards for a client.
    const tickMs = this.d.rooms.clock().tickMs;
    room.frameNum = stored ? stored.frameNum + Math.ceil((Date.now() - stored.savedAt) / tickMs) + 1 : 0;
    room.upcomingEntityId = stored?.nextEntityId ?? 1;
    const inState = new Set(this.d.rooms.runLogic(room, () => room.logic.snapshot(room.state)).map((view) => view.player_id));
    const clock = this.d.rooms.clock();
    for (const member of members) {
      if (!inState.has(member.playerId)) this.d.rooms.runLogic(room, () => room.logic.onJoin(room.state, member, clock));
    }
    this.d.rooms.adopt(room);
    this.logger.log(`took over room ${roomId} at frame ${room.frameNum} with ${members.length} members`);
  }

  // ---- the housekeeping pass ----

  private async pass(): Promise<void> {
    if (this.passRunning) return;
    this.passRunning = true;
    try {
      const now = Date.now();
      await this.d.registry.sync(this.localClientIds(), now);
      if (now - this.lastLeasePass >= this.d.cluster.roomLeaseMs / 3) {
        this.lastLeasePass = now;
        await this.renewLeases();
        await this.sweepOrphans(now);
      }
      if (now - this.lastSnapshot >= this.d.cluster.snapshotIntervalMs) {
        this.lastSnapshot = now;
        await this.persist();
      }
    } catch (error) {
      this.logger.debug(`housekeeping pass failed: ${(error as Error).message}`);
    } finally {
      this.passRunning = false;
    }
  }

  private *localClientIds(): Iterable<string> {
    for (const connection of this.d.pool.values()) yield connection.clientId;
  }

  /** Renews the rooms run here; for rooms with members here run elsewhere, takes the lease once it expired. */
  private async renewLeases(): Promise<void> {
    const running = new Map([...this.d.rooms.runningRooms()].map((room) => [room.id, room]));
    const holders = await this.d.leases.holdersOf([...running.keys(), ...this.seats.keys()]);
    for (const [roomId, holder] of holders) {
      if (holder === null) continue; // Redis away: keep doing what we did
      const room = running.get(roomId);
      if (room && holder !== this.instanceId) {
        this.logger.warn(`lost room ${roomId} to instance ${holder}; forwarding to it from now on`);
        this.d.rooms.relinquish(room);
        this.reseat(room, holder);
      } else if (!room && holder === this.instanceId) {
        await this.takeOver(roomId);
      } else if (!room) {
        this.owners.set(roomId, holder);
      }
    }
  }

  private async takeOver(roomId: string): Promise<void> {
    await this.load(roomId);
    const seats = this.seats.get(roomId);
    this.seats.delete(roomId);
    this.owners.delete(roomId);
    // Redis may have lost the room entirely: seat this instance's members in a fresh one.
    for (const [clientId, seat] of seats ?? []) {
      if (this.d.rooms.get(roomId)?.members.has(clientId)) continue;
      try {
        this.d.rooms.admit(roomId, { clientId, ...seat });
      } catch (error) {
        this.logger.warn(`could not reseat ${clientId} in room ${roomId}: ${(error as Error).message}`);
      }
    }
  }

  /** After losing a room: this instance's members join the new holder's copy. */
  private reseat(room: Room, holder: string): void {
    const seats = this.seatsOf(room.id);
    this.owners.set(room.id, holder);
    for (const member of room.members.values()) {
      if (member.instanceId !== undefined || !this.d.pool.get(member.clientId)) continue;
      seats.set(member.clientId, { playerId: member.playerId, nickname: member.nickname });
      this.request(holder, room.id, member.clientId, { playerId: member.playerId, nickname: member.nickname }).catch(() => undefined);
    }
  }

  /** Members whose instance died keep their seat for the resume grace, then leave with `timeout`. */
  private async sweepOrphans(now: number): Promise<void> {
    const rooms = [...this.d.rooms.runningRooms()];
    const instances = new Set<string>();
    for (const room of rooms) for (const m of room.members.values()) if (m.instanceId) instances.add(m.instanceId);
    if (instances.size === 0) return;
    const alive = await this.d.registry.alive(instances);
    if (!alive) return;
    for (const room of rooms) {
      for (const member of [...room.members.values()]) {
        if (!member.instanceId || alive.has(member.instanceId)) {
          member.orphanedAt = undefined;
          continue;
        }
        member.orphanedAt ??= now;
        if (now - member.orphanedAt >= this.d.session.resumeGraceMs) this.d.rooms.removeMember(room, member, LeaveReason.Timeout);
      }
    }
  }

  /** Persists every room run here whose frame moved since the last snapshot. */
  private async persist(): Promise<void> {
    const saves: Promise<void>[] = [];
    for (const room of this.d.rooms.runningRooms()) {
      if (this.persistedFrame.get(room) === room.frameNum) continue;
      const state = room.logic.serialize ? this.d.rooms.runLogic(room, () => room.logic.serialize!(room.state)) : undefined;
      const frame = room.frameNum;
      saves.push(
        this.d.store
          .save(room.id, { frameNum: frame, savedAt: Date.now(), nextEntityId: room.upcomingEntityId, state, members: [...room.members.values()].map((m) => this.toStored(m)) })
          .then(() => void this.persistedFrame.set(room, frame)),
      );
    }
    await Promise.allSettled(saves);
  }

  private toStored(member: Member): StoredMember {
    const { clientId, playerId, nickname, entityId, lastInputSeq } = member;
    return { clientId, playerId, nickname, entityId, lastInputSeq, instanceId: member.instanceId ?? this.instanceId };
  }

  private seatsOf(roomId: string): Map<string, LocalSeat> {
    let seats = this.seats.get(roomId);
    if (!seats) this.seats.set(roomId, (seats = new Map()));
    return seats;
  }

  private unseat(connection: Connection, roomId: string): void {
    connection.rooms.delete(roomId);
    this.d.fanout.detach(roomId, connection);
    this.seats.get(roomId)?.delete(connection.clientId);
  }
}
