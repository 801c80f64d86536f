import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { WebSocket } from 'ws';
import { CodecRegistry } from '../codec';
import { randomId } from '../common';
import { ConfigValidationError, connectionConfig } from '../config';
import { MetricsService } from '../metrics';
import { CloseCode, MessageType, type ServerMessage } from '../protocol';
import { Connection, type GameSocket, type UpgradeRequest } from './connection';
import { FrameBatcher } from './frame-batcher';
import { FrameWriter } from './frame-writer';

const BINARY = { binary: true } as const;
const TEXT = { binary: false } as const;

/**
 * The one registry of live connections: "where is client X", "how many are there", and the
 * only way to write to a socket. Broadcasts encode a message once per codec, whatever the
 * number of recipients.
 *
 * Slow consumers: a client whose unsent bytes pass SEND_BUFFER_SOFT_BYTES stops getting `sync`
 * frames (the next snapshot supersedes them) while replies and reliable events still go out;
 * past SEND_BUFFER_HARD_BYTES it is closed with 4003, so a client that does not read never
 * grows server memory beyond about the hard limit.
 */
@Injectable()
export class ConnectionPool {
  private readonly byClientId = new Map<string, Connection>();
  private readonly byAddress = new Map<string, number>();
  private readonly registerListeners: ((connection: Connection) => void)[] = [];
  private readonly softLimit: number;
  private readonly hardLimit: number;
  private readonly batcher: FrameBatcher;
  /** `sync` frames not sent to slow consumers since start. */
  droppedSyncFrames = 0;
  /** Connections closed as slow consumers (4003) since start. */
  slowConsumerCloses = 0;

  constructor(
    private readonly codecs: CodecRegistry,
    @Inject(connectionConfig.KEY) config: ConfigType<typeof connectionConfig>,
    private readonly metrics: MetricsService,
  ) {
    if (config.sendBufferHardBytes < config.sendBufferSoftBytes) {
      throw new ConfigValidationError(
        'SEND_BUFFER_HARD_BYTES',
        String(config.sendBufferHardBytes),
        `at least SEND_BUFFER_SOFT_BYTES (${config.sendBufferSoftBytes})`,
      );
    }
    this.softLimit = config.sendBufferSoftBytes;
    this.hardLimit = config.sendBufferHardBytes;
    this.batcher = new FrameBatcher(codecs, config.batchMaxBytes, config.batchMaxWaitMs, this.writeNow);
  }

  get size(): number {
    return this.byClientId.size;
  }

  /** Registers a freshly upgraded socket under a new client id. */
  register(socket: WebSocket, request: UpgradeRequest): Connection {
    const { codec, locked, version } = CodecRegistry.codecFor(socket.protocol || undefined);
    const address = request.socket.remoteAddress ?? '';
    const connection = new Connection(socket, codec, locked, address, Date.now());
    connection.wireVersion = version;
    connection.clientId = randomId(9);
    connection.userId = request.verifiedUserId;
    connection.tokenExpiresAt = request.tokenExpiresAt ?? 0;
    connection.batching = wantsBatches(request.url);
    connection.framable = FrameWriter.framable(socket);
    (socket as GameSocket).connection = connection;
    this.byClientId.set(connection.clientId, connection);
    this.byAddress.set(address, (this.byAddress.get(address) ?? 0) + 1);
    for (const listener of this.registerListeners) listener(connection);
    return connection;
  }

  /** Forgets a connection (socket closed). Idempotent. */
  unregister(connection: Connection): void {
    if (this.byClientId.get(connection.clientId) !== connection) return;
    this.batcher.discard(connection);
    this.byClientId.delete(connection.clientId);
    const left = (this.byAddress.get(connection.remoteAddress) ?? 1) - 1;
    if (left > 0) this.byAddress.set(connection.remoteAddress, left);
    else this.byAddress.delete(connection.remoteAddress);
  }

  /** Moves a connection to another client id (a resumed session keeps its old id). */
  rename(connection: Connection, clientId: string): void {
    if (this.byClientId.get(connection.clientId) === connection) this.byClientId.delete(connection.clientId);
    connection.clientId = clientId;
    this.byClientId.set(clientId, connection);
  }

  /**
   * Calls `listener` for every connection registered from now on (e.g. the heartbeat binds its
   * pong handler). Listeners must be cheap and must not throw (one that does costs the connection:
   * the gateway closes it with 1011, see `GameGateway.handleConnection`).
   */
  onRegister(listener: (connection: Connection) => void): void {
    this.registerListeners.push(listener);
  }

  get(clientId: string): Connection | undefined {
    return this.byClientId.get(clientId);
  }

  values(): IterableIterator<Connection> {
    return this.byClientId.values();
  }

  /** Open connections from one remote address (MAX_CONNECTIONS_PER_IP). */
  connectionsFrom(address: string): number {
    return this.byAddress.get(address) ?? 0;
  }

  /** Sends one message to one connection in its codec. Returns false if it was not sent. */
  send(connection: Connection, message: ServerMessage): boolean {
    if (connection.socket.readyState !== WebSocket.OPEN) return false;
    const codec = this.codecs.get(connection.codec);
    const frame = codec.encode(message);
    const written = this.write(connection, frame, codec.binary, isDroppable(message), undefined);
    if (written) this.metrics.sent(message, 1, frame.length);
    return written;
  }

