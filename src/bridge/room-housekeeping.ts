import { Logger } from '@nestjs/common';
import type { ClientRegistry, RoomLeases, RoomStateStore } from '../cluster';
import type { ConnectionPool } from '../connection';
import type { RoomHistory } from '../history';
import { LeaveReason, type ServerMessage } from '../protocol';
import type { GameLogicRunner, Room, RoomAdmission, RoomFanout, RoomRegistry } from '../rooms';
import type { RemoteLeaves } from './remote-leaves';
import type { RemoteSeats } from './remote-seats';
import type { RoomFence } from './room-fence';
import { toStoredRoom } from './room-presence';
import type { RoomOwners } from './room-owners';
import type { RoomRestorer } from './room-restorer';

// Registry diffs (new and gone clients) run this often; leases and snapshots on their own periods.
export const PASS_MS = 200;

/** The periods and the grace the pass works with (ROOM_LEASE_MS, ROOM_SNAPSHOT_INTERVAL_MS, RESUME_GRACE_MS). */
export interface HousekeepingTimes {
  roomLeaseMs: number;
  snapshotIntervalMs: number;
  resumeGraceMs: number;
}

/**
 * The bridge's one housekeeping pass per instance (never a timer per room or client): client
 * registry diff and refresh, lease renewal or takeover, orphan sweep, snapshots.
 */
export class RoomHousekeeping {
  private readonly logger = new Logger(RoomHousekeeping.name);
  private readonly persistedFrame = new WeakMap<Room, number>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private passRunning = false;
  /** The pass under way, for `stop` to wait for. */
  private running: Promise<void> = Promise.resolve();
  /** A prompt lease check was asked for while a pass ran: run one right after it. */
  private leaseCheckWanted = false;
  private lastLeasePass = 0;
  private lastSnapshot = 0;

  constructor(
    private readonly cluster: { leases: RoomLeases; clients: ClientRegistry; store: RoomStateStore },
    private readonly core: { rooms: RoomRegistry; admission: RoomAdmission; runner: GameLogicRunner; history: RoomHistory; fanout: RoomFanout },
    private readonly bridge: { remote: RemoteSeats; restorer: RoomRestorer; owners: RoomOwners; fence: RoomFence; leaves: RemoteLeaves },
    private readonly pool: ConnectionPool,
    private readonly instanceId: string,
    private readonly times: HousekeepingTimes,
    /** After each lease pass: commands deferred while a room's lease was in doubt go on. */
    private readonly afterLeasePass: () => void = () => undefined,
  ) {
    bridge.fence.checkNow = () => this.checkLeasesNow();
  }

  start(): void {
    this.timer = setInterval(() => void this.pass(), PASS_MS);
    this.timer.unref();
  }

