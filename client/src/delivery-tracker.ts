import type { ServerFrame } from './types.js';

/**
 * What the client has seen: the last reliable offset per room (with its epoch) and the last
 * direct-message seq. Used to ask for a replay on resume, and to drop replayed frames that were
 * already delivered, so the application sees each event exactly once.
 */
export class DeliveryTracker {
  private readonly rooms = new Map<string, { offset: number; epoch: string }>();
  private lastSeq = 0;

  /** Whether the frame is new; records its position if so. */
  accept(frame: ServerFrame): boolean {
    if (frame.type === 'room_joined') {
      const { room_id, offset, epoch } = frame.payload;
      const known = this.rooms.get(room_id);
      // A snapshot never moves the position back within an epoch (replays before it were newer).
      if (!known || known.epoch !== epoch || known.offset < offset) this.rooms.set(room_id, { offset, epoch });
      return true;
    }
    if (frame.seq) {
      if (frame.seq <= this.lastSeq) return false;
      this.lastSeq = frame.seq;
    }
    if (frame.offset && frame.room_id) {
      const known = this.rooms.get(frame.room_id);
      if (known) {
        if (frame.offset <= known.offset) return false;
        known.offset = frame.offset;
      }
    }
    return true;
  }

  /** `rooms` and `last_seq` of a `resume` request. */
  position(): { rooms: Record<string, number>; last_seq: number } {
    const rooms: Record<string, number> = {};
    for (const [roomId, { offset }] of this.rooms) rooms[roomId] = offset;
    return { rooms, last_seq: this.lastSeq };
  }

  lastOffset(roomId: string): number | undefined {
    return this.rooms.get(roomId)?.offset;
  }

  forgetRoom(roomId: string): void {
    this.rooms.delete(roomId);
  }

  /** A new session starts from nothing. */
  reset(): void {
    this.rooms.clear();
    this.lastSeq = 0;
  }
}
