import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { Subscription } from 'rxjs';
import { type Bus, instanceChannel, RoomCommandName, type RoomCommand } from '../bus';
import type { ClientRegistry, RoomLeases, RoomStateStore } from '../cluster';
import { randomId } from '../common';
import type { clusterConfig, sessionConfig } from '../config';
import type { Connection, ConnectionPool } from '../connection';
import type { RoomHistory, StreamPosition } from '../history';
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
import { RemoteSeats } from './remote-seats';
import type { Member, Room } from './room';
import type { RoomFanout } from './room-fanout.service';
import { PASS_MS, RoomHousekeeping } from './room-housekeeping';
import { type JoinData, type Reply, RoomOwnerCommands } from './room-owner-commands';
import { RoomRestorer, toStoredMember } from './room-restorer';
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
  history: RoomHistory;
  cluster: ConfigType<typeof clusterConfig>;
  session: ConfigType<typeof sessionConfig>;
}

/** The owner's answer to a resumed seat: the missed events and a fresh snapshot, or nothing when the seat is gone. */
export interface RemoteRejoin {
  owner: string;
  events: ServerMessage[];
  snapshot?: ServerMessage<'room_joined'>;
}

interface Pending {
  resolve(data: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** What a member's instance asks with a join: a new seat, or (`resume` set) the seat it already holds. */

/**
 * Rooms that span instances. Exactly one instance runs a room (holds its lease, ticks it, gives
 * its reliable events their offsets); instances with members elsewhere forward joins, leaves,
 * actions and chat to it on its instance channel and relay its room broadcasts (one bus message
 * per tick per room) to their local members. The holder persists the room's state and presence;
 * when it dies its lease expires and the next instance with members that renews takes the room
 * over from that snapshot (RoomRestorer), keeping every member's seat. Housekeeping runs in one
 * pass per instance (RoomHousekeeping).
 *
 * A seat outlives its socket: a session dropped anywhere resumes on any instance, which asks the
 * holder for the missed events and a snapshot (`rejoin`) while holding the room's live
 * broadcasts for the connection; the holder only notes where the member's socket is now.
 */
export class RoomBridge implements RoomSpan, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RoomBridge.name);
  private readonly remote = new RemoteSeats();
  private readonly pending = new Map<string, Pending>();
  private readonly restorer: RoomRestorer;
  private readonly housekeeping: RoomHousekeeping;
  private readonly commands: RoomOwnerCommands;
  private unsubscribe: (() => void) | undefined;
  private status: Subscription | undefined;

  constructor(private readonly d: RoomBridgeDeps) {
    this.restorer = new RoomRestorer(d);
    this.housekeeping = new RoomHousekeeping(d, this.remote, this.restorer, (owner, roomId, clientId, seat) =>
      this.request(owner, roomId, clientId, seat),
    );
    this.commands = new RoomOwnerCommands(d, this.restorer, (roomId) => this.ownerOf(roomId));
    d.rooms.spanInstances(this);
    d.fanout.setRemoteDelivery((clientId, message, sequenced) => this.deliverRemote(clientId, message, sequenced));
  }

  get instanceId(): string {
    return this.d.instanceId;
  }

