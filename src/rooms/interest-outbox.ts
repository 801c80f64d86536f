import { CodecId } from '../codec';
import { MessageType, protobuf, type ServerMessage } from '../protocol';
import { type FramePart, markerOps } from '../state';
import type { FrameBody, RoomFrame } from './room-frame.topic';

/** A part encoded once per codec: a packed `ops` chunk and `strings` entries (protobuf), or their JSON texts. */
interface EncodedPart {
  proto?: Buffer;
  jsonOps?: string;
  jsonStrings?: string;
}

const EMPTY_BODY: FrameBody = { ops: [], strings: [] };
/** Stands for every frame in the metrics and the slow-consumer policy (a `state` frame: droppable). */
const STATE: ServerMessage = { type: MessageType.State, payload: { frame: 0, ops: [] }, timestamp: 0 } as ServerMessage;
/** `Message.type = STATE` and the tag of `Message.payload`. */
const MESSAGE_HEAD = Buffer.from([0x08, 18, 0x2a]);

/** What one connection's frame says besides its parts. */
export interface FrameHeader {
  /** The room's handle, when the connection is in more than one room. */
  room?: number;
  /** The frame this delta builds on, when it is not `frame - 1`. */
  base?: number;
  /** A keyframe of everything the connection sees. */
  key: boolean;
}

/**
 * An interest-managed room's frame on this instance: every part (the global delta, a cell's
 * delta, a cell's keyframe, a drop marker) is encoded at most once per codec, whatever the number
 * of members whose frame contains it; a member's frame is its header followed by its parts' bytes
 * (protobuf: the packed `ops` field may be split into chunks, so encoded parts simply follow each
 * other; JSON: their texts are joined). Nothing is serialized per member but a few header fields.
 */
export class InterestOutbox {
  private readonly encoded = new Map<string, EncodedPart>();
  /** The frame's `state` message, as metrics and the pool's policy see it. */
  static readonly kind = STATE;

  constructor(private readonly frame: RoomFrame) {}

  /** How many parts were encoded so far (each once, for both codecs): what "encode once per cell" promises. */
  get encodedParts(): number {
    return this.encoded.size;
  }

  /** One connection's frame in `codec`. */
  compose(codec: CodecId, parts: readonly FramePart[], header: FrameHeader): Buffer {
    return codec === CodecId.Protobuf ? this.protobuf(parts, header) : this.json(parts, header);
  }

  private protobuf(parts: readonly FramePart[], header: FrameHeader): Buffer {
    const head = protobuf.Writer.create();
    if (header.room !== undefined) head.uint32(0x08).uint32(header.room);
    head.uint32(0x10).uint32(this.frame.frame);
    if (header.key) head.uint32(0x18).bool(true).uint32(0x30).int64(this.frame.time);
    if (header.base !== undefined) head.uint32(0x38).uint32(header.base);
    const chunks: Buffer[] = [toBuffer(head.finish())];
    let length = chunks[0].length;
    for (const part of parts) {
      const bytes = this.part(part).proto!;
      if (bytes.length === 0) continue;
      chunks.push(bytes);
      length += bytes.length;
    }
    const size = protobuf.Writer.create().uint32(length).finish();
    return Buffer.concat([MESSAGE_HEAD, toBuffer(size), ...chunks], MESSAGE_HEAD.length + size.length + length);
  }

  private json(parts: readonly FramePart[], header: FrameHeader): Buffer {
    const ops: string[] = [];
    const strings: string[] = [];
    for (const part of parts) {
      const encoded = this.part(part);
      if (encoded.jsonOps) ops.push(encoded.jsonOps);
      if (encoded.jsonStrings) strings.push(encoded.jsonStrings);
    }
    let text = `{"type":"state","payload":{"frame":${this.frame.frame}`;
    if (header.room !== undefined) text += `,"room":${header.room}`;
    if (header.key) text += `,"key":true,"time":${this.frame.time}`;
    if (header.base !== undefined) text += `,"base":${header.base}`;
    text += `,"ops":[${ops.join(',')}]`;
    if (strings.length > 0) text += `,"strings":[${strings.join(',')}]`;
    return Buffer.from(`${text}}}`);
  }

  /** A part's encodings (both codecs, made on first use: an instance whose members all speak one codec encodes one). */
  private part(part: FramePart): EncodedPart {
    const id = part.kind === 'global' || part.kind === 'global-key' ? part.kind : `${part.kind}:${part.cell}`;
    let encoded = this.encoded.get(id);
    if (encoded) return encoded;
    const { ops, strings } = this.contentOf(part);
    const writer = protobuf.Writer.create();
    if (ops.length > 0) {
      writer.uint32(0x22).fork();
      for (const op of ops) writer.sint32(op);
      writer.ldelim();
    }
    for (const s of strings) writer.uint32(0x2a).string(s);
    encoded = {
      proto: toBuffer(writer.finish()),
      jsonOps: ops.join(','),
      jsonStrings: strings.map((s) => JSON.stringify(s)).join(','),
    };
    this.encoded.set(id, encoded);
    return encoded;
  }

  private contentOf(part: FramePart): { ops: readonly number[]; strings: readonly string[] } {
    const interest = this.frame.interest!;
    switch (part.kind) {
      case 'global':
        return this.frame.delta ?? EMPTY_BODY;
      case 'global-key':
        return this.frame.key ?? EMPTY_BODY;
      case 'drop':
        return { ops: markerOps(part.cell, true), strings: [] };
      case 'cell':
      case 'cell-key': {
        const body = (part.kind === 'cell' ? interest.cells : interest.keys).get(part.cell) ?? EMPTY_BODY;
        return { ops: [...markerOps(part.cell, false), ...body.ops], strings: body.strings };
      }
    }
  }
}

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
