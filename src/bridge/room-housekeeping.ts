import { Logger } from '@nestjs/common';
import type { ClientRegistry, RoomLeases, RoomStateStore } from '../cluster';
import type { ConnectionPool } from '../connection';
import type { RoomHistory } from '../history';
import { LeaveReason, type ServerMessage } from '../protocol';
import type { GameLogicRunner, Room, RoomAdmission, RoomFanout, RoomRegistry } from '../rooms';
import type { RemoteSeats } from './remote-seats';
import { toStoredMember } from './room-presence';
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
  private passRunning = false;
  private lastLeasePass = 0;
  private lastSnapshot = 0;

  constructor(
    private readonly cluster: { leases: RoomLeases; clients: ClientRegistry; store: RoomStateStore },
    private readonly core: { rooms: RoomRegistry; admission: RoomAdmission; runner: GameLogicRunner; history: RoomHistory; fanout: RoomFanout },
    private readonly bridge: { remote: RemoteSeats; restorer: RoomRestorer; owners: RoomOwners },
    private readonly pool: ConnectionPool,
    private readonly instanceId: string,
    private readonly times: HousekeepingTimes,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.pass(), PASS_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Redis came back (maybe empty): rewrite registrations, leases and snapshots at once. */
  rewriteAll(): void {
    this.cluster.clients.reset();
    this.lastLeasePass = this.lastSnapshot = 0;
    void this.pass();
  }

  private async pass(): Promise<void> {
    if (this.passRunning) return;
    this.passRunning = true;
    try {
      const now = Date.now();
      await this.cluster.clients.sync(this.localClientIds(), now);
      if (now - this.lastLeasePass >= this.times.roomLeaseMs / 3) {
        this.lastLeasePass = now;
        await this.renewLeases();
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
    }
  }

  private *localClientIds(): Iterable<string> {
    for (const connection of this.pool.values()) yield connection.clientId;
  }

  /** Renews the rooms run here; for rooms with members here run elsewhere, takes the lease once it expired. */
  private async renewLeases(): Promise<void> {
    const { rooms } = this.core;
    const { remote } = this.bridge;
    const running = new Map([...rooms.values()].map((room) => [room.id, room]));
    const owners = await this.cluster.leases.ownersOf([...running.keys(), ...remote.rooms()]);
    for (const [roomId, owner] of owners) {
      if (owner === null) continue; // Redis away: keep doing what we did
      const room = running.get(roomId);
      if (room && owner !== this.instanceId) {
        this.logger.warn(`lost room ${roomId} to instance ${owner}; forwarding to it from now on`);
        rooms.relinquish(room);
        this.reseat(room, owner);
      } else if (!room && owner === this.instanceId) {
        await this.takeOver(roomId);
      } else if (!room) {
        remote.setOwner(roomId, owner);
      }
    }
  }

  private async takeOver(roomId: string): Promise<void> {
    await this.bridge.restorer.load(roomId);
    const seats = this.bridge.remote.take(roomId);
    // Redis may have lost the room entirely: seat this instance's members in a fresh one, whose
    // frames continue above the last one delivered here.
    const frameFloor = this.core.fanout.lastFrame(roomId);
    for (const [clientId, seat] of seats ?? []) {
      if (this.core.rooms.get(roomId)?.members.has(clientId)) continue;
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
    remote.setEpoch(room.id, this.core.history.position(room.id).epoch);
    const frameFloor = Math.max(room.frameNum, this.core.fanout.lastFrame(room.id));
    for (const member of room.members.values()) {
      const connection = member.instanceId === undefined ? this.pool.get(member.clientId) : undefined;
      if (!connection) continue;
      const seat = { playerId: member.playerId, nickname: member.nickname, wireVersion: member.wireVersion };
      remote.seat(room.id, member.clientId, seat);
      // Held until the new copy's snapshot is sent: none of its frames may precede it.
      this.core.fanout.rehold(connection, room.id);
      const live = () => connection.rooms.has(room.id) && this.core.fanout.attach(connection, room.id);
      owners
        .ask(owner, room.id, member.clientId, { ...seat, frameFloor })
        .then((reply) => {
          const snapshot = reply.message as ServerMessage<'room_joined'> | undefined;
          if (!snapshot || !connection.rooms.has(room.id)) return live();
          remote.setEpoch(room.id, snapshot.payload.epoch);
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
      const state = room.state.serialize();
      const frame = room.frameNum;
      const members = [...room.members.values()].map((m) => toStoredMember(m, this.instanceId));
      const stored = { frameNum: frame, savedAt: Date.now(), nextEntityId: state.nextId, kind: room.kind.name, options: { ...room.options }, state, members };
      saves.push(this.cluster.store.save(room.id, stored).then(() => void this.persistedFrame.set(room, frame)));
    }
    await Promise.allSettled(saves);
  }
}
