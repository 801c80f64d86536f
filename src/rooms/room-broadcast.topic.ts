import type { BusTopic } from '../bus';
import { decodeServerMessage, ProtobufCodec } from '../codec';
import type { ServerMessage } from '../protocol';
import { roomsproto } from './generated/rooms';

/** A server message for every local member of a room, on every instance (the room is the channel). */
export interface RoomBroadcast {
  message: ServerMessage;
  /** Client id to skip (e.g. the joiner, who gets `room_joined` instead). */
  except?: string;
  /** Interest-managed rooms: only members who see this cell. */
  cell?: number;
}

const protobuf = new ProtobufCodec();

/**
 * Room broadcasts between instances: the server message encoded once with the ProtobufCodec
 * (never JSON) in a `roomsproto.v1.RoomBroadcast`; each instance decodes it once and its pool
 * re-encodes it once per codec for the local members. The in-memory bus never calls these.
 */
export const ROOM_BROADCAST: BusTopic<RoomBroadcast> = {
  name: 'room',
  encode: ({ message, except, cell }) =>
    roomsproto.v1.RoomBroadcast.encode({ message: protobuf.encode(message), except, in_cell: cell === undefined ? 0 : cell + 1 }).finish(),
  decode: (bytes) => {
    const { message, except, in_cell } = roomsproto.v1.RoomBroadcast.decode(bytes);
    return { message: decodeServerMessage(message), except: except || undefined, ...(in_cell > 0 && { cell: in_cell - 1 }) };
  },
};

export const roomChannel = (roomId: string): string => `room:${roomId}`;
