import { Injectable } from '@nestjs/common';
import { ErrorCode, gameproto, PROTO_BY_TYPE, protobuf, type ServerMessage, TYPE_BY_PROTO } from '../protocol';
import { type Codec, CodecId, DecodeError, type RawClientMessage } from './codec';

/** Tag of `Batch.messages` (field 1, length-delimited). */
const BATCH_MESSAGES_TAG = (1 << 3) | 2;

/** Types whose payload may leave `room_id` (or `to_client_id`) to the `Message` envelope. */
interface RoutedPayload {
  room_id?: string;
  to_client_id?: string;
}

/** Binary frames: one `gameproto.Message` whose `payload` holds the type's inner message. */
@Injectable()
export class ProtobufCodec implements Codec {
  readonly id = CodecId.Protobuf;
  readonly binary = true;

  encode(message: ServerMessage): Buffer {
    const spec = PROTO_BY_TYPE.get(message.type);
    if (!spec) throw new Error(`no protobuf mapping for message type "${message.type}"`);
    const payload = message.payload as { from_client_id?: string; to_client_id?: string };
    const bytes = gameproto.Message.encode({
      type: spec.value,
      room_id: message.room_id,
      from_client_id: payload.from_client_id,
      to_client_id: payload.to_client_id,
      payload: spec.payload.encode(spec.adapter ? spec.adapter.toProto(message.payload) : message.payload).finish(),
      timestamp: message.timestamp,
      offset: message.offset,
      seq: message.seq,
    }).finish();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** A `Message` of type BATCH whose payload is a `Batch` of the already-encoded `Message`s. */
  encodeBatch(frames: readonly Buffer[], timestamp: number): Buffer {
    // Embedded messages are length-delimited bytes on the wire: no need to decode them again.
    const batch = protobuf.Writer.create();
    for (const frame of frames) batch.uint32(BATCH_MESSAGES_TAG).bytes(frame);
    const bytes = gameproto.Message.encode({ type: gameproto.MessageType.BATCH, payload: batch.finish(), timestamp }).finish();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  decode(frame: Buffer | string): RawClientMessage {
    if (typeof frame === 'string') throw new DecodeError(ErrorCode.BadProto, 'protobuf frames must be binary');
    let envelope: gameproto.Message;
    try {
      envelope = gameproto.Message.decode(frame);
    } catch (error) {
      throw new DecodeError(ErrorCode.BadProto, `frame is not a gameproto.Message: ${(error as Error).message}`);
    }
    const spec = TYPE_BY_PROTO.get(envelope.type);
    // An unknown enum value keeps its number so that the error can name it.
    const type = spec?.name ?? `#${envelope.type}`;
    if (!spec) return { type, payload: {}, id: envelope.id || undefined };
    let payload: RoutedPayload;
    try {
      payload = spec.payload.decode(envelope.payload) as RoutedPayload;
      if (spec.adapter) payload = spec.adapter.fromProto(payload as never) as RoutedPayload;
    } catch (error) {
      throw new DecodeError(ErrorCode.BadProto, `payload is not a valid ${type}: ${(error as Error).message}`, type);
    }
    // Original-schema clients put the room (and a direct message's target) on the envelope.
    if (!payload.room_id && envelope.room_id) payload.room_id = envelope.room_id;
    if (!payload.to_client_id && envelope.to_client_id && 'to_client_id' in payload) {
      payload.to_client_id = envelope.to_client_id;
    }
    return { type, payload, id: envelope.id || undefined };
  }
}
