import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';

/** `ws` 8's static frame builder (lib/sender.js): the one `WebSocket#send` itself uses. */
type FrameFn = (data: Buffer, options: FrameOptions) => Buffer[];
interface FrameOptions {
  readonly fin: boolean;
  readonly rsv1: boolean;
  readonly opcode: number;
  readonly mask: boolean;
  readonly readOnly: boolean;
}

/** The parts of a server-side `ws` 8 socket this class reads (see the class comment). */
interface WsInternals {
  _socket: Duplex | null;
  _extensions: Record<string, unknown>;
  _sender: { _state: number; _queue: unknown[]; _firstFragment: boolean } | null;
}

const { Sender } = WebSocket as unknown as { Sender: { frame: FrameFn } };
/** `Sender`'s idle state (`DEFAULT` in lib/sender.js): nothing deflating or waiting in its queue. */
const SENDER_IDLE = 0;
const DEFLATE = 'permessage-deflate';
// Shared, never mutated: `Sender.frame` only reads its options when `mask` is false.
const TEXT: FrameOptions = Object.freeze({ fin: true, rsv1: false, opcode: 0x01, mask: false, readOnly: true });
const BINARY: FrameOptions = Object.freeze({ fin: true, rsv1: false, opcode: 0x02, mask: false, readOnly: true });

/**
 * Writes one WebSocket frame built once per broadcast to many sockets.
 *
 * `socket.send(data)` makes `ws` build an options object, a frame header and a two-buffer
 * corked write for every recipient. A broadcast instead frames its payload once
 * (`FrameWriter.frame`: `ws`'s own `Sender.frame` header and the payload in one buffer) and
 * writes that same buffer to each TCP socket: one `write` per recipient, no per-recipient
 * allocation.
 *
 * This bypasses `ws`'s `Sender`, so it relies on these `ws` 8.x internals (checked by
 * frame-writer.spec.ts against the installed version):
 * - `websocket._socket`: the TCP socket the `Sender` writes to. Writing to it directly keeps
 *   `bufferedAmount` (`_socket._writableState.length + _sender._bufferedBytes`) exact, so the
 *   pool's slow-consumer accounting is unchanged.
 * - `websocket._extensions['permessage-deflate']`: present when compression was negotiated. Such
 *   a socket may need RSV1 and compressed payloads, so it always goes through `send`.
 * - `websocket._sender._state === 0` (`DEFAULT`) with an empty `_queue`, and `_firstFragment`:
 *   the sender is idle and not inside a fragmented message. Otherwise earlier messages are
 *   still being deflated or queued, and writing past them would reorder the stream; `send`
 *   queues behind them instead.
 * If a `ws` upgrade renames any of these, `canWriteFramed` answers false and every write falls
 * back to `send`: slower, never wrong.
 */
export class FrameWriter {
  /** The complete frame (header + payload) for `payload`, unmasked, final, uncompressed. */
  static frame(payload: Buffer, binary: boolean): Buffer {
    const [header] = Sender.frame(payload, binary ? BINARY : TEXT);
    const framed = Buffer.allocUnsafe(header.length + payload.length);
    header.copy(framed, 0);
    payload.copy(framed, header.length);
    return framed;
  }

  /** Whether `socket` can take a pre-framed buffer right now without reordering or skipping compression. */
  static canWriteFramed(socket: WebSocket): boolean {
    const ws = socket as unknown as WsInternals;
    const sender = ws._sender;
    return (
      sender !== null &&
      sender !== undefined &&
      sender._state === SENDER_IDLE &&
      sender._firstFragment === true &&
      sender._queue.length === 0 &&
      ws._extensions[DEFLATE] === undefined &&
      ws._socket !== null
    );
  }

  /**
   * Writes a buffer from `frame()` to the socket's TCP stream. Call only after `canWriteFramed`
   * (and with the socket OPEN). No callback: a failed write surfaces as the socket's 'error'
   * and 'close', exactly as with `send`.
   */
  static writeFramed(socket: WebSocket, framed: Buffer): void {
    (socket as unknown as WsInternals)._socket!.write(framed);
  }
}
