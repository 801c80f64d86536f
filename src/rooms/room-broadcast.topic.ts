import type { BusTopic } from '../bus';
import { decodeServerMessage, ProtobufCodec } from '../codec';
import type { ServerMessage } from '../protocol';
import { roomsproto } from './generated/rooms';

/** A server message for every local member of a room, on every instance (the room is the channel). */
export interface RoomBroadcast {
  message: ServerMessage;
  /** Client id to skip (e.g. the joiner, who gets `room_joined` instead). */
  except?: string;
}

const protobuf = new ProtobufCodec();

/**
 * Room broadcasts between instances: the server message encoded once with the ProtobufCodec
 * (never JSON) in a `roomsproto.v1.RoomBroadcast`; each instance decodes it once and its pool
 * re-encodes it once per codec for the local members. The in-memory bus never calls these.
 */
export const ROOM_BROADCAST: BusTopic<RoomBroadcast> = {
  name: 'room',
  encode: ({ message, except }) => roomsproto.v1.RoomBroadcast.encode({ message: protobuf.encode(message), except }).finish(),
  decode: (bytes) => {
    const { message, except } = roomsproto.v1.RoomBroadcast.decode(bytes);
    return { message: decodeServerMessage(message), except: except || undefined };
  },
};

export const roomChannel = (roomId: string): string => `room:${roomId}`;
