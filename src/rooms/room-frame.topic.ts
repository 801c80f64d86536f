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
  /** The v1 snapshot, when the room has v1 members (not in interest-managed rooms: see `interest.syncs`). */
  readonly sync?: SyncPayload;
  /** Interest-managed rooms: `delta` and `key` hold only the room and its global entities; the rest is here. */
  readonly interest?: InterestFrame;
}

/** The by-cell part of an interest-managed room's frame (docs/protocol.md, "Interest management"). */
export interface InterestFrame {
  /** The delta of every cell that changed. */
  readonly cells: ReadonlyMap<number, FrameBody>;
  /** Every entity of each cell some member newly sees (or sees in a full keyframe); an absent cell is empty. */
  readonly keys: ReadonlyMap<number, FrameBody>;
  /** Members whose view changed, or who are owed a keyframe of everything they see (`full`: `entered` is their whole view). */
  readonly views: readonly { clientId: string; entered: readonly number[]; left: readonly number[]; full: boolean }[];
  /** v1 members: their sync of what they see. */
  readonly syncs: ReadonlyMap<string, SyncPayload>;
}

const EMPTY = new Uint8Array(0);
const body = (frame: number, key: boolean, b: FrameBody | undefined) =>
  b ? gameproto.StateFrame.encode({ frame, key, ops: b.ops as number[], strings: b.strings as string[] }).finish() : EMPTY;
const unbody = (bytes: Uint8Array): FrameBody | undefined => {
  if (bytes.length === 0) return undefined;
  const f = gameproto.StateFrame.decode(bytes);
  return { ops: f.ops, strings: f.strings };
};

const syncBytes = (sync: SyncPayload) => gameproto.StateSync.encode(sync as never).finish();
const unsync = (bytes: Uint8Array) =>
  gameproto.StateSync.toObject(gameproto.StateSync.decode(bytes), { longs: Number, defaults: true, arrays: true }) as unknown as SyncPayload;
const cellBodies = (frame: number, key: boolean, bodies: ReadonlyMap<number, FrameBody>) => [...bodies].map(([cell, b]) => ({ cell, body: body(frame, key, b) }));
const uncells = (list: { cell?: number | null; body?: Uint8Array | null }[]) =>
  new Map(list.map((c) => [c.cell ?? 0, unbody(c.body ?? EMPTY) ?? { ops: [], strings: [] }]));

/** Room frames between instances: the bodies as `gameproto.StateFrame`, the v1 snapshots as `gameproto.StateSync`. */
export const ROOM_FRAME: BusTopic<RoomFrame> = {
  name: 'room-frame',
  encode: (f) =>
    roomsproto.v1.RoomFrame.encode({
      frame: f.frame,
      time: f.time,
      delta: body(f.frame, false, f.delta),
      key: body(f.frame, true, f.key),
      key_only: f.keyOnly,
      sync: f.sync ? syncBytes(f.sync) : EMPTY,
      ...(f.interest && {
        interest: true,
        cells: cellBodies(f.frame, false, f.interest.cells),
        keys: cellBodies(f.frame, true, f.interest.keys),
        views: f.interest.views.map((v) => ({ client_id: v.clientId, entered: v.entered as number[], left: v.left as number[], full: v.full })),
        syncs: [...f.interest.syncs].map(([clientId, sync]) => ({ client_id: clientId, sync: syncBytes(sync) })),
      }),
    }).finish(),
  decode: (bytes) => {
    const f = roomsproto.v1.RoomFrame.decode(bytes);
    const interest: InterestFrame | undefined = f.interest
      ? {
          cells: uncells(f.cells),
          keys: uncells(f.keys),
          views: f.views.map((v) => ({ clientId: v.client_id ?? '', entered: v.entered ?? [], left: v.left ?? [], full: v.full ?? false })),
          syncs: new Map(f.syncs.map((s) => [s.client_id ?? '', unsync(s.sync ?? EMPTY)])),
        }
      : undefined;
    return {
      frame: f.frame,
      time: Number(f.time),
      delta: unbody(f.delta),
      key: unbody(f.key),
      keyOnly: f.key_only,
      sync: f.sync.length ? unsync(f.sync) : undefined,
      interest,
    };
  },
};

/**
 * A member's instance asks the room's owner for a keyframe in the next frame: for everyone who
 * needs one, or (interest-managed rooms, where keyframes are per member) for `clientId`.
 */
export const KEYFRAME_REQUEST: BusTopic<{ clientId?: string }> = {
  name: 'keyframe-request',
  encode: ({ clientId }) => roomsproto.v1.KeyframeRequest.encode({ client_id: clientId }).finish(),
  decode: (bytes) => {
    const { client_id } = roomsproto.v1.KeyframeRequest.decode(bytes);
    return client_id ? { clientId: client_id } : {};
  },
};

/** The channel the instance running a room listens on for requests about it from any instance. */
export const roomControlChannel = (roomId: string): string => `roomctl:${roomId}`;