  onApplicationBootstrap(): void {
    this.unsubscribe = this.d.bus.subscribe(instanceChannel(this.instanceId), (message) => this.onInstanceMessage(message));
    this.status = this.d.bus.status$.subscribe((status) => {
      if (status === 'connected') this.housekeeping.rewriteAll();
    });
    this.housekeeping.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.housekeeping.stop();
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
      await this.restorer.load(roomId);
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
      this.remote.seat(roomId, connection.clientId, { playerId, nickname });
    }
    try {
      const reply = (await this.request(owner, roomId, connection.clientId, { playerId, nickname })) as Reply;
      if (reply.error) throw new GameError(reply.error.code, reply.error.message);
      const joined = reply.message as ServerMessage<'room_joined'>;
      this.remote.setEpoch(roomId, joined.payload.epoch);
      return joined;
    } catch (error) {
      if (fresh) this.unseat(connection, roomId);
      throw error;
    }
  }

  leave(connection: Connection, roomId: string, reason: LeaveReason): void {
    this.command(roomId, RoomCommandName.Leave, connection.clientId, { data: { reason } });
    this.remote.unseat(roomId, connection.clientId);
  }

  forwardAction(connection: Connection, roomId: string, action: GameActionPayload, refId?: string): void {
    if (!this.command(roomId, RoomCommandName.Action, connection.clientId, { action, refId })) {
      throw new GameError(ErrorCode.Internal, `room "${roomId}" is moving to another server; send the action again`);
    }
  }

  forwardReliable(roomId: string, message: ServerMessage): void {
    const clientId = (message.payload as { from_client_id?: string }).from_client_id ?? '';
    // Refuse rather than ack a chat that would go nowhere (the room is between owners).
    if (!this.command(roomId, RoomCommandName.Reliable, clientId, { data: message })) {
      throw new GameError(ErrorCode.Internal, `room "${roomId}" is moving between instances; send it again in a moment`);
    }
  }

  memberAdded(room: Room, member: Member): void {
    this.d.store.addMember(room.id, toStoredMember(member, this.instanceId)).catch(() => undefined);
  }

  memberRemoved(room: Room, member: Member): void {
    this.d.store.removeMember(room.id, member.clientId).catch(() => undefined);
  }

  roomDisposed(room: Room): void {
    this.d.store.delete(room.id).catch(() => undefined);
    void this.d.leases.release(room.id);
  }

  // ---- seats of dropped sessions (called by RoomSeats) ----

  /** A dropped client's seat in a room run elsewhere stays with its holder; returns the epoch it was held in. */
  park(clientId: string, roomId: string): string {
    const epoch = this.remote.epochOf(roomId);
    this.remote.unseat(roomId, clientId);
    return epoch;
  }

  /**
   * Asks the holder of `roomId` for a resumed seat: the reliable events after `since` and a
   * fresh snapshot; the holder notes that the member's socket is on this instance now. Resolves
   * `undefined` when this instance runs the room (taking it over if its holder is gone): the
   * caller rejoins locally then.
   */
  async rejoin(clientId: string, roomId: string, since: StreamPosition | undefined): Promise<RemoteRejoin | undefined> {
    const owner = await this.ownerOf(roomId);
    if (owner === this.instanceId) {
      await this.restorer.load(roomId);
      return undefined;
    }
    const reply = (await this.request(owner, roomId, clientId, { playerId: '', nickname: '', resume: since ?? null })) as Reply;
    if (reply.error) throw new GameError(reply.error.code, reply.error.message);
    return { owner, events: reply.events ?? [], snapshot: reply.message as ServerMessage<'room_joined'> | undefined };
  }

  /** A resumed connection is back in a room run by `owner`: forward for it from now on. */
  seated(clientId: string, roomId: string, owner: string, snapshot: ServerMessage<'room_joined'>): void {
    const player = snapshot.payload.players.find((p) => p.client_id === clientId);
    this.remote.seat(roomId, clientId, { playerId: player?.player_id ?? clientId, nickname: player?.nickname ?? clientId });
    this.remote.setOwner(roomId, owner);
    this.remote.setEpoch(roomId, snapshot.payload.epoch);
  }

  /** Frees a seat wherever its room runs (a parked session's grace ran out on this instance's sweep). */
  async release(clientId: string, roomId: string, reason: LeaveReason): Promise<void> {
    const owner = await this.ownerOf(roomId);
    if (owner !== this.instanceId) {
      this.d.bus.publish(instanceChannel(owner), { kind: 'command', command: RoomCommandName.Leave, roomId, clientId, data: { reason } });
      return;
    }
    await this.restorer.load(roomId);
    const room = this.d.rooms.get(roomId);
    const member = room?.members.get(clientId);
    if (room && member) this.d.rooms.removeMember(room, member, reason);
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
    if (c.command === RoomCommandName.Reply) this.settle(c.requestId, c.data);
    else this.commands.handle(c);
  }

  private request(owner: string, roomId: string, clientId: string, data: JoinData): Promise<unknown> {
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
    const owner = this.remote.ownerOf(roomId);
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

  /** The instance running `roomId`, taking the lease if it is free. Redis away: this one. */
  private async ownerOf(roomId: string): Promise<string> {
    if (this.d.rooms.get(roomId)) return this.instanceId;
    const owner = await this.d.leases.holderOf(roomId).catch(() => this.instanceId);
    if (owner !== this.instanceId) this.remote.setOwner(roomId, owner);
    return owner;
  }

  private unseat(connection: Connection, roomId: string): void {
    connection.rooms.delete(roomId);
    this.d.fanout.detach(roomId, connection);
    this.remote.unseat(roomId, connection.clientId);
  }
}
