import { type Codec, CodecId, CodecRegistry, DecodeError } from '../codec';
import type { Connection } from '../connection';
import {
  CLIENT_MESSAGE_TYPES,
  type Check,
  type ClientMessage,
  type ClientMessageType,
  ErrorCode,
  InternalEvent,
  MESSAGE_ID_CHECK,
  type PayloadLimits,
  type RejectedFrame,
  clientPayloadSchemas,
} from '../protocol';

const CLIENT_TYPES: ReadonlySet<string> = new Set(CLIENT_MESSAGE_TYPES);
const EXPECTED_TYPES = CLIENT_MESSAGE_TYPES.join(', ');

/**
 * Frame → validated `ClientMessage`, or a `RejectedFrame` saying why not. Text frames are JSON,
 * binary frames protobuf, on every connection. The first data frame of a connection without a
 * subprotocol fixes the codec of its replies.
 */
export class FrameParser {
  private readonly json: Codec;
  private readonly protobuf: Codec;
  private readonly schemas: Record<ClientMessageType, Check>;

  constructor(codecs: CodecRegistry, limits: PayloadLimits) {
    this.json = codecs.get(CodecId.Json);
    this.protobuf = codecs.get(CodecId.Protobuf);
    this.schemas = clientPayloadSchemas(limits);
  }

  parse(connection: Connection, frame: Buffer, isBinary: boolean): ClientMessage | RejectedFrame {
    if (!connection.codecLocked) {
      connection.codec = isBinary ? CodecId.Protobuf : CodecId.Json;
      connection.codecLocked = true;
    }
    let raw;
    try {
      raw = (isBinary ? this.protobuf : this.json).decode(frame);
    } catch (error) {
      if (error instanceof DecodeError) return rejected(error.code, error.message, error.refType);
      throw error;
    }
    const id = raw.id;
    const idError = MESSAGE_ID_CHECK(id, 'id');
    if (idError) return rejected(ErrorCode.InvalidPayload, idError, raw.type);
    const refId = (id || undefined) as string | undefined;
    if (!CLIENT_TYPES.has(raw.type)) {
      return rejected(
        ErrorCode.UnknownType,
        `unknown message type "${raw.type.slice(0, 64)}"; expected one of ${EXPECTED_TYPES}`,
        undefined,
        refId,
      );
    }
    const type = raw.type as ClientMessageType;
    const payloadError = this.schemas[type](raw.payload, 'payload');
    if (payloadError) return rejected(ErrorCode.InvalidPayload, payloadError, type, refId);
    return { type, payload: raw.payload, id: refId } as ClientMessage;
  }
}

function rejected(code: ErrorCode, message: string, refType?: string, refId?: string): RejectedFrame {
  return { type: InternalEvent.Rejected, payload: { code, message, ref_type: refType, ref_id: refId } };
}
