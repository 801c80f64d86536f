import type { CodecRegistry } from '../codec';
import type { Connection } from './connection';

/** Writes one finished frame to a connection's socket (the pool's raw write: no policy, no batching). */
export type RawWrite = (connection: Connection, frame: Buffer, binary: boolean) => void;

/**
 * Batching for clients that opted in (`?batch=1` on the upgrade URL): the messages a connection
 * is sent within one flush window leave as one `batch` frame (`Codec.encodeBatch`, which wraps
 * the already-encoded messages without re-encoding them); a window with a single message sends
 * it as a plain frame. Connections that did not opt in never come here.
 *
 * The window is one timer for the whole pool, never one per connection: with BATCH_MAX_WAIT_MS=0
 * a `setImmediate` (so the messages of one event-loop turn share a frame: a tick's `sync` and
 * the replies and room events handled in the same turn), otherwise a timer of that length armed
 * by the first pending message. A connection whose pending messages would pass BATCH_MAX_BYTES
 * is flushed at once. A codec switch (first binary frame) flushes what was encoded in the old one.
 */
export class FrameBatcher {
  /** Connections with pending messages in the current window (may repeat; flushing is idempotent). */
  private dirty: Connection[] = [];
  private armed = false;

  constructor(
    private readonly codecs: CodecRegistry,
    private readonly maxBytes: number,
    private readonly maxWaitMs: number,
    private readonly write: RawWrite,
  ) {}

  /** Queues an encoded message (the pool already applied the slow-consumer policy). */
  queue(connection: Connection, frame: Buffer): void {
    let pending = connection.pending;
    if (pending !== undefined && pending.length > 0) {
      if (connection.pendingCodec !== connection.codec || connection.pendingBytes + frame.length > this.maxBytes) {
        this.flush(connection);
      }
    }
    if (pending === undefined) pending = connection.pending = [];
    if (pending.length === 0) {
      connection.pendingCodec = connection.codec;
      this.dirty.push(connection);
      this.arm();
    }
    pending.push(frame);
    connection.pendingBytes += frame.length;
  }

  /** Sends what is pending for `connection` now (before a close frame, or when full). */
  flush(connection: Connection): void {
    const pending = connection.pending;
    if (pending === undefined || pending.length === 0) return;
    const codec = this.codecs.get(connection.pendingCodec ?? connection.codec);
    const frame = pending.length === 1 ? pending[0] : codec.encodeBatch(pending, Date.now());
    pending.length = 0; // the array is reused: a batching client has messages every tick
    connection.pendingBytes = 0;
    this.write(connection, frame, codec.binary);
  }

  /** Drops what is pending (a closed or slow-consumer connection). */
  discard(connection: Connection): void {
    connection.pending = undefined;
    connection.pendingBytes = 0;
  }

  private arm(): void {
    if (this.armed) return;
    this.armed = true;
    if (this.maxWaitMs === 0) setImmediate(this.flushAll);
    else setTimeout(this.flushAll, this.maxWaitMs).unref();
  }

  private readonly flushAll = (): void => {
    this.armed = false;
    const dirty = this.dirty;
    this.dirty = [];
    for (const connection of dirty) this.flush(connection);
  };
}
