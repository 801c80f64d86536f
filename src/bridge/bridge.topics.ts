import type { BusTopic } from '../bus';
import { decodeServerMessage, ProtobufCodec } from '../codec';
import { gameproto, type GameActionPayload, type ServerMessage } from '../protocol';
import { bridgeproto } from './generated/bridge';

/** What a member's instance asks of the instance that owns (runs) a room, the owner's answer, and its handover notice. */
export const RoomCommandName = {
  Join: 'join',
  Leave: 'leave',
  /** The member's socket dropped: its seat waits for a resume or a fresh join by the same player. */
  Park: 'park',
  Action: 'action',
  /** A reliable room event (chat) for the owner to give an offset and publish. */
  Reliable: 'reliable',
  /** The owner's answer to a request (`requestId`). */
  Reply: 'reply',
  /**
   * From an owner shutting down to each instance with members in the room: it saved the room and
   * released its lease; take the room over now (not at the next lease pass).
   */
  Released: 'released',
} as const;
export type RoomCommandName = (typeof RoomCommandName)[keyof typeof RoomCommandName];

/** A command between instances about one member of one room. */
export interface RoomCommand {
  command: RoomCommandName;
  roomId: string;
  clientId: string;
  requestId?: string;
  /** `action` only, carried as gameproto.GameAction. */
  action?: GameActionPayload;
  refId?: string;
  /** Anything else the command needs (JSON on the wire: joins, leaves, replies are not hot). */
  data?: unknown;
}

/** A server message for one client of the instance whose channel it is published on. */
export interface ClientMessage {
  clientId: string;
  message: ServerMessage;
  /** A direct message: the recipient's instance stamps the session's next `seq`. */
  sequenced?: boolean;
}

const EMPTY = new Uint8Array(0);
const json = (value: unknown) => (value === undefined ? EMPTY : Buffer.from(JSON.stringify(value)));
const unjson = (bytes: Uint8Array) => (bytes.length ? JSON.parse(Buffer.from(bytes).toString('utf8')) : undefined);
const protobuf = new ProtobufCodec();

/** Room commands as `bridgeproto.v1.RoomCommand`: actions (the hot path) as protobuf, like the client sent them. */
export const ROOM_COMMAND: BusTopic<RoomCommand> = {
  name: 'room-command',
  encode: (c) =>
    bridgeproto.v1.RoomCommand.encode({
      command: c.command,
      room_id: c.roomId,
      client_id: c.clientId,
      request_id: c.requestId,
      ref_id: c.refId,
      data: c.action ? gameproto.GameAction.encode(c.action as never).finish() : json(c.data),
    }).finish(),
  decode: (bytes) => {
    const c = bridgeproto.v1.RoomCommand.decode(bytes);
    const isAction = c.command === RoomCommandName.Action;
    return {
      command: c.command as RoomCommandName,
      roomId: c.room_id,
      clientId: c.client_id,
      requestId: c.request_id || undefined,
      refId: c.ref_id || undefined,
      action: isAction ? (gameproto.GameAction.toObject(gameproto.GameAction.decode(c.data), { longs: Number }) as never) : undefined,
      data: isAction ? undefined : unjson(c.data),
    };
  },
};

/** Deliveries to one client as `bridgeproto.v1.ClientMessage`, the message encoded once with the ProtobufCodec. */
export const CLIENT_MESSAGE: BusTopic<ClientMessage> = {
  name: 'client-message',
  encode: (m) => bridgeproto.v1.ClientMessage.encode({ client_id: m.clientId, sequenced: m.sequenced, message: protobuf.encode(m.message) }).finish(),
  decode: (bytes) => {
    const m = bridgeproto.v1.ClientMessage.decode(bytes);
    return { clientId: m.client_id, sequenced: m.sequenced, message: decodeServerMessage(m.message) };
  },
};

/** Every instance listens on its own channel: room commands and client deliveries for it. */
export const instanceChannel = (instanceId: string): string => `instance:${instanceId}`;
