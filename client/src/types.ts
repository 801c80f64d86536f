/** Wire shapes of the gateway's contract (PROTOCOL.md), as the SDK hands them to the application. */

export interface Vec3 {
  x: number;
  y: number;
  z: number;
}
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
  /** Server clock (ms since the epoch) when the welcome was made: a first, one-way clock estimate. */
  server_time: number;
  /** When the connection's token expires (ms since the epoch); 0 or absent: never (or no authentication). */
  token_expires_at?: number;
  /** The protocol version this connection speaks (1 or 2); absent: 1 (a server from before v2). */
  wire_version?: number;
  /** Room ticks per second: state frames of a room come at most this often. */
  tick_rate?: number;
}
export interface RefreshedPayload {
  /** The new expiry (ms since the epoch) after a `refresh`. */
  token_expires_at: number;
}
export interface RoomJoinedPayload {
  room_id: string;
  players: RoomPlayer[];
  frame_num: number;
  offset: number;
  epoch: string;
  /** After a resume: whether every missed event of the room was replayed before this snapshot. */
  recovered?: boolean;
  /** v2: the number this room's `state` frames carry on this connection (≥ 1). */
  handle?: number;
  /** The room's kind. */
  kind?: string;
  /** v2: the kind's descriptor (JSON text), which says how to decode its state frames. */
  schema?: string;
  /** v2: the keyframe of the room's state at `frame_num`. */
  state?: StateFramePayload | null;
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
  reason: 'left' | 'disconnected' | 'timeout' | 'kicked';
  entity_id: number;
  client_id: string;
  /** `kicked`: why the game logic removed the player. */
  detail?: string;
}
export interface SyncPayload {
  room_id: string;
  frame_num: number;
  players: PlayerSnapshot[];
  timestamp: number;
}
/**
 * v2: one frame of a room's typed state, a keyframe (`key`) or the delta from `frame - 1`
 * (docs/protocol.md, "State frames (v2)"). The SDK applies it to `room.state`.
 */
export interface StateFramePayload {
  /** The room's handle (`room_joined.handle`); absent or 0 while the connection is in exactly one room. */
  room?: number;
  frame: number;
  key?: boolean;
  /** Interest-managed rooms: the frame this delta builds on (absent: `frame - 1`); frames may skip numbers there. */
  base?: number | null;
  /** Records: id difference, head (mask × 4 + op), values. */
  ops: number[];
  /** String values, in the order the records use them. */
  strings?: string[];
  /** Keyframes: the server clock (ms) when the frame was made. */
  time?: number;
}
/** An event of the room's game logic, with the fields its kind declares. */
export interface RoomEventPayload {
  room_id: string;
  name: string;
  data: Record<string, unknown>;
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
  code: string;
  message: string;
  ref_type?: string;
  ref_id?: string;
  /** `ROOM_ELSEWHERE`: the public URL of the instance that runs the room. */
  owner_url?: string;
}
export interface PingPayload {
  t?: number;
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
  state: StateFramePayload;
  room_event: RoomEventPayload;
}
export type ServerMessageType = keyof ServerPayloads;

/** A server frame: `offset` marks a reliable room event, `seq` a direct message. */
export type ServerFrame<T extends ServerMessageType = ServerMessageType> = {
  [K in T]: { type: K; payload: ServerPayloads[K]; timestamp: number; room_id?: string; offset?: number; seq?: number };
}[T];

/**
 * A frame of a type this SDK does not know (a newer server): JSON frames keep their `type` and
 * payload, protobuf frames come as `unknown:<MessageType value>` with the undecoded payload bytes.
 * The envelope (`room_id`, `offset`, `seq`) is kept, so reliable ones still count for resume.
 */
export interface UnknownFrame {
  type: string;
  payload: unknown;
  timestamp: number;
  room_id?: string;
  offset?: number;
  seq?: number;
}

/**
 * Several server frames in one, sent only to clients that opted in (`batch: true`). The SDK
 * unpacks it and emits each message in order; applications never see it.
 */
export interface BatchFrame {
  type: 'batch';
  payload: { messages: ServerFrame[] };
  timestamp: number;
}

export interface ClientPayloads {
  join_room: { room_id: string; user_id?: string; nickname?: string; kind?: string; options?: Record<string, string>; redirect?: boolean };
  leave_room: { room_id: string };
  game_action: {
    room_id?: string;
    action: string;
    position?: Vec3;
    target_id?: number;
    params?: Record<string, string>;
    input_seq?: number;
  };
  chat: { room_id?: string; to_client_id?: string; text: string };
  resume: { session_id: string; resume_token: string; rooms: Record<string, number>; last_seq: number };
  ping: PingPayload;
  pong: PingPayload;
  /** A fresh token for this connection, before the current one expires. */
  refresh: { token: string };
}
export type ClientMessageType = keyof ClientPayloads;

/** A client frame before encoding; `id` (acks, de-duplication) is set for reliable sends. */
export interface OutgoingMessage<T extends ClientMessageType = ClientMessageType> {
  type: T;
  payload: ClientPayloads[T];
  id?: string;
}

/** Events of the SDK itself, beside the server's message types. */
export interface LifecycleEvents {
  /** The socket dropped; the next attempt starts after `delay_ms`. */
  reconnecting: { attempt: number; delay_ms: number; code: number };
  /** The session is back: same client id, rooms, missed events replayed (per room: `recovered`). */
  resumed: { client_id: string; rooms: Record<string, boolean> };
  /**
   * The server no longer knew the session (grace ran out): the connection carries on with a new
   * one, without rooms. `dropped` are the unacknowledged messages that were not re-sent.
   */
  session_lost: { previous_client_id: string; client_id: string; dropped: OutgoingMessage[] };
  /** Closed for good: by `close()`, a terminal close code, or too many failed attempts. */
  closed: { code: number; reason: string };
  /**
   * The server refused the credentials (close 4100 Unauthorized or 4101 TokenExpired) and no fresh
   * token from `getToken()` helped (or there is none): the client stops; `closed` follows.
   */
  auth_failed: { code: number; reason: string };
  /** A token refresh before expiry failed (`getToken()` threw, or the server refused the token). */
  token_refresh_failed: { error: Error };
  /** A frame of a type this SDK does not know (a newer server), passed through. */
  unknown: UnknownFrame;
  /** A frame that could not be decoded at all; it was skipped. */
  protocol_error: { error: Error };
}

export type ClientEvents = { [K in ServerMessageType]: ServerFrame<K> } & LifecycleEvents;
