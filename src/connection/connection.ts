import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { type CodecId, WireVersion } from '../codec';

/**
 * Everything the gateway keeps per socket. Kept small and flat on purpose (no timers, closures
 * or maps per connection): at 100k connections every field costs megabytes.
 */
export class Connection {
  /** Set by the pool as soon as the socket is registered; renamed by a successful resume. */
  clientId: string;
  sessionId = '';
  /** Verified user id (token `sub`) when authentication is on. */
  userId: string | undefined;
  /**
   * When the connection's token expires (ms since the epoch; 0 = never): set at the upgrade,
   * moved by a `refresh`. The connection sweep closes the connection with 4101 once it passed.
   */
  tokenExpiresAt = 0;
  readonly connectedAt: number;
  /** Last inbound data frame (idle sweep; also counts as liveness for the heartbeat). */
  lastInboundAt: number;
  /** Last protocol-level pong (heartbeat). */
  lastPongAt: number;
  /** Token bucket of the rate limit, refilled lazily when a frame arrives (no timers). */
  rateTokens = -1;
  rateRefilledAt = 0;
  /** Rate-limited frames in the current abuse window, and when that window started. */
  rateLimitedCount = 0;
  rateLimitedSince = 0;
  /** Player id used in rooms (verified user id, requested user_id, or the client id). */
  playerId: string | undefined;
  /**
   * Inbound messages waiting for an earlier one (a pending de-duplication claim or a handler that
   * has not settled), owned by the gateway's `MessageDispatcher`, which handles a connection's
   * messages in arrival order. `undefined` while nothing waits, which is almost always: no array
   * per connection.
   */
  inboundQueue: unknown[] | undefined = undefined;
  /** A handler of this connection has not settled yet (MessageDispatcher): later messages queue. */
  handling = false;
  /** Rooms this connection is a member of. */
  readonly rooms = new Set<string>();
  /** Negotiated by subprotocol: v1 gets `sync` snapshots, v2 `state` frames. */
  wireVersion: WireVersion = WireVersion.V1;
  /** Opted in (`?batch=1`): messages of one turn leave as one `batch` frame (FrameBatcher). */
  batching = false;
  /** Batching only: encoded messages waiting for the flush, their bytes, and their codec. */
  pending: Buffer[] | undefined;
  pendingBytes = 0;
  pendingCodec: CodecId | undefined;
  /** Broadcasts may write pre-framed buffers to this socket (no compression; see `FrameWriter`): fixed at registration. */
  framable = false;

  constructor(
    readonly socket: WebSocket,
    public codec: CodecId,
    /** A subprotocol fixed the codec; otherwise the first binary frame switches to protobuf. */
    public codecLocked: boolean,
    readonly remoteAddress: string,
    now: number,
  ) {
    this.connectedAt = now;
    this.lastInboundAt = now;
    this.lastPongAt = now;
  }
}

/** The ws socket as Nest hands it to gateway handlers, with the connection attached at registration. */
export type GameSocket = WebSocket & { connection: Connection };

/**
 * The upgrade request as the gateway's upgrade checks leave it: the verified user id (token
 * `sub`) and the token's expiry when authentication is on. The pool copies both onto the
 * connection at registration.
 */
export type UpgradeRequest = IncomingMessage & { verifiedUserId?: string; tokenExpiresAt?: number };
