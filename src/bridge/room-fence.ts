import type { RoomOwnership } from '../rooms';

/** Before its lease's deadline, the owner stops acting this fraction of ROOM_LEASE_MS early. */
export const FENCE_MARGIN = 0.1;

/**
 * Until when this instance surely still owns each room it runs, by its own clock: a take or
 * renewal sent at `sentAt` that came back naming this instance keeps the lease at least until
 * `sentAt + ROOM_LEASE_MS` (Redis set the expiry after it received the command). From a tenth of
 * a lease before that deadline on, the room is treated as not owned — no tick, no reliable event,
 * no ack for it (the bridge refuses with the retryable "moving" error) — until a renewal confirms
 * it again or the lease pass finds it lost. A stalled owner (a long GC, CPU starvation, SIGSTOP)
 * therefore stops acting for a room before a member's instance can take it over, instead of
 * running it beside its successor until its next pass. Each refusal asks for a prompt lease check.
 *
 * A room with no deadline recorded holds: Redis did not answer the last renewal (it is away, and
 * nobody can take a lease from it; the room keeps running from memory, as the bridge always did),
 * or the room started while it was away.
 */
export class RoomFence implements RoomOwnership {
  private readonly deadlines = new Map<string, number>();
  private readonly marginMs: number;
  /** Set by the housekeeping: runs a lease pass now. */
  checkNow: () => void = () => undefined;

  /** ROOM_LEASE_MS. */
  constructor(readonly leaseMs: number) {
    this.marginMs = leaseMs * FENCE_MARGIN;
  }

  /** A take or renewal sent at `sentAt` came back with this instance as the owner. */
  confirmed(roomId: string, sentAt: number): void {
    const until = sentAt + this.leaseMs;
    if (until > (this.deadlines.get(roomId) ?? -Infinity)) this.deadlines.set(roomId, until);
  }

  /** Redis did not answer about the room, or this instance no longer runs it: no deadline. */
  forget(roomId: string): void {
    this.deadlines.delete(roomId);
  }

  /** Whether this instance may act for a room it runs, at `now`; a no asks for a prompt lease check. */
  holds(roomId: string, now = Date.now()): boolean {
    const until = this.deadlines.get(roomId);
    if (until === undefined || now < until - this.marginMs) return true;
    this.checkNow();
    return false;
  }

  /** Rooms with a deadline (the pass drops those it no longer runs). */
  roomIds(): IterableIterator<string> {
    return this.deadlines.keys();
  }
}
