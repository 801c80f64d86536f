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
}

export interface RefreshedPayload {
  token_expires_at: number;
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
