import { Logger } from '@nestjs/common';
import type { RoomLeases, RoomStateStore, StoredRoom } from '../cluster';
import type { RoomHistory } from '../history';
import type { RoomRegistry } from '../rooms';
import { RoomCommandName } from './bridge.topics';
import type { RoomHousekeeping } from './room-housekeeping';
import { toStoredRoom } from './room-presence';
import type { RoomOwners } from './room-owners';
import type { RoomRestorer } from './room-restorer';

/** A room given away: its final snapshot and the other instances with members in it. */
interface HandedRoom {
  roomId: string;
  snapshot: StoredRoom;
  instances: Set<string>;
}

/**
 * A graceful shutdown gives its rooms away instead of leaving them to a failover. Without it the
 * rooms of a stopped instance froze until their leases expired (up to ROOM_LEASE_MS) and then
 * resumed from the last periodic snapshot, losing up to ROOM_SNAPSHOT_INTERVAL_MS of state, as
 * after a kill -9. Once its clients are closed (they resume elsewhere), the instance:
 * 1. stops its housekeeping (no lease taken or renewed by a pass) and refuses from now on to
 *    look up, take or restore a room (joins, resumes and chat sent to it get the retryable
 *    INTERNAL: their instances send them again, to the next owner);
 * 2. in one synchronous turn: ticks its rooms a last time (actions acked as queued are applied),
 *    takes each room's snapshot and stops running it: nothing can change a room in between;
 * 3. waits for each room's log appends to be written, saves the snapshot, releases the lease
 *    (only if still its own) and tells the instances with members in the room, which try to take
 *    it over at once instead of at their next lease pass. A member resuming elsewhere takes it as
 *    soon as the lease is free. Rooms whose lease is in doubt (`RoomFence`) are only stopped: a
 *    successor may run them already.
 */
export class RoomHandover {
  private readonly logger = new Logger(RoomHandover.name);

  constructor(
    private readonly core: { rooms: RoomRegistry; history: RoomHistory },
    private readonly cluster: { leases: RoomLeases; store: RoomStateStore },
    private readonly bridge: { owners: RoomOwners; restorer: RoomRestorer; housekeeping: RoomHousekeeping },
    private readonly instanceId: string,
    /** One tick of the tick loop over every active room (`SyncService.tick`). */
    private readonly tickAll: (now: number) => void,
  ) {}

  async handOver(): Promise<void> {
    await this.bridge.housekeeping.stop();
    this.bridge.owners.retire();
    this.bridge.restorer.retire();
    const handed = this.stopRunning();
    if (handed.length === 0) return;
    await Promise.all(handed.map((room) => this.giveAway(room)));
    this.logger.log(`handed over ${handed.length} rooms`);
  }

  /** Synchronous: the last tick, the snapshots, and no room run here any more. */
  private stopRunning(): HandedRoom[] {
    const { rooms } = this.core;
    this.tickAll(Date.now());
    const handed: HandedRoom[] = [];
    for (const room of [...rooms.values()]) {
      if (!rooms.inDoubt(room.id)) {
        const instances = new Set([...room.members.values()].flatMap((m) => (m.instanceId === undefined ? [] : [m.instanceId])));
        handed.push({ roomId: room.id, snapshot: toStoredRoom(room, this.instanceId), instances });
      }
      rooms.relinquish(room);
    }
    return handed;
  }

  private async giveAway({ roomId, snapshot, instances }: HandedRoom): Promise<void> {
    try {
      await this.core.history.written?.(roomId);
      await this.cluster.store.save(roomId, snapshot);
    } catch (error) {
      // Released anyway: the successor restores the last snapshot saved, as after a failover, only sooner.
      this.logger.warn(`room ${roomId}: final snapshot not saved (${(error as Error).message}); releasing it anyway`);
    }
    await this.cluster.leases.release(roomId);
    for (const instance of instances) this.bridge.owners.send(instance, { command: RoomCommandName.Released, roomId, clientId: '' });
  }
}
