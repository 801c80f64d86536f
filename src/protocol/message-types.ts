/** Wire names of every message type, spelled as docs/protocol.md spells them. */
export const MessageType = {
  Welcome: 'welcome',
  JoinRoom: 'join_room',
  RoomJoined: 'room_joined',
  PlayerJoined: 'player_joined',
  LeaveRoom: 'leave_room',
  PlayerLeft: 'player_left',
  GameAction: 'game_action',
  Sync: 'sync',
  Chat: 'chat',
  Ack: 'ack',
  Error: 'error',
  Resume: 'resume',
  Ping: 'ping',
  Pong: 'pong',
  /** Several server messages in one frame, only for clients that opted in (`?batch=1`). */
  Batch: 'batch',
  /** A new token for the open connection (authentication on). */
  Refresh: 'refresh',
  Refreshed: 'refreshed',
  /** v2: a room's state, keyframe or delta (replaces `sync` on v2 connections). */
  State: 'state',
  /** An event of a room's game logic. */
  RoomEvent: 'room_event',
  /** Matchmaking: join the fullest open room of a kind matching filters, else create one. */
  JoinOrCreate: 'join_or_create',
  /** Matchmaking: create a new room (optionally private) and join it. */
  CreateRoom: 'create_room',
  /** The room directory: listed rooms of a kind matching filters. */
  ListRooms: 'list_rooms',
  /** The answer to `list_rooms`. */
  RoomList: 'room_list',
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** Types a client may send. Anything else is answered with UNKNOWN_TYPE. */
export const CLIENT_MESSAGE_TYPES = [
  MessageType.JoinRoom,
  MessageType.LeaveRoom,
  MessageType.GameAction,
  MessageType.Chat,
  MessageType.Resume,
  MessageType.Ping,
  MessageType.Pong,
  MessageType.Refresh,
  MessageType.JoinOrCreate,
  MessageType.CreateRoom,
  MessageType.ListRooms,
] as const;
export type ClientMessageType = (typeof CLIENT_MESSAGE_TYPES)[number];

/** Types the server sends (`chat`, `ping` and `pong` go both ways). */
export const SERVER_MESSAGE_TYPES = [
  MessageType.Welcome,
  MessageType.RoomJoined,
  MessageType.PlayerJoined,
  MessageType.PlayerLeft,
  MessageType.Sync,
  MessageType.Chat,
  MessageType.Ack,
  MessageType.Error,
  MessageType.Ping,
  MessageType.Pong,
  MessageType.Batch,
  MessageType.Refreshed,
  MessageType.State,
  MessageType.RoomEvent,
  MessageType.RoomList,
] as const;

/**
 * Events that never come from the wire: the adapter routes frames it could not accept to this
 * handler, so that nothing is dropped silently. `$` cannot start a wire type that gets this far.
 */
export const InternalEvent = {
  Rejected: '$rejected',
} as const;

/** Why a player left a room (`player_left.reason`). */
export const LeaveReason = {
  Left: 'left',
  Disconnected: 'disconnected',
  Timeout: 'timeout',
  Kicked: 'kicked',
} as const;
export type LeaveReason = (typeof LeaveReason)[keyof typeof LeaveReason];
