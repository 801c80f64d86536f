import { SeenPositions } from './seen-positions.js';
import type { ServerFrame } from './types.js';

interface RoomPosition {
  /** Unknown until the room's first `room_joined`: events may overtake it. */
  epoch: string | undefined;
  seen: SeenPositions;
}

/**
 * What the client has seen: the reliable offsets per room (with their epoch) and the direct-message
 * seqs, each as a `SeenPositions`. Used to ask for a replay on resume, and to drop frames
 * that were already delivered, so the application sees each reliable event at most once, in
 * whatever order frames arrive (a room event may overtake its joiner's `room_joined`, a replay may
 * follow the snapshot that ends it), and a resume asks for everything it has not seen.
 */
export class DeliveryTracker {
  private readonly rooms = new Map<string, RoomPosition>();
  private directs = new SeenPositions();

  /** Whether the frame is new; records its position if so. */
  accept(frame: ServerFrame | { type: string; room_id?: string; offset?: number; seq?: number; payload?: unknown }): boolean {
    if (frame.type === 'room_joined') {
      this.joined(frame.payload as { room_id: string; offset: number; epoch: string; recovered?: boolean });
      return true;
    }
    if (frame.seq && !this.directs.add(frame.seq)) return false;
    if (frame.offset && frame.room_id) return this.room(frame.room_id).seen.add(frame.offset);
    return true;
  }

  /** `rooms` and `last_seq` of a `resume` request: per room the point before which nothing is missing. */
  position(): { rooms: Record<string, number>; last_seq: number } {
    // fromEntries defines own properties: `rooms["__proto__"] = n` would set the prototype instead.
    const known = [...this.rooms].filter(([, { epoch }]) => epoch !== undefined);
    const rooms: Record<string, number> = Object.fromEntries(known.map(([roomId, { seen }]) => [roomId, seen.watermark]));
    return { rooms, last_seq: this.directs.watermark };
  }

  lastOffset(roomId: string): number | undefined {
    const room = this.rooms.get(roomId);
    return room?.epoch === undefined ? undefined : room.seen.watermark;
  }

  forgetRoom(roomId: string): void {
    this.rooms.delete(roomId);
  }

  /** A new session starts from nothing. */
  reset(): void {
    this.rooms.clear();
    this.directs = new SeenPositions();
  }

  private joined({ room_id, offset, epoch, recovered }: { room_id: string; offset: number; epoch: string; recovered?: boolean }): void {
    const room = this.room(room_id);
    if (room.epoch !== undefined && room.epoch !== epoch) room.seen = new SeenPositions(offset);
    room.epoch = epoch;
    // A recovered resume replays everything after the position it asked from, and the replay may
    // still be arriving: keep waiting for it. Otherwise (a first join, or nothing replayed) the
    // snapshot covers every event up to its offset.
    if (recovered !== true) room.seen.raiseTo(offset);
  }

  private room(roomId: string): RoomPosition {
    let room = this.rooms.get(roomId);
    if (!room) this.rooms.set(roomId, (room = { epoch: undefined, seen: new SeenPositions() }));
    return room;
  }
}
