import { gameproto } from './proto';
import { type MessageType, MessageType as T } from './message-types';

/** What the generated classes offer that the codec needs. */
export interface ProtoPayloadType {
  encode(message: object, writer?: unknown): { finish(): Uint8Array };
  decode(bytes: Uint8Array): object;
}

/**
 * For the few payloads whose JSON shape is not their protobuf shape: `room_event.data` is an
 * object in JSON and JSON text in protobuf (any language decodes it; events are rare).
 */
export interface ProtoAdapter {
  toProto(payload: object): object;
  fromProto(message: Record<string, unknown>): object;
}

const roomEventAdapter: ProtoAdapter = {
  toProto: (payload) => ({ ...payload, data: JSON.stringify((payload as { data?: unknown }).data ?? {}) }),
  fromProto: (message) => ({ ...message, data: message.data ? JSON.parse(message.data as string) : {} }),
};

const P = gameproto.MessageType;

/**
 * Wire name ↔ `gameproto.MessageType` ↔ the inner message carried in `Message.payload`.
 * `pong` reuses `Ping`: both carry only `t`.
 */
export const PROTO_TABLE: ReadonlyArray<readonly [MessageType, gameproto.MessageType, ProtoPayloadType, ProtoAdapter?]> = [
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
  [T.State, P.STATE, gameproto.StateFrame],
  [T.RoomEvent, P.ROOM_EVENT, gameproto.RoomEvent, roomEventAdapter],
] as never;

export const PROTO_BY_TYPE = new Map(PROTO_TABLE.map(([name, value, payload, adapter]) => [name, { value, payload, adapter }]));
export const TYPE_BY_PROTO = new Map(PROTO_TABLE.map(([name, value, payload, adapter]) => [value, { name, payload, adapter }]));
