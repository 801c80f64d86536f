import { Injectable } from '@nestjs/common';
import { ErrorCode, isPlainObject, MessageType, type ServerMessage } from '../protocol';
import { type Codec, CodecId, DecodeError, type RawClientMessage } from './codec';

const BATCH_HEAD = Buffer.from(`{"type":"${MessageType.Batch}","payload":{"messages":[`);
const COMMA = Buffer.from(',');

/** `{type, payload, timestamp, id?}` text frames (the original JavaScript client's format). */
@Injectable()
export class JsonCodec implements Codec {
  readonly id = CodecId.Json;
  readonly binary = false;

  encode(message: ServerMessage): Buffer {
    return Buffer.from(JSON.stringify(message));
  }

  /** `{"type":"batch","payload":{"messages":[<frame>,<frame>,...]},"timestamp":<ms>}` */
  encodeBatch(frames: readonly Buffer[], timestamp: number): Buffer {
    const parts: Buffer[] = [BATCH_HEAD];
    for (let i = 0; i < frames.length; i++) {
      if (i > 0) parts.push(COMMA);
      parts.push(frames[i]);
    }
    parts.push(Buffer.from(`]},"timestamp":${timestamp}}`));
    return Buffer.concat(parts);
  }

  decode(frame: Buffer | string): RawClientMessage {
    let parsed: unknown;
    try {
      parsed = JSON.parse(typeof frame === 'string' ? frame : frame.toString('utf8'));
    } catch (error) {
      throw new DecodeError(ErrorCode.BadJson, `frame is not valid JSON: ${(error as Error).message}`);
    }
    if (!isPlainObject(parsed)) throw new DecodeError(ErrorCode.BadJson, 'frame must be a JSON object {type, payload}');
    const { type, payload, id } = parsed;
    if (typeof type !== 'string') {
      throw new DecodeError(ErrorCode.InvalidPayload, 'frame must have a string "type"');
    }
    return { type, payload: payload === undefined ? {} : payload, id };
  }
}
