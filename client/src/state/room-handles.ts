/**
 * Which room a `state` frame belongs to. A v2 frame names its room by the handle the room got on
 * this connection (`room_joined.handle`), and names none (0) while the connection is in exactly
 * one room: then it is that room's. A room is bound from its `room_joined` until the client is
 * out of it (left, kicked, ended), which the server sees in the same order as the frames it sends.
 */
export class RoomHandles<R> {
  private readonly byHandle = new Map<number, R>();

  bind(handle: number, room: R): void {
    this.release(room);
    this.byHandle.set(handle, room);
  }

  release(room: R): void {
    for (const [handle, bound] of this.byHandle) if (bound === room) this.byHandle.delete(handle);
  }

  /** The room of a frame with this `room` field, if the client knows it. */
  route(handle: number): R | undefined {
    if (handle !== 0) return this.byHandle.get(handle);
    if (this.byHandle.size !== 1) return undefined;
    return this.byHandle.values().next().value;
  }

  clear(): void {
    this.byHandle.clear();
  }
}
