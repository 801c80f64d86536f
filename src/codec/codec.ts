import type { ErrorCode, ServerMessage } from '../protocol';

/** Index into `CodecRegistry.byId`: a number so that per-broadcast caches can be small arrays. */
export const CodecId = { Json: 0, Protobuf: 1 } as const;
export type CodecId = (typeof CodecId)[keyof typeof CodecId];

/** Subprotocol names (docs/protocol.md, "Endpoint"): v1 as the original contract, v2 with state frames. */
export const Subprotocol = {
  Json: 'game.v1.json',
  Protobuf: 'game.v1.proto',
  JsonV2: 'game.v2.json',
  ProtobufV2: 'game.v2.proto',
} as const;

/**
 * Protocol version of a connection: v1 clients get full `sync` snapshots; v2 clients get `state`
 * frames (keyframes and deltas). Client → server messages are the same in both.
 */
export const WireVersion = { V1: 1, V2: 2 } as const;
export type WireVersion = (typeof WireVersion)[keyof typeof WireVersion];

/** A frame as it came off the wire, before validation: `type` may be anything. */
export interface RawClientMessage {
  type: string;
  payload: unknown;
  id?: unknown;
}

/** The frame could not be decoded at all; `code` says how (BAD_JSON, BAD_PROTO, INVALID_PAYLOAD). */
export class DecodeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly refType?: string,
  ) {
    super(message);
  }
}

/**
 * Turns server messages into frames and frames into raw client messages; nothing else.
 * `encode` is called once per broadcast per codec, never per member.
 */
export interface Codec {
  readonly id: CodecId;
  /** Whether frames of this codec go out as binary WebSocket frames. */
  readonly binary: boolean;
  encode(message: ServerMessage): Buffer;
  /**
   * One `batch` frame holding `frames` (each a result of this codec's `encode`, in order) without
   * decoding or re-encoding them: the batched messages stay byte-identical to single frames.
   */
  encodeBatch(frames: readonly Buffer[], timestamp: number): Buffer;
  /** Throws `DecodeError`. */
  decode(frame: Buffer | string): RawClientMessage;
}