  /**
   * Sends one message to many connections, encoding it at most once per codec.
   * `except` (a client id) is skipped, e.g. the member whose action caused the event.
   */
  broadcast(connections: Iterable<Connection>, message: ServerMessage, except?: string): void {
    const shared = new SharedMessage(message);
    for (const connection of connections) if (connection.clientId !== except) this.sendShared(connection, shared);
    this.countShared(shared);
  }

  /**
   * Writes a message that goes to several connections, one call per recipient: encoded and
   * WebSocket-framed once per codec on first use (`shared` keeps them). Returns false when it was
   * not written: the socket is not open, or it was dropped for a slow consumer (state frames).
   * Call `countShared` once after the last recipient.
   */
  sendShared(connection: Connection, shared: SharedMessage): boolean {
    if (connection.socket.readyState !== WebSocket.OPEN) return false;
    const codec = this.codecs.get(connection.codec);
    const frame = (shared.encoded[codec.id] ??= codec.encode(shared.message));
    if (!this.write(connection, frame, codec.binary, shared.droppable, shared.framed)) return false;
    shared.recipients += 1;
    shared.bytes += frame.length;
    return true;
  }

  /**
   * Writes a message already encoded for this connection's codec (a frame made for this one
   * connection from shared parts: interest management). `kind` stands for the message in the
   * metrics and the slow-consumer policy. Returns false when it was not written.
   */
  sendEncoded(connection: Connection, frame: Buffer, kind: ServerMessage): boolean {
    if (connection.socket.readyState !== WebSocket.OPEN) return false;
    const codec = this.codecs.get(connection.codec);
    const written = this.write(connection, frame, codec.binary, isDroppable(kind), undefined);
    if (written) this.metrics.sent(kind, 1, frame.length);
    return written;
  }

  /** Counts a shared message in the metrics, once for all its recipients. */
  countShared(shared: SharedMessage): void {
    if (shared.recipients > 0) this.metrics.sent(shared.message, shared.recipients, shared.bytes);
  }

  /** Closes a connection with a code from `CloseCode`; the close handler unregisters it. */
  close(connection: Connection, code: number, reason: string): void {
    // What a batching client was already sent goes out before the close frame.
    if (connection.socket.readyState === WebSocket.OPEN) this.batcher.flush(connection);
    if (connection.socket.readyState === WebSocket.OPEN || connection.socket.readyState === WebSocket.CONNECTING) {
      connection.socket.close(code, reason);
    }
  }

  /**
   * Closes with `code` if the socket is open; if a close is already under way (the peer did not
   * answer it), drops the TCP connection at once.
   */
  closeOrTerminate(connection: Connection, code: number, reason: string): void {
    if (connection.socket.readyState === WebSocket.CLOSING) connection.socket.terminate();
    else this.close(connection, code, reason);
  }

  /** `framed` (a broadcast's per-codec cache of pre-framed buffers) is filled on first use. */
  private write(
    connection: Connection,
    frame: Buffer,
    binary: boolean,
    droppable: boolean,
    framed: (Buffer | undefined)[] | undefined,
  ): boolean {
    const queued = connection.socket.bufferedAmount + connection.pendingBytes;
    if (queued > this.hardLimit) {
      this.batcher.discard(connection);
      // The close frame queues behind the backlog; the heartbeat terminates the socket if the
      // client never reads it. Nothing more is buffered for it meanwhile (it is no longer OPEN).
      this.slowConsumerCloses += 1;
      this.close(connection, CloseCode.SlowConsumer, 'slow consumer: send buffer full');
      return false;
    }
    if (droppable && queued > this.softLimit) {
      this.droppedSyncFrames += 1;
      return false;
    }
    if (connection.batching) {
      this.batcher.queue(connection, frame);
      return true;
    }
    const socket = connection.socket;
    if (framed && connection.framable && FrameWriter.idle(socket)) {
      FrameWriter.writeFramed(socket, (framed[connection.codec] ??= FrameWriter.frame(frame, binary)));
      return true;
    }
    // No callback: a failed write surfaces as the socket's 'error' and 'close', which clean up.
    socket.send(frame, binary ? BINARY : TEXT);
    return true;
  }

  /** A batch (or a lone message) leaving the batcher: the policy was applied when it was queued. */
  private readonly writeNow = (connection: Connection, frame: Buffer, binary: boolean): void => {
    if (connection.socket.readyState === WebSocket.OPEN) connection.socket.send(frame, binary ? BINARY : TEXT);
  };
}

/**
 * State that the next frame supersedes may be skipped for a slow consumer: v1 `sync`, and v2
 * `state` frames (the client is then owed a keyframe; the fan-out sees the `false` and arranges it).
 */
function isDroppable(message: ServerMessage): boolean {
  return message.type === MessageType.Sync || message.type === MessageType.State;
}

/** One message on its way to several connections: its encodings and frames per codec, and what was sent. */
export class SharedMessage {
  readonly encoded: (Buffer | undefined)[] = [undefined, undefined];
  /** Header + payload per codec, built on the first recipient that can take it (FrameWriter). */
  readonly framed: (Buffer | undefined)[] = [undefined, undefined];
  readonly droppable: boolean;
  recipients = 0;
  bytes = 0;

  constructor(readonly message: ServerMessage) {
    this.droppable = isDroppable(message);
  }
}

/** The opt-in of docs/protocol.md's batching: `batch=1` in the upgrade URL's query. */
function wantsBatches(url: string | undefined): boolean {
  const query = url?.indexOf('?') ?? -1;
  return query >= 0 && new URLSearchParams(url!.slice(query + 1)).get('batch') === '1';
}
