import { Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { WebSocket } from 'ws';
import { CodecRegistry } from '../codec';
import { randomId } from '../common';
import { MetricsService } from '../metrics';
import type { ServerMessage } from '../protocol';
import { Connection, type GameSocket } from './connection';

const BINARY = { binary: true } as const;
const TEXT = { binary: false } as const;

/**
 * The one registry of live connections: "where is client X", "how many are there", and the
 * only way to write to a socket. Broadcasts encode a message once per codec, whatever the
 * number of recipients.
 */
@Injectable()
export class ConnectionPool {
  private readonly byClientId = new Map<string, Connection>();

  constructor(
    private readonly codecs: CodecRegistry,
    private readonly metrics: MetricsService,
  ) {}

  get size(): number {
    return this.byClientId.size;
  }

  /** Registers a freshly upgraded socket under a new client id. */
  register(socket: WebSocket, request: IncomingMessage): Connection {
    const { codec, locked } = CodecRegistry.codecFor(socket.protocol || undefined);
    const connection = new Connection(socket, codec, locked, request.socket.remoteAddress ?? '', Date.now());
    connection.clientId = randomId(9);
    (socket as GameSocket).connection = connection;
    this.byClientId.set(connection.clientId, connection);
    return connection;
  }

  /** Forgets a connection (socket closed). Idempotent. */
  unregister(connection: Connection): void {
    if (this.byClientId.get(connection.clientId) === connection) this.byClientId.delete(connection.clientId);
  }

  /** Moves a connection to another client id (a resumed session keeps its old id). */
  rename(connection: Connection, clientId: string): void {
    this.unregister(connection);
    connection.clientId = clientId;
    this.byClientId.set(clientId, connection);
  }

  get(clientId: string): Connection | undefined {
    return this.byClientId.get(clientId);
  }

  values(): IterableIterator<Connection> {
    return this.byClientId.values();
  }

  /** Sends one message to one connection in its codec. Returns false if the socket is not open. */
  send(connection: Connection, message: ServerMessage): boolean {
    if (connection.socket.readyState !== WebSocket.OPEN) return false;
    const codec = this.codecs.get(connection.codec);
    const frame = codec.encode(message);
    this.write(connection, frame, codec.binary);
    this.metrics.sent(message, 1, frame.length);
    return true;
  }

  /**
   * Sends one message to many connections, encoding it at most once per codec.
   * `except` (a client id) is skipped, e.g. the member whose action caused the event.
   */
  broadcast(connections: Iterable<Connection>, message: ServerMessage, except?: string): void {
    const encoded: (Buffer | undefined)[] = [undefined, undefined];
    let recipients = 0;
    let bytes = 0;
    for (const connection of connections) {
      if (connection.clientId === except || connection.socket.readyState !== WebSocket.OPEN) continue;
      const codec = this.codecs.get(connection.codec);
      const frame = (encoded[codec.id] ??= codec.encode(message));
      this.write(connection, frame, codec.binary);
      recipients += 1;
      bytes += frame.length;
    }
    this.metrics.sent(message, recipients, bytes); // once per broadcast, not per recipient
  }

  /** Closes a connection with a code from `CloseCode`; the close handler unregisters it. */
  close(connection: Connection, code: number, reason: string): void {
    if (connection.socket.readyState === WebSocket.OPEN || connection.socket.readyState === WebSocket.CONNECTING) {
      connection.socket.close(code, reason);
    }
  }

  private write(connection: Connection, frame: Buffer, binary: boolean): void {
    // No callback: a failed write surfaces as the socket's 'error' and 'close', which clean up.
    connection.socket.send(frame, binary ? BINARY : TEXT);
  }
}
