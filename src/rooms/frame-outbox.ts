import { type ConnectionPool, SharedMessage } from '../connection';
import { MessageType, type ServerMessage, type StatePayload } from '../protocol';
import type { FrameBody, RoomFrame } from './room-frame.topic';

/** `room_joined` made for one connection (its handle, or without v2 fields for v1). */
export type Personal = ServerMessage<'room_joined'>;

/**
 * The messages one frame of a room becomes on this instance, each built and encoded on first use
 * and shared by every member that gets it: the v1 `sync`, and the v2 delta and keyframe, each in
 * two variants — with the room's handle, and without it for members in no other room (docs/
 * protocol.md: `room` is absent while a connection is in exactly one room).
 */
export class FrameOutbox {
  private readonly shared: (SharedMessage | undefined)[] = [undefined, undefined, undefined, undefined, undefined];

  constructor(
    private readonly frame: RoomFrame,
    private readonly handle: number,
    /** Every `state` frame carries its tick's `time` (STATE_FRAME_TIME), not only keyframes. */
    private readonly stamped = false,
  ) {}

  sync(): SharedMessage {
    return (this.shared[0] ??= new SharedMessage({ type: MessageType.Sync, payload: this.frame.sync!, timestamp: this.frame.time, room_id: this.frame.sync!.room_id }));
  }

  delta(bare: boolean): SharedMessage {
    return (this.shared[bare ? 1 : 2] ??= new SharedMessage(this.state(this.frame.delta!, false, bare)));
  }

  key(bare: boolean): SharedMessage {
    return (this.shared[bare ? 3 : 4] ??= new SharedMessage(this.state(this.frame.key!, true, bare)));
  }

  /** Counts every message sent in the metrics, once each; returns the bytes written for the frame. */
  count(pool: ConnectionPool): number {
    let bytes = 0;
    for (const shared of this.shared) {
      if (!shared) continue;
      pool.countShared(shared);
      bytes += shared.bytes;
    }
    return bytes;
  }

  /** A `state` message: no room id string and no envelope timestamp (the bytes a frame costs matter). */
  private state(body: FrameBody, key: boolean, bare: boolean): ServerMessage<'state'> {
    const payload: StatePayload = { frame: this.frame.frame, ops: body.ops as number[] } as StatePayload;
    if (!bare) payload.room = this.handle;
    if (key) payload.key = true;
    if (key || this.stamped) payload.time = this.frame.time;
    if (body.strings.length > 0) payload.strings = body.strings as string[];
    return { type: MessageType.State, payload } as ServerMessage<'state'>;
  }
}

/** The v1 `sync` a joining or resuming v1 connection gets right after its `room_joined` (the same state). */
export function v1SyncOf(snapshot: ServerMessage<'room_joined'>): ServerMessage<'sync'> {
  const { room_id, frame_num, players } = snapshot.payload;
  return {
    type: MessageType.Sync,
    payload: {
      room_id,
      frame_num,
      players: players.map(({ player_id, position, velocity, health, score, last_input_seq }) => ({ player_id, position, velocity, health, score, last_input_seq })),
      timestamp: snapshot.timestamp,
    },
    timestamp: snapshot.timestamp,
    room_id,
  };
}
