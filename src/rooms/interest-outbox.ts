import { CodecId } from '../codec';
import { type ConnectionPool, SharedMessage } from '../connection';
import { MessageType, protobuf, type ServerMessage } from '../protocol';
import { type CellView, type FrameChanges, type FramePart, markerOps, NO_VIEW_CHANGE, planFrame } from '../state';
import type { FrameBody, RoomFrame } from './room-frame.topic';

/** A part's content, and its encodings, each made once on first use: a packed `ops` chunk and `strings` entries (protobuf), or their JSON texts. */
interface EncodedPart {
  readonly content: FrameBody;
  proto?: Buffer;
  json?: { ops: string; strings: string };
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
  /** Per part kind, its parts by cell number (0 for the global ones): no key is built per member. */
  private readonly byKind: Record<FramePart['kind'], Map<number, EncodedPart>> = {
    global: new Map(),
    'global-key': new Map(),
    cell: new Map(),
    'cell-key': new Map(),
    drop: new Map(),
  };
  /**
   * Per codec, by view signature: the frame of every member that sees those cells and has nothing
   * else to be told this tick (no view change, no keyframe, no base, no room handle), composed once
   * and WebSocket-framed once; null where nothing in that view changed.
   */
  private readonly byView: [Map<string, SharedMessage | null>, Map<string, SharedMessage | null>] = [new Map(), new Map()];
  private parts = 0;
  private encodingCount = 0;
  private composed = 0;
  /** The frame's `state` message, as metrics and the pool's policy see it. */
  static readonly kind = STATE;

  constructor(
    private readonly frame: RoomFrame,
    /** Every frame carries its tick's `time` (STATE_FRAME_TIME), not only keyframes. */
    private readonly stamped = false,
  ) {}

  /** How many distinct parts were encoded so far: what "encode once per cell" promises. */
  get encodedParts(): number {
    return this.parts;
  }

  /** How many encodings were made: at most one per part and codec in use. */
  get encodings(): number {
    return this.encodingCount;
  }

  /** How many frames were composed (a frame shared by a view counts once). */
  get compositions(): number {
    return this.composed;
  }

  /** One connection's frame in `codec`. */
  compose(codec: CodecId, parts: readonly FramePart[], header: FrameHeader): Buffer {
    this.composed++;
    return codec === CodecId.Protobuf ? this.protobuf(parts, header) : this.json(parts, header);
  }

  /**
   * The frame shared by every member in `codec` that sees `view`'s cells and has nothing else to
   * be told (see `byView`): planned and composed for the first of them only. Undefined: nothing
   * it sees changed, no frame.
   */
  viewFrame(codec: CodecId, view: CellView, changes: FrameChanges): SharedMessage | undefined {
    const table = this.byView[codec];
    let shared = table.get(view.signature);
    if (shared === undefined) {
      const parts = planFrame(view, NO_VIEW_CHANGE, changes, false);
      shared = parts ? new SharedMessage(STATE) : null;
      if (shared) shared.encoded[codec] = this.compose(codec, parts!, { key: false });
      table.set(view.signature, shared);
    }
    return shared ?? undefined;
  }

  /** Counts the shared frames in the metrics, once each; returns the bytes they wrote. */
  countShared(pool: ConnectionPool): number {
    let bytes = 0;
    for (const table of this.byView) {
      for (const shared of table.values()) {
        if (!shared) continue;
        pool.countShared(shared);
        bytes += shared.bytes;
      }
    }
    return bytes;
  }

  private protobuf(parts: readonly FramePart[], header: FrameHeader): Buffer {
    const head = protobuf.Writer.create();
    if (header.room !== undefined) head.uint32(0x08).uint32(header.room);
    head.uint32(0x10).uint32(this.frame.frame);
    if (header.key) head.uint32(0x18).bool(true);
    if (header.key || this.stamped) head.uint32(0x30).int64(this.frame.time);
    if (header.base !== undefined) head.uint32(0x38).uint32(header.base);
    const chunks: Buffer[] = [toBuffer(head.finish())];
    let length = chunks[0].length;
    for (const part of parts) {
      const bytes = this.protobufOf(part);
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
      const encoded = this.jsonOf(part);
      if (encoded.ops) ops.push(encoded.ops);
      if (encoded.strings) strings.push(encoded.strings);
    }
    let text = `{"type":"state","payload":{"frame":${this.frame.frame}`;
    if (header.room !== undefined) text += `,"room":${header.room}`;
    if (header.key) text += `,"key":true`;
    if (header.key || this.stamped) text += `,"time":${this.frame.time}`;
    if (header.base !== undefined) text += `,"base":${header.base}`;
    text += `,"ops":[${ops.join(',')}]`;
    if (strings.length > 0) text += `,"strings":[${strings.join(',')}]`;
    return Buffer.from(`${text}}}`);
  }

  /** A part's entry, found by its kind and cell number (made with its content on first use). */
  private entry(part: FramePart): EncodedPart {
    const table = this.byKind[part.kind];
    const cell = 'cell' in part ? part.cell : 0;
    let entry = table.get(cell);
    if (!entry) {
      entry = { content: this.contentOf(part) };
      table.set(cell, entry);
      this.parts++;
    }
    return entry;
  }

  /** The part in protobuf, encoded on first use (an instance whose members all speak JSON never makes it). */
  private protobufOf(part: FramePart): Buffer {
    const entry = this.entry(part);
    if (entry.proto) return entry.proto;
    const { ops, strings } = entry.content;
    const writer = protobuf.Writer.create();
    if (ops.length > 0) {
      writer.uint32(0x22).fork();
      for (const op of ops) writer.sint32(op);
      writer.ldelim();
    }
    for (const s of strings) writer.uint32(0x2a).string(s);
    this.encodingCount++;
    return (entry.proto = toBuffer(writer.finish()));
  }

  /** The part's JSON texts, made on first use (an instance whose members all speak protobuf never makes them). */
  private jsonOf(part: FramePart): { ops: string; strings: string } {
    const entry = this.entry(part);
    if (entry.json) return entry.json;
    const { ops, strings } = entry.content;
    this.encodingCount++;
    return (entry.json = { ops: ops.join(','), strings: strings.map((s) => JSON.stringify(s)).join(',') });
  }

  private contentOf(part: FramePart): FrameBody {
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
