import type { ClientCodec } from './codec.js';
import { gameproto } from './generated/game.js';
import type { BatchFrame, OutgoingMessage, ServerFrame, UnknownFrame } from './types.js';

interface InnerType {
  encode(message: object): { finish(): Uint8Array };
  decode(bytes: Uint8Array): object;
  fromObject(object: object): object;
  toObject(message: object, options: object): object;
}

const T = gameproto.MessageType;
/** Wire name ↔ enum value ↔ the inner message in `Message.payload` (the server's table, from the SDK's own copy). */
const TABLE: [string, number, InnerType][] = (
  [
    ['join_room', T.JOIN_ROOM, gameproto.JoinRoomRequest],
    ['leave_room', T.LEAVE_ROOM, gameproto.LeaveRoomRequest],
    ['game_action', T.GAME_ACTION, gameproto.GameAction],
    ['sync', T.SYNC, gameproto.StateSync],
    ['chat', T.CHAT, gameproto.ChatMessage],
    ['welcome', T.WELCOME, gameproto.Welcome],
    ['room_joined', T.ROOM_JOINED, gameproto.RoomJoined],
    ['player_joined', T.PLAYER_JOINED, gameproto.PlayerJoined],
    ['player_left', T.PLAYER_LEFT, gameproto.PlayerLeft],
    ['ack', T.ACK, gameproto.Ack],
    ['error', T.ERROR, gameproto.Error],
    ['ping', T.PING, gameproto.Ping],
    ['pong', T.PONG, gameproto.Ping],
    ['resume', T.RESUME, gameproto.Resume],
    ['refresh', T.REFRESH, gameproto.Refresh],
    ['refreshed', T.REFRESHED, gameproto.Refreshed],
    ['state', T.STATE, gameproto.StateFrame],
    ['room_event', T.ROOM_EVENT, gameproto.RoomEvent],
    ['join_or_create', T.JOIN_OR_CREATE, gameproto.JoinOrCreate],
    ['create_room', T.CREATE_ROOM, gameproto.CreateRoom],
    ['list_rooms', T.LIST_ROOMS, gameproto.ListRooms],
    ['room_list', T.ROOM_LIST, gameproto.RoomList],
  ] as unknown as [string, number, InnerType][]
);
const BY_NAME = new Map(TABLE.map(([name, value, inner]) => [name, { value, inner }]));
const BY_VALUE = new Map(TABLE.map(([name, value, inner]) => [value, { name, inner }]));
// int64 fields (offsets, seqs, timestamps) as plain numbers, whatever Long support is loaded.
const TO_OBJECT = { longs: Number, defaults: true } as const;

/** Binary frames: one `gameproto.Message` per frame (PROTOCOL.md, "Protobuf"). */
export class ProtobufCodec implements ClientCodec {
  readonly subprotocol = 'game.v1.proto';
  readonly subprotocols = { 1: 'game.v1.proto', 2: 'game.v2.proto' } as const;

  encode(message: OutgoingMessage): Uint8Array {
    const spec = BY_NAME.get(message.type);
    if (!spec) throw new Error(`no protobuf mapping for client message "${message.type}"`);
    const payload = spec.inner.encode(spec.inner.fromObject(jsonTextFields(message.payload as Record<string, unknown>))).finish();
    return gameproto.Message.encode({ type: spec.value, payload, timestamp: Date.now(), id: message.id ?? '' }).finish();
  }

  decode(data: string | Uint8Array): ServerFrame | BatchFrame | UnknownFrame {
    if (typeof data === 'string') return JSON.parse(data) as ServerFrame;
    return fromMessage(gameproto.Message.decode(data));
  }
}

/** One decoded `Message` as the JSON envelope; a BATCH's `Batch.messages` each the same way. */
function fromMessage(message: gameproto.Message): ServerFrame | BatchFrame | UnknownFrame {
  if (message.type === T.BATCH) {
    const { messages } = gameproto.Batch.decode(message.payload);
    return {
      type: 'batch',
      payload: { messages: messages.map((inner) => fromMessage(inner as gameproto.Message) as ServerFrame) },
      timestamp: Number(message.timestamp),
    };
  }
  const envelope = gameproto.Message.toObject(message, TO_OBJECT) as {
    type: number;
    room_id: string;
    payload: Uint8Array;
    timestamp: number;
    offset: number;
    seq: number;
  };
  const spec = BY_VALUE.get(envelope.type);
  // A newer server may send types this copy of the schema does not know: hand them on undecoded
  // (with the envelope, so offsets still count) rather than break the connection.
  const type = spec ? spec.name : `unknown:${envelope.type}`;
  const payload = spec ? spec.inner.toObject(spec.inner.decode(envelope.payload), TO_OBJECT) : envelope.payload;
  // RoomEvent.data is JSON text on this wire: hand it on as the object the JSON codec gives.
  if (type === 'room_event') {
    const event = payload as { data: unknown };
    event.data = JSON.parse((event.data as string) || '{}');
  }
  // So is each listed room's metadata.
  if (type === 'room_list') {
    for (const room of (payload as { rooms: { metadata: unknown }[] }).rooms) room.metadata = JSON.parse((room.metadata as string) || '{}');
  }
  return {
    type,
    payload,
    timestamp: envelope.timestamp,
    ...(envelope.room_id ? { room_id: envelope.room_id } : {}),
    ...(envelope.offset ? { offset: envelope.offset } : {}),
    ...(envelope.seq ? { seq: envelope.seq } : {}),
  } as ServerFrame | UnknownFrame;
}

/** Matchmaking payloads carry `filters` and `metadata` as JSON object text on this wire. */
function jsonTextFields(payload: Record<string, unknown>): Record<string, unknown> {
  if (payload.filters === undefined && payload.metadata === undefined) return payload;
  const out = { ...payload };
  for (const field of ['filters', 'metadata']) if (out[field] !== undefined) out[field] = JSON.stringify(out[field]);
  return out;
}