  /** No pass from now on; resolves once the one under way (if any) finished. */
  stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    return this.running;
  }

  /** Redis came back (maybe empty): rewrite registrations, leases and snapshots at once. */
  rewriteAll(): void {
    if (this.stopped) return;
    this.bridge.owners.redisBack(this.times.roomLeaseMs);
    this.cluster.clients.reset();
    this.lastLeasePass = this.lastSnapshot = 0;
    void this.pass();
  }

  /** A room's lease is in doubt (the fence refused to act for it): renew or find it lost now, not at the next period. */
  checkLeasesNow(): void {
    if (this.stopped) return;
    this.lastLeasePass = 0;
    if (this.passRunning) this.leaseCheckWanted = true;
    else void this.pass();
  }

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

  private pass(): Promise<void> {
    if (this.passRunning || this.stopped) return this.running;
    this.passRunning = true;
    this.running = this.runPass();
    return this.running;
  }

  private async runPass(): Promise<void> {
    try {
      const now = Date.now();
      await this.cluster.clients.sync(this.localClientIds(), now);
      if (now - this.lastLeasePass >= this.times.roomLeaseMs / 3) {
        this.lastLeasePass = now;
        await this.renewLeases();
        this.afterLeasePass();
        await this.resendLeaves();
        await this.sweepOrphans(now);
      }
      if (now - this.lastSnapshot >= this.times.snapshotIntervalMs) {
        this.lastSnapshot = now;
        await this.persist();
      }
    } catch (error) {
      this.logger.debug(`housekeeping pass failed: ${(error as Error).message}`);
    } finally {
      this.passRunning = false;
      if (this.leaseCheckWanted) {
        this.leaseCheckWanted = false;
        this.checkLeasesNow();
      }
    }
  }

  private *localClientIds(): Iterable<string> {
    for (const connection of this.pool.values()) yield connection.clientId;
  }

  /**
   * Renews the rooms run here (each answer naming this instance moves the room's fence deadline
   * to the moment the renewal was sent plus a lease); for rooms with members here run elsewhere,
   * takes the lease once it expired (only looks while takeovers are held: `RoomOwners.redisAway`).
   */
  private async renewLeases(): Promise<void> {
    const { rooms } = this.core;
    const { remote, fence, owners: roomOwners } = this.bridge;
    const running = new Map([...rooms.values()].map((room) => [room.id, room]));
    const sentAt = Date.now();
    const takesOver = roomOwners.takesOver();
    const owners = await this.cluster.leases.ownersOf(takesOver ? [...running.keys(), ...remote.rooms()] : running.keys());
    if (!takesOver) for (const [roomId, owner] of await this.heldOwners(remote.rooms())) owners.set(roomId, owner);
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
  private async resendLeaves(): Promise<void> {
    const { leaves } = this.bridge;
    const roomIds = leaves.rooms();
    if (roomIds.length === 0) return;
    const holders = await this.cluster.leases.holdersOf(roomIds).catch(() => undefined);
    if (!holders) return;
    const { rooms, admission } = this.core;
    leaves.resend(holders, this.instanceId, (roomId, clientId, reason) => {
      const room = rooms.get(roomId);
      if (!room || rooms.inDoubt(roomId)) return false; // not restored here yet
      const member = room.members.get(clientId);
      if (member) admission.unseat(room, member, reason);
      return true;
    });
  }

  /**
   * While takeovers are held: who holds the leases of rooms run elsewhere, free ones left out (not
   * taken); one naming this instance is renewed (it was handed to this one, e.g. by a test or an
   * operator). Empty while Redis is away.
   */
  private async heldOwners(roomIds: Iterable<string>): Promise<Map<string, string | null>> {
    const holders = await this.cluster.leases.holdersOf(roomIds).catch(() => new Map<string, string | undefined>());
    const owners = new Map<string, string | null>();
    for (const [roomId, holder] of holders) {
      if (holder === this.instanceId) owners.set(roomId, await this.cluster.leases.ownerOf(roomId).catch(() => null));
      else if (holder !== undefined) owners.set(roomId, holder);
    }
    return owners;
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

  /**
   * Members whose instance died keep their seat for the resume grace, counted from the moment the
   * first instance found its liveness key expired (the moment its sessions' grace starts too), then
   * leave with `timeout`.
   */
  private async sweepOrphans(now: number): Promise<void> {
    const rooms = [...this.core.rooms.values()];
    const instances = new Set<string>();
    for (const room of rooms) for (const m of room.members.values()) if (m.instanceId) instances.add(m.instanceId);
    if (instances.size === 0) return;
    const dead = await this.cluster.clients.deadSince(instances, now);
    if (!dead) return;
    for (const room of rooms) {
      for (const member of [...room.members.values()]) {
        const since = member.instanceId === undefined ? undefined : dead.get(member.instanceId);
        member.orphanedAt = since;
        if (since !== undefined && now - since >= this.times.resumeGraceMs) this.core.admission.unseat(room, member, LeaveReason.Timeout);
      }
    }
  }

  /** Persists every room run here whose frame moved since the last snapshot: its typed state, every field (the schema is the serializer). */
  private async persist(): Promise<void> {
    const saves: Promise<void>[] = [];
    for (const room of this.core.rooms.values()) {
      if (this.persistedFrame.get(room) === room.frameNum) continue;
      // Never over a successor's snapshot: not while this instance's lease on the room is in doubt.
      if (this.core.rooms.inDoubt(room.id)) continue;
      const frame = room.frameNum;
      const stored = toStoredRoom(room, this.instanceId);
      saves.push(this.cluster.store.save(room.id, stored).then(() => void this.persistedFrame.set(room, frame)));
    }
    await Promise.allSettled(saves);
  }
}
