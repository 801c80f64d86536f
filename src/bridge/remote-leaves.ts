import type { LeaveReason } from '../protocol';
import { RoomCommandName } from './bridge.topics';
import type { RoomOwners } from './room-owners';

interface PendingLeave {
  reason: LeaveReason;
  since: number;
}

/**
 * Leaves of this instance's clients from rooms run elsewhere, kept until an owner answers that the
 * seat is gone. A leave sent one way to an owner that had just died (or was handing its rooms
 * over) was lost, and the successor's copy, restored from a snapshot, kept the player seated for
 * good: its instance lives, so no sweep frees it. Unanswered leaves go again, after each lease
 * pass, to whoever holds the room's lease by then (`resend`); one older than `maxAgeMs` is
 * dropped (no instance restored the room in that time).
 */
export class RemoteLeaves {
  private readonly pending = new Map<string, Map<string, PendingLeave>>();

  constructor(
    private readonly owners: RoomOwners,
    private readonly instanceId: string,
    private readonly maxAgeMs: number,
  ) {}

  /** Tells `owner` (if known) that the client left; kept until it answers. */
  send(owner: string | undefined, roomId: string, clientId: string, reason: LeaveReason): void {
    let room = this.pending.get(roomId);
    if (!room) this.pending.set(roomId, (room = new Map()));
    const leave = { reason, since: Date.now() };
    room.set(clientId, leave);
    if (owner) this.ask(owner, roomId, clientId, leave);
  }

  /** The client joined the room again: its earlier leave must not free the new seat. */
  cancel(roomId: string, clientId: string): void {
    const room = this.pending.get(roomId);
    room?.delete(clientId);
    if (room?.size === 0) this.pending.delete(roomId);
  }

  /** Rooms with leaves no owner confirmed yet. */
  rooms(): string[] {
    return [...this.pending.keys()];
  }

  /**
   * After a lease pass, with who holds each pending room's lease now: leaves of a room whose
   * holder is this instance go to `here` (which answers whether the room runs here yet), the
   * others to their holder; a free lease waits for a holder.
   */
  resend(holders: Map<string, string | undefined>, here: (roomId: string, clientId: string, reason: LeaveReason) => boolean): void {
    const oldest = Date.now() - this.maxAgeMs;
    for (const [roomId, holder] of holders) {
      for (const [clientId, leave] of this.pending.get(roomId) ?? []) {
        if (leave.since < oldest) this.settle(roomId, clientId, leave);
        else if (holder === this.instanceId) {
          if (here(roomId, clientId, leave.reason)) this.settle(roomId, clientId, leave);
        } else if (holder !== undefined) this.ask(holder, roomId, clientId, leave);
      }
    }
  }

  private ask(owner: string, roomId: string, clientId: string, leave: PendingLeave): void {
    const command = { command: RoomCommandName.Leave, roomId, clientId, data: { reason: leave.reason } };
    this.owners.request(owner, command, `the server running room "${roomId}" did not answer a leave`).then(
      (reply) => reply.error === undefined && this.settle(roomId, clientId, leave),
      () => undefined, // kept: sent again after the next lease pass
    );
  }

  /** Only the leave that was answered: not a newer one of the same client (it left, joined and left again). */
  private settle(roomId: string, clientId: string, leave: PendingLeave): void {
    const room = this.pending.get(roomId);
    if (room?.get(clientId) !== leave) return;
    room.delete(clientId);
    if (room.size === 0) this.pending.delete(roomId);
  }
}
