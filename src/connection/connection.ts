import type { WebSocket } from 'ws';
import type { CodecId } from '../codec';

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
  readonly connectedAt: number;
  lastInboundAt: number;
  /** Player id used in rooms (verified user id, requested user_id, or the client id). */
  playerId: string | undefined;
  /** Rooms this connection is a member of. */
  readonly rooms = new Set<string>();

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
  }
}

/** The ws socket as Nest hands it to gateway handlers, with the connection attached at registration. */
export type GameSocket = WebSocket & { connection: Connection };
