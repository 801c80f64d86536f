import { Logger } from '@nestjs/common';
import { LeaveReason } from '../protocol';
import type { RemoteSeats } from './remote-seats';
import type { Room } from './room';
import type { RoomBridgeDeps } from './room-bridge.service';
import { type RoomRestorer, toStoredMember } from './room-restorer';

// Registry diffs (new and gone clients) run this often; leases and snapshots on their own periods.
export const PASS_MS = 200;

/**
 * The bridge's one housekeeping pass per instance (never a timer per room or client): client
 * registry diff and refresh, lease renewal or takeover, orphan sweep, snapshots.
 */
export class RoomHousekeeping {
  private readonly logger = new Logger('RoomBridge');
  private readonly persistedFrame = new WeakMap<Room, number>();
  private timer: NodeJS.Timeout | undefined;
  private passRunning = false;
  private lastLeasePass = 0;
  private lastSnapshot = 0;

  constructor(
    private readonly d: RoomBridgeDeps,
    private readonly remote: RemoteSeats,
    private readonly restorer: RoomRestorer,
    /** Asks a room's holder to seat a client of this instance (the bridge's join request). */
    private readonly requestSeat: (owner: string, roomId: string, clientId: string, seat: { playerId: string; nickname: string }) => Promise<unknown>,
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
    this.d.registry.reset();
    this.lastLeasePass = this.lastSnapshot = 0;
    void this.pass();
  }

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
    const holders = await this.d.leases.holdersOf([...running.keys(), ...this.remote.rooms()]);
    for (const [roomId, holder] of holders) {
      if (holder === null) continue; // Redis away: keep doing what we did
      const room = running.get(roomId);
      if (room && holder !== this.d.instanceId) {
        this.logger.warn(`lost room ${roomId} to instance ${holder}; forwarding to it from now on`);
        this.d.rooms.relinquish(room);
        this.reseat(room, holder);
      } else if (!room && holder === this.d.instanceId) {
        await this.takeOver(roomId);
      } else if (!room) {
        this.remote.setOwner(roomId, holder);
      }
    }
  }

  private async takeOver(roomId: string): Promise<void> {
    await this.restorer.load(roomId);
    const seats = this.remote.take(roomId);
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
    this.remote.setOwner(room.id, holder);
    this.remote.setEpoch(room.id, this.d.history.position(room.id).epoch);
    for (const member of room.members.values()) {
      if (member.instanceId !== undefined || !this.d.pool.get(member.clientId)) continue;
      const seat = { playerId: member.playerId, nickname: member.nickname };
      this.remote.seat(room.id, member.clientId, seat);
      this.requestSeat(holder, room.id, member.clientId, seat).catch(() => undefined);
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
      const members = [...room.members.values()].map((m) => toStoredMember(m, this.d.instanceId));
      saves.push(
        this.d.store
          .save(room.id, { frameNum: frame, savedAt: Date.now(), nextEntityId: room.upcomingEntityId, state, members })
          .then(() => void this.persistedFrame.set(room, frame)),
      );
    }
    await Promise.allSettled(saves);
  }
}
