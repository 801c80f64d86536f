import type { BatchFrame, OutgoingMessage, ServerFrame, UnknownFrame } from './types.js';

/** How frames look on the wire: one subprotocol, encode outgoing, decode incoming. */
export interface ClientCodec {
  /** Offered as Sec-WebSocket-Protocol (protocol v1). */
  readonly subprotocol: string;
  /** The subprotocol per protocol version, for codecs that speak more than v1 (the client's `protocol` option picks). */
  readonly subprotocols?: Readonly<Partial<Record<1 | 2, string>>>;
  encode(message: OutgoingMessage): string | Uint8Array;
  /**
   * `data` is a string for text frames, bytes for binary frames; a `batch` holds decoded frames.
   * A type the codec does not know comes back as it is (JSON) or as `unknown:<n>` (protobuf), never an exception.
   */
  decode(data: string | Uint8Array): ServerFrame | BatchFrame | UnknownFrame;
}
