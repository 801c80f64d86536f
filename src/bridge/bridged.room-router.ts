import { Logger } from '@nestjs/common';
import type { RoomStateStore } from '../cluster';
import type { Connection } from '../connection';
import type { RoomHistory } from '../history';
import { ErrorCode, GameError, type GameActionPayload, type JoinRoomPayload, LeaveReason, type ServerMessage } from '../protocol';
import {
  type LocalRoomRouter,
  type ParkedSeat,
  type RoomAdmission,
  type RoomFanout,
  type RoomRegistry,
  type RoomRejoin,
  type RoomRouter,
  type SeatClaim,
  targetRoomId,
} from '../rooms';
import { RoomCommandName } from './bridge.topics';
import type { RemoteLeaves } from './remote-leaves';
import type { RemoteSeats } from './remote-seats';
import type { Reply, RoomOwners } from './room-owners';
import type { RoomRestorer } from './room-restorer';

const movingError = (roomId: string) => new GameError(ErrorCode.Internal, `room "${roomId}" is moving between servers; send it again in a moment`);
const noAnswer = (roomId: string) => `the server running room "${roomId}" did not answer (it may be moving to another server); send it again`;

/**
 * Rooms that span instances (REDIS_URL). Exactly one instance runs a room (owns its lease, ticks
 * it, gives its reliable events their offsets): what concerns a room run here goes to the local
 * router; joins, leaves, actions and chat for a room run elsewhere are forwarded to its owner on
 * its instance channel, while this instance relays the owner's room broadcasts to its local
 * members. A seat outlives its socket: a session dropped anywhere resumes on any instance, which
 * asks the owner for the missed events and a snapshot.
 */
export class BridgedRoomRouter implements RoomRouter {
  private readonly logger = new Logger(BridgedRoomRouter.name);

  constructor(
    private readonly local: LocalRoomRouter,
    private readonly core: { rooms: RoomRegistry; admission: RoomAdmission; fanout: RoomFanout; history: RoomHistory; presence: RoomStateStore },
    private readonly owners: RoomOwners,
    private readonly restorer: RoomRestorer,
    private readonly remote: RemoteSeats,
    private readonly leaves: RemoteLeaves,
    private readonly instanceId: string,
  ) {}

  async join(connection: Connection, request: JoinRoomPayload): Promise<void> {
    const roomId = request.room_id;
    this.core.admission.checkAccess(connection, roomId);
    this.leaves.cancel(roomId, connection.clientId);
    const owner = await this.owners.ownerOf(roomId);
    if (owner === this.instanceId) {
      this.mayActFor(roomId);
      await this.restorer.load(roomId);
      return this.local.joinHere(connection, request);
    }
    const playerId = this.core.admission.playerIdOf(connection, request.user_id);
    const seat = { playerId, nickname: request.nickname || playerId, wireVersion: connection.wireVersion };
    const fresh = !connection.rooms.has(roomId);
    // Held from before asking: nothing published after the owner's snapshot is missed, nothing
    // newer than it arrives first (released with the snapshot below).
    this.core.fanout.hold(connection, roomId);
    if (fresh) this.remote.seat(roomId, connection.clientId, seat);
    let joined: ServerMessage<'room_joined'>;
    try {
      const reply = await this.owners.ask(owner, roomId, connection.clientId, { ...seat, kind: request.kind, options: request.options, redirect: request.redirect });
      if (reply.error) throw new GameError(reply.error.code, reply.error.message);
      if (reply.redirect) throw roomElsewhere(roomId, reply.redirect);
      joined = reply.message as ServerMessage<'room_joined'>;
    } catch (error) {
      if (fresh) {
        this.core.fanout.detach(connection, roomId);
        this.remote.unseat(roomId, connection.clientId);
      }
      throw error;
    }
    connection.playerId = playerId;
    this.remote.setEpoch(roomId, joined.payload.epoch);
    this.core.fanout.release(connection, roomId, joined);
  }

