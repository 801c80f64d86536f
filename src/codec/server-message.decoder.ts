import { gameproto, type ServerMessage, TYPE_BY_PROTO } from '../protocol';

interface Decodable {
  decode(bytes: Uint8Array): object;
  toObject(message: object, options: object): Record<string, unknown>;
}

/**
 * A `gameproto.Message` made by `ProtobufCodec.encode`, back into the server message it was
 * made from: how a message encoded once on one instance is read once on another. Throws on
 * bytes that are not such a message.
 */
export function decodeServerMessage(bytes: Uint8Array): ServerMessage {
  const envelope = gameproto.Message.decode(bytes);
  const spec = TYPE_BY_PROTO.get(envelope.type);
  if (!spec) throw new Error(`server message of unknown type ${envelope.type}`);
  const inner = spec.payload as unknown as Decodable;
  let payload = inner.toObject(inner.decode(envelope.payload), { longs: Number, defaults: true, arrays: true });
  if (spec.adapter) payload = spec.adapter.fromProto(payload) as Record<string, unknown>;
  // proto3 cannot tell an absent string from an empty one; absent is what the sender meant.
  for (const key of Object.keys(payload)) if (payload[key] === '') delete payload[key];
  const message = { type: spec.name, payload, timestamp: Number(envelope.timestamp) } as ServerMessage;
  if (envelope.room_id) message.room_id = envelope.room_id;
  if (Number(envelope.offset)) message.offset = Number(envelope.offset);
  if (Number(envelope.seq)) message.seq = Number(envelope.seq);
  return message;
}
