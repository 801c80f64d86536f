import type { GatewayError } from './errors.js';
import type { RoomState } from './room-state.js';
import type { AnyRoomTypes, RoomTypes } from './state/room-types.js';
import type { AckPayload, ChatPayload, PlayerJoinedPayload, PlayerLeftPayload, ServerFrame, SyncPayload, UnknownFrame } from './types.js';

/** Why the client is no longer in a room. */
export type RoomLeaveReason = 'left' | 'kicked' | 'disconnected' | 'timeout' | 'session_lost' | 'closed';

/** Events of one room (`room.on(type, handler)`). */
export interface RoomEvents<T extends RoomTypes = AnyRoomTypes> {
  /** Someone else joined (reliable: once, in room order). */
  player_joined: PlayerJoinedPayload;
  /** Someone left (reliable). */
  player_left: PlayerLeftPayload;
  /** Room chat, the client's own included (reliable). `offset` is its position in the room. */
  chat: ChatPayload & { offset?: number };
  /** v1: a state snapshot (transient: the newest replaces older ones); `room.state` is already updated. */
  sync: SyncPayload;
  /**
   * `room.state` changed: a snapshot, a member joined or left, a `sync` (v1), or a state frame
   * (v2: after the frame's entity callbacks).
   */
  state: RoomState<T>;
  /** The session came back after a drop; `recovered`: every missed event of the room was replayed. */
  resumed: { recovered: boolean };
  /** A refusal no promise was waiting for, e.g. a game action the rules refused after its `ack`; or a state frame that did not decode (`BAD_STATE_FRAME`). */
  error: GatewayError;
  /** The client is no longer in the room; the object is done. */
  leave: { reason: RoomLeaveReason };
  /** Every frame of the room as it arrives, types this SDK does not know included (a newer server). */
  message: ServerFrame | UnknownFrame;
}

/** Per-request options. */
export interface RequestOptions {
  /** Reject with `TIMEOUT` when no answer came within this long. @default the client's `requestTimeoutMs` (10000) */
  timeoutMs?: number;
}

/** Options of `onAdd` and `listen`. */
export interface ImmediateOption {
  /**
   * Also call the callback now: `onAdd` for every entity of the type already in the state, `listen`
   * with the field's current value (and `undefined` as the previous one). @default true
   */
  immediate?: boolean;
}
