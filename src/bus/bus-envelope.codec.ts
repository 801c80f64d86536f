import { ProtobufCodec } from '../codec';
import { gameproto, type ServerMessage, TYPE_BY_PROTO } from '../protocol';
import { type BusMessage, RoomCommandName } from './bus-message';
import { busproto } from './generated/bus';

const Kind = busproto.v1.Kind;
const EMPTY = new Uint8Array(0);
const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const json = (value: unknown) => (value === undefined ? EMPTY : Buffer.from(JSON.stringify(value)));
const unjson = (bytes: Uint8Array) => (bytes.length ? JSON.parse(Buffer.from(bytes).toString('utf8')) : undefined);

interface Decodable {
  decode(bytes: Uint8Array): object;
  toObject(message: object, options: object): Record<string, unknown>;
}

/**
 * Bus messages ↔ `busproto.v1.Envelope` bytes. Room broadcasts and deliveries carry the server
 * message encoded once with the ProtobufCodec (never JSON); an instance decodes it once on
 * receipt and its pool re-encodes it once per codec for the local members.
 */
export class BusEnvelopeCodec {
  private readonly protobuf = new ProtobufCodec();

  constructor(private readonly origin: string) {}

  encode(message: BusMessage): Buffer {
    const origin = this.origin;
    let envelope: busproto.v1.Envelope.$Properties;
    switch (message.kind) {
      case 'room':
        envelope = { origin, kind: Kind.ROOM, room_id: message.roomId, except: message.except, payload: this.protobuf.encode(message.message) };
        break;
      case 'client':
        envelope = { origin, kind: Kind.CLIENT, client_id: message.clientId, sequenced: message.sequenced, payload: this.protobuf.encode(message.message) };
        break;
      case 'command':
        envelope = {
          origin,
          kind: Kind.COMMAND,
          command: message.command,
          room_id: message.roomId,
          client_id: message.clientId,
          request_id: message.requestId,
          ref_id: message.refId,
          // Actions are the hot path of commands: protobuf, like the client sent them.
          data: message.action ? gameproto.GameAction.encode(message.action as never).finish() : json(message.data),
        };
        break;
      case 'event':
        envelope = { origin, kind: Kind.EVENT, pattern: message.pattern, data: json(message.data) };
        break;
    }
    return toBuffer(busproto.v1.Envelope.encode(envelope).finish());
  }

  /** Throws on bytes that are not an envelope; the bus counts and drops them. */
  decode(bytes: Buffer): { origin: string; message: BusMessage } {
    const e = busproto.v1.Envelope.decode(bytes);
    switch (e.kind) {
      case Kind.ROOM:
        return { origin: e.origin, message: { kind: 'room', roomId: e.room_id, message: decodeServerMessage(e.payload), except: e.except || undefined } };
      case Kind.CLIENT:
        return { origin: e.origin, message: { kind: 'client', clientId: e.client_id, message: decodeServerMessage(e.payload), sequenced: e.sequenced } };
      case Kind.COMMAND: {
        const isAction = e.command === RoomCommandName.Action;
        const action = isAction ? (gameproto.GameAction.toObject(gameproto.GameAction.decode(e.data), { longs: Number }) as never) : undefined;
        return {
          origin: e.origin,
          message: {
            kind: 'command',
            command: e.command as RoomCommandName,
            roomId: e.room_id,
            clientId: e.client_id,
            requestId: e.request_id || undefined,
            refId: e.ref_id || undefined,
            action,
            data: isAction ? undefined : unjson(e.data),
            origin: e.origin,
          },
        };
      }
      case Kind.EVENT:
        return { origin: e.origin, message: { kind: 'event', pattern: e.pattern, data: unjson(e.data) } };
      default:
        throw new Error(`bus envelope of unknown kind ${e.kind}`);
    }
  }
}

/** A `gameproto.Message` made by the ProtobufCodec, back into the JSON envelope shape. */
export function decodeServerMessage(bytes: Uint8Array): ServerMessage {
  const envelope = gameproto.Message.decode(bytes);
  const spec = TYPE_BY_PROTO.get(envelope.type);
  if (!spec) throw new Error(`bus payload of unknown message type ${envelope.type}`);
  const inner = spec.payload as unknown as Decodable;
  const payload = inner.toObject(inner.decode(envelope.payload), { longs: Number, defaults: true, arrays: true });
  // proto3 cannot tell an absent string from an empty one; absent is what the sender meant.
  for (const key of Object.keys(payload)) if (payload[key] === '') delete payload[key];
  const message = { type: spec.name, payload, timestamp: Number(envelope.timestamp) } as ServerMessage;
  if (envelope.room_id) message.room_id = envelope.room_id;
  if (Number(envelope.offset)) message.offset = Number(envelope.offset);
  if (Number(envelope.seq)) message.seq = Number(envelope.seq);
  return message;
}
