import { Logger } from '@nestjs/common';
import type { ClientRegistry, RoomStateStore } from '../cluster';
import type { ConnectionPool } from '../connection';
import { LeaveReason } from '../protocol';
import type { Room, RoomAdmission, RoomRegistry } from '../rooms';
import type { RoomFence } from './room-fence';
import type { RoomLeasePass } from './room-lease-pass';
import { toStoredRoom } from './room-presence';

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
 * registry diff and refresh, the lease pass (`RoomLeasePass`: renewal or takeover, unconfirmed
 * leaves), orphan sweep, snapshots.
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
    private readonly cluster: { clients: ClientRegistry; store: RoomStateStore },
    private readonly core: { rooms: RoomRegistry; admission: RoomAdmission },
    private readonly bridge: { leasePass: RoomLeasePass; fence: RoomFence },
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
        await this.bridge.leasePass.renew();
        this.afterLeasePass();
        await this.bridge.leasePass.resendLeaves();
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
