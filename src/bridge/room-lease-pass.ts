import { Logger } from '@nestjs/common';
import type { RoomLeases } from '../cluster';
import type { ConnectionPool } from '../connection';
import type { RoomHistory } from '../history';
import type { ServerMessage } from '../protocol';
import type { Room, RoomAdmission, RoomFanout, RoomRegistry } from '../rooms';
import type { RemoteLeaves } from './remote-leaves';
import type { RemoteSeats } from './remote-seats';
import type { RoomFence } from './room-fence';
import type { RoomOwners } from './room-owners';
import type { RoomRestorer } from './room-restorer';

/**
 * The lease part of the housekeeping pass, and what follows from a lease changing hands: renewing
 * the rooms run here, taking over a room whose owner is gone (and seating this instance's members
 * in the copy restored here), losing a room to another instance (and reseating its members there),
 * and sending unconfirmed leaves to whoever holds a room's lease now.
 */
export class RoomLeasePass {
  private readonly logger = new Logger(RoomLeasePass.name);

  constructor(
    private readonly cluster: { leases: RoomLeases },
    private readonly core: { rooms: RoomRegistry; admission: RoomAdmission; history: RoomHistory; fanout: RoomFanout },
    private readonly bridge: { remote: RemoteSeats; restorer: RoomRestorer; owners: RoomOwners; fence: RoomFence; leaves: RemoteLeaves },
    private readonly pool: ConnectionPool,
    private readonly instanceId: string,
  ) {}

  /**
   * Another instance owns a room run here (the lease pass, or Redis refusing this instance's
   * history append for it): stop running it and seat this instance's members in its copy.
   */
  lose(roomId: string, owner: string): void {
    const room = this.core.rooms.get(roomId);
    this.bridge.fence.forget(roomId);
    if (!room) return;
    this.logger.warn(`lost room ${roomId} to instance ${owner}; forwarding to it from now on`);
    this.core.rooms.relinquish(room);
    this.reseat(room, owner);
  }

  /**
   * Renews the rooms run here (each answer naming this instance moves the room's fence deadline
   * to the moment the renewal was sent plus a lease); for rooms with members here run elsewhere,
   * takes the lease once it expired (only looks while takeovers are held: `RoomOwners.redisAway`).
   */
  async renew(): Promise<void> {
    const { rooms } = this.core;
    const { remote, fence, owners: roomOwners } = this.bridge;
    const running = new Map([...rooms.values()].map((room) => [room.id, room]));
    const sentAt = Date.now();
    const takesOver = roomOwners.takesOver();
    const owners = await this.cluster.leases.ownersOf(takesOver ? [...running.keys(), ...remote.rooms()] : running.keys());
    if (!takesOver) for (const [roomId, owner] of (await roomOwners.heldOwners(remote.rooms())) ?? []) owners.set(roomId, owner);
    for (const [roomId, owner] of owners) {
      const room = running.get(roomId);
      if (owner === null) {
        fence.forget(roomId); // Redis away: nobody can take the lease; keep doing what we did
      } else if (room && owner !== this.instanceId) {
        this.lose(roomId, owner);
      } else if (owner === this.instanceId) {
        fence.confirmed(roomId, sentAt);
        if (!room) await this.takeOver(roomId);
      } else if (!room) {
        remote.setOwner(roomId, owner);
      }
    }
    for (const roomId of [...fence.roomIds()]) if (!rooms.get(roomId)) fence.forget(roomId);
  }

  /** Leaves no owner confirmed go to whoever holds their room's lease now; a room run here applies them itself. */
  async resendLeaves(): Promise<void> {
    const { leaves } = this.bridge;
    const roomIds = leaves.rooms();
    if (roomIds.length === 0) return;
    const holders = await this.cluster.leases.holdersOf(roomIds).catch(() => undefined);
    if (!holders) return;
    const { rooms, admission } = this.core;
    leaves.resend(holders, (roomId, clientId, reason) => {
      const room = rooms.get(roomId);
      if (!room || rooms.inDoubt(roomId)) return false; // not restored here yet
      const member = room.members.get(clientId);
      if (member) admission.unseat(room, member, reason);
      return true;
    });
  }