  leave(connection: Connection, roomId: string, reason: LeaveReason): void {
    if (this.core.rooms.inDoubt(roomId) && this.local.seatedHere(roomId, connection.clientId)) {
      // The lease is in doubt: the connection leaves now, its seat once the owner is known.
      this.core.fanout.detach(connection, roomId);
      return this.unseatLater(roomId, connection.clientId, reason);
    }
    if (!this.isRemote(connection, roomId)) return this.local.leave(connection, roomId, reason);
    this.core.fanout.detach(connection, roomId);
    this.leaves.send(this.remote.ownerOf(roomId), roomId, connection.clientId, reason);
    this.remote.unseat(roomId, connection.clientId);
  }

  leaveAll(connection: Connection, reason: LeaveReason): void {
    for (const roomId of [...connection.rooms]) this.leave(connection, roomId, reason);
  }

  /**
   * An action for a room run elsewhere. With a client message id (the client waits for its `ack`)
   * the owner answers once it is queued, so the ack never stands for an action that was lost
   * with a dead owner; without one it is sent and forgotten (the hot path: no answer per action).
   */
  queueAction(connection: Connection, action: GameActionPayload, refId?: string): void | Promise<void> {
    const roomId = targetRoomId(connection, action.room_id);
    if (!this.isRemote(connection, roomId)) {
      this.mayActFor(roomId);
      return this.local.queueAction(connection, action, refId);
    }
    const owner = this.remote.ownerOf(roomId);
    if (!owner) throw movingError(roomId);
    const command = { command: RoomCommandName.Action, roomId, clientId: connection.clientId, action, refId };
    if (refId === undefined) return this.owners.send(owner, command);
    return this.answered(this.owners.request(owner, command, noAnswer(roomId)));
  }

  /** Chat for a room run elsewhere resolves once its owner gave it an offset and published it (then the sender gets its `ack`). */
  publishReliable(roomId: string, message: ServerMessage): void | Promise<void> {
    if (this.core.rooms.get(roomId)) {
      this.mayActFor(roomId);
      return this.local.publishReliable(roomId, message);
    }
    const clientId = (message.payload as { from_client_id?: string }).from_client_id ?? '';
    const owner = this.remote.ownerOf(roomId);
    // Refuse rather than ack a chat that would go nowhere (the room is between owners).
    if (!owner) throw movingError(roomId);
    return this.answered(this.owners.request(owner, { command: RoomCommandName.Reliable, roomId, clientId, data: message }, noAnswer(roomId)));
  }

  private async answered(request: Promise<Reply>): Promise<void> {
    const reply = await request;
    if (reply.error) throw new GameError(reply.error.code, reply.error.message);
  }

  membership(connection: Connection, roomId: string | undefined): { roomId: string; playerId: string } {
    const id = targetRoomId(connection, roomId);
    if (!this.isRemote(connection, id)) return this.local.membership(connection, id);
    return { roomId: id, playerId: connection.playerId ?? connection.clientId };
  }

  async sharesRoom(connection: Connection, clientId: string): Promise<boolean> {
    const elsewhere: string[] = [];
    for (const roomId of connection.rooms) {
      if (this.core.rooms.get(roomId)) {
        if (this.local.seatedHere(roomId, clientId)) return true;
      } else if (this.remote.has(roomId, clientId)) {
        return true; // a member connected here
      } else elsewhere.push(roomId);
    }
    const found = await Promise.all(elsewhere.map((roomId) => this.core.presence.hasMember(roomId, clientId).catch(() => false)));
    return found.includes(true);
  }

  seats(connection: Connection): ParkedSeat[] {
    return [...connection.rooms].map((roomId) =>
      this.core.rooms.get(roomId) ? { roomId, epoch: this.core.history.position(roomId).epoch } : { roomId, epoch: this.remote.epochOf(roomId) },
    );
  }

