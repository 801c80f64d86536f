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
 *   a socket may need RSV1 and compressed payloads, so it always goes through `send`. This is
 *   fixed at the upgrade: `framable` answers it once per connection.
 * - `websocket._sender._state === 0` (`DEFAULT`) and `_firstFragment`: the sender is idle and not
 *   inside a fragmented message. Otherwise an earlier message is still being deflated or read
 *   from a Blob, and writing past it would reorder the stream; `send` queues behind it instead.
 *   The sender's `_queue` is empty whenever `_state` is `DEFAULT` (it drains the queue, in the
 *   same call, each time it returns to that state), so `idle` does not read it.
 * If a `ws` upgrade renames any of these, `framable` answers false and every write falls back to
 * `send`: slower, never wrong.
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

  /**
   * Whether pre-framed buffers may ever be written to this freshly opened socket: the internals
   * are where this class expects them and no compression was negotiated. Asked once, at
   * registration; `idle` is the per-write half.
   */
  static framable(socket: WebSocket): boolean {
    const ws = socket as unknown as WsInternals;
    const sender = ws._sender;
    return (
      sender !== null &&
      sender !== undefined &&
      typeof sender._state === 'number' &&
      typeof sender._firstFragment === 'boolean' &&
      Array.isArray(sender._queue) &&
      ws._extensions !== undefined &&
      ws._extensions[DEFLATE] === undefined &&
      ws._socket !== null &&
      ws._socket !== undefined
    );
  }

  /** Whether a `framable` socket can take a pre-framed buffer right now without reordering. */
  static idle(socket: WebSocket): boolean {
    const ws = socket as unknown as WsInternals;
    const sender = ws._sender!;
    return sender._state === SENDER_IDLE && sender._firstFragment && ws._socket !== null;
  }

  /**
   * Writes a buffer from `frame()` to the socket's TCP stream. Call only when `framable` and
   * `idle` (and with the socket OPEN). No callback: a failed write surfaces as the socket's
   * 'error' and 'close', exactly as with `send`.
   */
  static writeFramed(socket: WebSocket, framed: Buffer): void {
    (socket as unknown as WsInternals)._socket!.write(framed);
  }
}
