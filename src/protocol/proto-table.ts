import { gameproto } from './proto';
import { type MessageType, MessageType as T } from './message-types';

/** What the generated classes offer that the codec needs. */
export interface ProtoPayloadType {
  encode(message: object, writer?: unknown): { finish(): Uint8Array };
  decode(bytes: Uint8Array): object;
}

/**
 * For the few payloads whose JSON shape is not their protobuf shape: `room_event.data`, the
 * matchmaking messages' `filters` and `metadata` are objects in JSON and JSON text in protobuf
 * (any language decodes it; these messages are rare).
 */
export interface ProtoAdapter {
  toProto(payload: object): object;
  fromProto(message: Record<string, unknown>): object;
}

const roomEventAdapter: ProtoAdapter = {
  toProto: (payload) => ({ ...payload, data: JSON.stringify((payload as { data?: unknown }).data ?? {}) }),
  fromProto: (message) => ({ ...message, data: message.data ? JSON.parse(message.data as string) : {} }),
};

/** Fields that are JSON objects in JSON and JSON object text in protobuf (empty text: absent). */
function jsonTextFields(...fields: string[]): ProtoAdapter {
  return {
    toProto: (payload) => {
      const out: Record<string, unknown> = { ...payload };
      for (const field of fields) out[field] = out[field] === undefined ? '' : JSON.stringify(out[field]);
      return out;
    },
    fromProto: (message) => {
      const out: Record<string, unknown> = { ...message };
      for (const field of fields) out[field] = parseJsonText(field, message[field]);
      return out;
    },
  };
}

function parseJsonText(field: string, text: unknown): unknown {
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${field} must be JSON object text`);
  }
}

const filtersAdapter = jsonTextFields('filters');
const createRoomAdapter = jsonTextFields('metadata');
const listingAdapter = jsonTextFields('metadata');
const roomListAdapter: ProtoAdapter = {
  toProto: (payload) => ({ ...payload, rooms: (payload as { rooms: object[] }).rooms.map((room) => listingAdapter.toProto(room)) }),
  fromProto: (message) => ({
    ...message,
    rooms: ((message.rooms as Record<string, unknown>[] | undefined) ?? []).map((room) => listingAdapter.fromProto(room)),
  }),
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
  [T.JoinOrCreate, P.JOIN_OR_CREATE, gameproto.JoinOrCreate, filtersAdapter],
  [T.CreateRoom, P.CREATE_ROOM, gameproto.CreateRoom, createRoomAdapter],
  [T.ListRooms, P.LIST_ROOMS, gameproto.ListRooms, filtersAdapter],
  [T.RoomList, P.ROOM_LIST, gameproto.RoomList, roomListAdapter],
] as never;

export const PROTO_BY_TYPE = new Map(PROTO_TABLE.map(([name, value, payload, adapter]) => [name, { value, payload, adapter }]));
export const TYPE_BY_PROTO = new Map(PROTO_TABLE.map(([name, value, payload, adapter]) => [value, { name, payload, adapter }]));