  suspend(connection: Connection): ParkedSeat[] {
    return [...connection.rooms].map((roomId) => {
      if (this.core.rooms.get(roomId)) return this.local.suspendSeat(connection, roomId);
      // The seat stays with the room's owner, which learns that it waits for its player; the
      // epoch is the one it last reported.
      this.core.fanout.detach(connection, roomId);
      this.owners.tell(roomId, RoomCommandName.Park, connection.clientId);
      const epoch = this.remote.epochOf(roomId);
      this.remote.unseat(roomId, connection.clientId);
      return { roomId, epoch };
    });
  }

  async rejoin(connection: Connection, claim: SeatClaim): Promise<RoomRejoin> {
    const { roomId, clientId, since } = claim;
    this.core.fanout.hold(connection, roomId);
    const owner = await this.owners.ownerOf(roomId);
    if (owner === this.instanceId) {
      // Run here, or taken over here now that its owner is gone.
      await this.restorer.load(roomId);
      return this.local.rejoin(connection, claim);
    }
    const reply = await this.owners.ask(owner, roomId, clientId, { playerId: '', nickname: '', wireVersion: connection.wireVersion, resume: since ?? null });
    if (reply.error) throw new GameError(reply.error.code, reply.error.message);
    const snapshot = reply.message as ServerMessage<'room_joined'> | undefined;
    return { events: reply.events ?? [], snapshot, recovered: snapshot?.payload.recovered ?? false, owner };
  }

  release(connection: Connection, roomId: string, rejoin?: RoomRejoin): void {
    this.local.release(connection, roomId, rejoin);
    const snapshot = rejoin?.snapshot;
    if (!rejoin?.owner || !snapshot) return;
    // Back in a room run by `owner`: forward for this connection from now on.
    const player = snapshot.payload.players.find((p) => p.client_id === connection.clientId);
    this.remote.seat(roomId, connection.clientId, {
      playerId: player?.player_id ?? connection.clientId,
      nickname: player?.nickname ?? connection.clientId,
      wireVersion: connection.wireVersion,
    });
    this.remote.setOwner(roomId, rejoin.owner);
    this.remote.setEpoch(roomId, snapshot.payload.epoch);
  }

  expire(clientId: string, roomIds: string[]): void {
    for (const roomId of roomIds) {
      if (this.core.rooms.get(roomId)) {
        if (!this.core.rooms.inDoubt(roomId)) this.local.expireSeat(clientId, roomId);
        else this.unseatLater(roomId, clientId, LeaveReason.Timeout);
        continue;
      }
      this.free(clientId, roomId).catch((error: Error) =>
        this.logger.warn(`could not free the seat of ${clientId} in room ${roomId}: ${error.message}`),
      );
    }
  }

  /** Frees a seat wherever its room runs (its session's grace ran out on this instance's sweep). */
  private async free(clientId: string, roomId: string): Promise<void> {
    const owner = await this.owners.ownerOf(roomId);
    if (owner !== this.instanceId) return this.leaves.send(owner, roomId, clientId, LeaveReason.Timeout);
    await this.restorer.load(roomId);
    this.local.expireSeat(clientId, roomId);
  }

  /**
   * Refuses (INTERNAL, send again) to act for a room run here while its lease is in doubt (the
   * instance stalled near or past its lease deadline; `RoomFence`): its successor may run it by now.
   */
  private mayActFor(roomId: string): void {
    if (this.core.rooms.inDoubt(roomId)) throw movingError(roomId);
  }

  /** A leave of a room whose lease is in doubt: sent to this instance's own commands, which hold it until the owner is known. */
  private unseatLater(roomId: string, clientId: string, reason: LeaveReason): void {
    this.owners.send(this.instanceId, { command: RoomCommandName.Leave, roomId, clientId, data: { reason } });
  }

  /** A room this connection is in that another instance runs. */
  private isRemote(connection: Connection, roomId: string): boolean {
    return !this.core.rooms.get(roomId) && connection.rooms.has(roomId);
  }
}

/** Room placement's answer: not joined here; the room runs at `ownerUrl`. */
function roomElsewhere(roomId: string, ownerUrl: string): GameError {
  return new GameError(ErrorCode.RoomElsewhere, `room "${roomId}" runs on another server: connect to owner_url and join there`, { owner_url: ownerUrl });
}
