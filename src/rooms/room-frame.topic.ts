import type { BusTopic } from '../bus';
import { gameproto, type SyncPayload } from '../protocol';
import { roomsproto } from './generated/rooms';

/** A state frame's body as both codecs carry it (docs/protocol.md, "State frames"). */
export interface FrameBody {
  readonly ops: readonly number[];
  readonly strings: readonly string[];
}

/**
 * One frame of a room, as the instance that runs it publishes it once per tick on the room's
 * channel: the v2 delta, a keyframe when some member needs one (or every v2 member, after a
 * takeover: `keyOnly`), and the v1 `sync` when the room has v1 members. Each instance turns it
 * into what each of its members' protocol versions needs, encoding once per codec.
 */
export interface RoomFrame {
  readonly frame: number;
  /** Server clock (ms) when the frame was made. */
  readonly time: number;
  /** The delta from `frame - 1`; absent when `keyOnly`. */
  readonly delta?: FrameBody;
  /** The state at `frame`, when a member needs it. */
  readonly key?: FrameBody;
  /** Every v2 member gets `key`, nobody a delta (the room continues another instance's frames). */
  readonly keyOnly: boolean;
  /** The v1 snapshot, when the room has v1 members. */
  readonly sync?: SyncPayload;
}

const EMPTY = new Uint8Array(0);
const body = (frame: number, key: boolean, b: FrameBody | undefined) =>
  b ? gameproto.StateFrame.encode({ frame, key, ops: b.ops as number[], strings: b.strings as string[] }).finish() : EMPTY;
const unbody = (bytes: Uint8Array): FrameBody | undefined => {
  if (bytes.length === 0) return undefined;
  const f = gameproto.StateFrame.decode(bytes);
  return { ops: f.ops, strings: f.strings };
};

/** Room frames between instances: the bodies as `gameproto.StateFrame`, the v1 snapshot as `gameproto.StateSync`. */
export const ROOM_FRAME: BusTopic<RoomFrame> = {
  name: 'room-frame',
  encode: (f) =>
    roomsproto.v1.RoomFrame.encode({
      frame: f.frame,
      time: f.time,
      delta: body(f.frame, false, f.delta),
      key: body(f.frame, true, f.key),
      key_only: f.keyOnly,
      sync: f.sync ? gameproto.StateSync.encode(f.sync as never).finish() : EMPTY,
    }).finish(),
  decode: (bytes) => {
    const f = roomsproto.v1.RoomFrame.decode(bytes);
    const sync = f.sync.length
      ? (gameproto.StateSync.toObject(gameproto.StateSync.decode(f.sync), { longs: Number, defaults: true, arrays: true }) as unknown as SyncPayload)
      : undefined;
    return { frame: f.frame, time: Number(f.time), delta: unbody(f.delta), key: unbody(f.key), keyOnly: f.key_only, sync };
  },
};

/** A member's instance asks the room's owner for a keyframe in the next frame. */
export const KEYFRAME_REQUEST: BusTopic<Record<string, never>> = {
  name: 'keyframe-request',
  encode: () => roomsproto.v1.KeyframeRequest.encode({}).finish(),
  decode: () => ({}),
};

/** The channel the instance running a room listens on for requests about it from any instance. */
export const roomControlChannel = (roomId: string): string => `roomctl:${roomId}`;