  private async takeOver(roomId: string): Promise<void> {
    await this.bridge.restorer.load(roomId);
    // Redis may have lost the room entirely (nothing restored): the seats below create a fresh one.
    this.adopt(roomId);
  }

  /**
   * The room runs here now: this instance's members who followed it on another instance are
   * seated in this copy, whose frames continue above the last one delivered here. Runs in the turn
   * the room was restored (`RoomRestorer.whenRestored`), whichever path restored it. A member the
   * copy already has goes on receiving its frames if the copy continues the history it knows; if
   * not (Redis had lost the room's log: a new epoch), it gets the copy's `room_joined`. Before, a
   * copy restored for a join forwarded here skipped such members and their clients kept the old
   * epoch (redis-data-loss.e2e-spec.ts).
   */
  adopt(roomId: string): void {
    const knownEpoch = this.bridge.remote.epochOf(roomId);
    const seats = this.bridge.remote.take(roomId);
    const frameFloor = this.core.fanout.lastFrame(roomId);
    for (const [clientId, seat] of seats ?? []) {
      const room = this.core.rooms.get(roomId);
      if (room?.members.has(clientId) && this.core.history.position(roomId).epoch === knownEpoch) continue;
      try {
        const snapshot = this.core.admission.seat(roomId, { clientId, ...seat, frameFloor });
        // A fresh room (new epoch, new frames): the member's client starts over from this snapshot.
        const connection = this.pool.get(clientId);
        if (connection) this.core.fanout.release(connection, roomId, snapshot);
      } catch (error) {
        this.logger.warn(`could not reseat ${clientId} in room ${roomId}: ${(error as Error).message}`);
      }
    }
  }

  /**
   * After losing a room: this instance's members join the new owner's copy, whose frames must
   * continue above the last one they got here; each gets the new copy's snapshot (a new epoch
   * when Redis had lost the room: its client starts over from it).
   */
  private reseat(room: Room, owner: string): void {
    const { remote, owners } = this.bridge;
    remote.setOwner(room.id, owner);
    const { epoch } = this.core.history.position(room.id);
    remote.setEpoch(room.id, epoch);
    const frameFloor = Math.max(room.frameNum, this.core.fanout.lastFrame(room.id));
    // Members here got every reliable event up to this one: the new copy replays those after it.
    const since = { epoch, offset: this.core.fanout.lastOffset(room.id) };
    for (const member of room.members.values()) {
      const connection = member.instanceId === undefined ? this.pool.get(member.clientId) : undefined;
      // A member that left here while the lease was in doubt: its deferred leave goes to the new owner.
      if (!connection?.rooms.has(room.id)) continue;
      const seat = { playerId: member.playerId, nickname: member.nickname, wireVersion: member.wireVersion };
      remote.seat(room.id, member.clientId, seat);
      // Held until the new copy's snapshot is sent: none of its frames may precede it.
      this.core.fanout.rehold(connection, room.id);
      const live = () => connection.rooms.has(room.id) && this.core.fanout.attach(connection, room.id);
      owners
        .ask(owner, room.id, member.clientId, { ...seat, frameFloor, since })
        .then((reply) => {
          const snapshot = reply.message as ServerMessage<'room_joined'> | undefined;
          if (!snapshot || !connection.rooms.has(room.id)) return live();
          remote.setEpoch(room.id, snapshot.payload.epoch);
          // What the new copy published between the last event delivered here and its snapshot.
          for (const event of reply.events ?? []) this.pool.send(connection, event);
          this.core.fanout.release(connection, room.id, snapshot);
        })
        .catch(live);
    }
  }
}
