import type { ErrorCode } from './error-codes';
import type { ClientMessageType, LeaveReason, MessageType } from './message-types';

export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

// ---- client → server payloads (validated before any handler sees them) ----

export interface JoinRoomPayload {
  room_id: string;
  user_id?: string;
  nickname?: string;
  /** Kind to create the room with when it does not exist yet (an operator's ROOM_KINDS rule wins). */
  kind?: string;
  /** Creation options of that kind (strings, like `params`). */
  options?: Record<string, string>;
  /**
   * Room placement: if the room runs on another instance that has a PUBLIC_URL, do not join here;
   * answer ROOM_ELSEWHERE with that URL (`owner_url`) so the client connects there and joins without
   * the cross-instance hop.
   */
  redirect?: boolean;
}
export interface LeaveRoomPayload {
  room_id: string;
}
export interface GameActionPayload {
  room_id?: string;
  action: string;
  position?: Vec3 | null;
  target_id?: number;
  params?: Record<string, string>;
  input_seq?: number;
}
export interface ChatSendPayload {
  room_id?: string;
  to_client_id?: string;
  text: string;
}
export interface ResumePayload {
  session_id: string;
  resume_token: string;
  rooms?: Record<string, number>;
  last_seq?: number;
}
export interface PingPayload {
  t?: number;
}
export interface RefreshPayload {
  token: string;
}

export interface ClientPayloads {
  join_room: JoinRoomPayload;
  leave_room: LeaveRoomPayload;
  game_action: GameActionPayload;
  chat: ChatSendPayload;
  resume: ResumePayload;
  ping: PingPayload;
  pong: PingPayload;
  refresh: RefreshPayload;
}

/** A decoded, validated client message, the same for both codecs. */
export type ClientMessage<T extends ClientMessageType = ClientMessageType> = {
  [K in T]: { type: K; payload: ClientPayloads[K]; id?: string };
}[T];

/** A frame the adapter could not accept: routed to `InternalEvent.Rejected`. */
export interface RejectedFrame {
  type: '$rejected';
  payload: { code: ErrorCode; message: string; ref_type?: string; ref_id?: string };
  id?: undefined;
}

// ---- server → client payloads ----

export interface PlayerSnapshot {
  player_id: string;
  position: Vec3;
  velocity: Vec3;
  health: number;
  score: number;
  last_input_seq: number;
}
export interface RoomPlayer extends PlayerSnapshot {
  nickname: string;
  entity_id: number;
  client_id: string;
}
export interface WelcomePayload {
  client_id: string;
  session_id: string;
  resume_token: string;
  heartbeat_interval_ms: number;
  server_time: number;
  /** When the connection's token expires (ms since the epoch); 0 = never (no token, or no `exp`). */
  token_expires_at: number;
  /** 1 or 2: the protocol version this connection negotiated. */
  wire_version: number;
  /** Room ticks per second (a room's frames come at most this often). */
  tick_rate: number;
}
export interface RoomJoinedPayload {
  room_id: string;
  players: RoomPlayer[];
  frame_num: number;
  offset: number;
  epoch: string;
  /**
   * Set only in answer to a `resume`: whether every reliable event the client missed in this
   * room was replayed before this snapshot (false: history no longer reaches back, or the epoch
   * changed; the snapshot is all there is).
   */
  recovered?: boolean;
  /** The room's kind. */
  kind?: string;
  /** v2: the number this room's `state` frames carry on this connection (absent from them while it is in one room). */
  handle?: number;
  /** v2: keyframe of the room's state at `frame_num`. */
  state?: StatePayload;
  /** v2: the kind's schema descriptor (JSON text): how to decode its state frames and events. */
  schema?: string;
  /**
   * Internal, never sent to a client: in an interest-managed room, the cells the snapshot's
   * keyframe covers (the member's view), for the instance that holds the member's socket.
   */
  view?: number[];
}
export interface PlayerJoinedPayload {
  room_id: string;
  player_id: string;
  nickname: string;
  entity_id: number;
  client_id: string;
}
export interface PlayerLeftPayload {
  room_id: string;
  player_id: string;
  reason: LeaveReason;
  entity_id: number;
  client_id: string;
  /** Why the game logic removed the player (`reason` "kicked"). */
  detail?: string;
}
export interface SyncPayload {
  room_id: string;
  frame_num: number;
  players: PlayerSnapshot[];
  timestamp: number;
}
export interface ChatPayload {
  room_id?: string;
  to_client_id?: string;
  text: string;
  from_client_id: string;
  player_id: string;
}
export interface AckPayload {
  id: string;
  duplicate?: boolean;
}
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  ref_type?: string;
  ref_id?: string;
  /** ROOM_ELSEWHERE: the public URL of the instance that runs the room. */
  owner_url?: string;
}

export interface RefreshedPayload {
  token_expires_at: number;
}

/**
 * v2: one room's state at a frame, as both codecs carry it: a keyframe (`key`) replaces the
 * client's copy, otherwise it is the delta from `frame - 1` (docs/protocol.md, "State frames").
 */
export interface StatePayload {
  /** The room's handle; absent while the connection is in exactly one room. */
  room?: number;
  frame: number;
  /** Interest-managed rooms: the frame this delta builds on for this connection (absent: `frame - 1`). */
  base?: number;
  key?: boolean;
  ops: number[];
  strings?: string[];
  /** Keyframes: server clock (ms) when the frame was made. */
  time?: number;
}
/** An event of a room's game logic; `data` follows the event's declaration in the kind's schema. */
export interface RoomEventPayload {
  room_id: string;
  name: string;
  data: Record<string, unknown>;
}

export interface ServerPayloads {
  welcome: WelcomePayload;
  room_joined: RoomJoinedPayload;
  player_joined: PlayerJoinedPayload;
  player_left: PlayerLeftPayload;
  sync: SyncPayload;
  chat: ChatPayload;
  ack: AckPayload;
  error: ErrorPayload;
  ping: PingPayload;
  pong: PingPayload;
  refreshed: RefreshedPayload;
  state: StatePayload;
  room_event: RoomEventPayload;
}
export type ServerMessageType = keyof ServerPayloads & MessageType;

/**
 * A server frame exactly as the JSON codec writes it. `offset` marks a reliable room event,
 * `seq` a direct message; `timestamp` is the server clock when the frame was made.
 */
export type ServerMessage<T extends ServerMessageType = ServerMessageType> = {
  [K in T]: {
    type: K;
    payload: ServerPayloads[K];
    timestamp: number;
    room_id?: string;
    offset?: number;
    seq?: number;
  };
}[T];

/** Builds a server message stamped with the current time. */
export function serverMessage<T extends ServerMessageType>(
  type: T,
  payload: ServerPayloads[T],
  extra?: { room_id?: string; offset?: number; seq?: number },
): ServerMessage<T> {
  return { type, payload, timestamp: Date.now(), ...extra } as ServerMessage<T>;
}
