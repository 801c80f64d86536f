import { gameproto } from './proto';
import { type MessageType, MessageType as T } from './message-types';

/** What the generated classes offer that the codec needs. */
export interface ProtoPayloadType {
  encode(message: object, writer?: unknown): { finish(): Uint8Array };
  decode(bytes: Uint8Array): object;
}

const P = gameproto.MessageType;

/**
 * Wire name ↔ `gameproto.MessageType` ↔ the inner message carried in `Message.payload`.
 * `pong` reuses `Ping`: both carry only `t`.
 */
export const PROTO_TABLE: ReadonlyArray<readonly [MessageType, gameproto.MessageType, ProtoPayloadType]> = [
  [T.JoinRoom, P.JOIN_ROOM, gameproto.JoinRoomRequest],
  [T.LeaveRoom, P.LEAVE_ROOM, gameproto.LeaveRoomRequest],
  [T.GameAction, P.GAME_ACTION, gameproto.GameAction],
  [T.Sync, P.SYNC, gameproto.StateSync],
  [T.Chat, P.CHAT, gameproto.ChatMessage],
  [T.Welcome, P.WELCOME, gameproto.Welcome],
  [T.RoomJoined, P.ROOM_JOINED, gameproto.RoomJoined],
  [T.PlayerJoined, P.PLAYER_JOINED, gameproto.PlayerJoined],
  [T.PlayerLeft, P.PLAYER_LEFT, gameproto.PlayerLeft],
  [T.Ack, P.ACK, gameproto.Ack],
  [T.Error, P.ERROR, gameproto.Error],
  [T.Ping, P.PING, gameproto.Ping],
  [T.Pong, P.PONG, gameproto.Ping],
  [T.Resume, P.RESUME, gameproto.Resume],
  // Written by the codecs' encodeBatch from already-encoded messages, never through this table's encode.
  [T.Batch, P.BATCH, gameproto.Batch],
  [T.Refresh, P.REFRESH, gameproto.Refresh],
  [T.Refreshed, P.REFRESHED, gameproto.Refreshed],
] as never;

export const PROTO_BY_TYPE = new Map(PROTO_TABLE.map(([name, value, payload]) => [name, { value, payload }]));
export const TYPE_BY_PROTO = new Map(PROTO_TABLE.map(([name, value, payload]) => [value, { name, payload }]));
