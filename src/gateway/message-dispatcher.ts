import { isObservable } from 'rxjs';
import { Logger } from '@nestjs/common';
import { type Connection, type ConnectionPool, type GameSocket, type RateLimiter, RateVerdict } from '../connection';
import {
  type ClientMessage,
  CloseCode,
  ErrorCode,
  InternalEvent,
  MessageType,
  type RejectedFrame,
  type ServerMessage,
  serverMessage,
} from '../protocol';
import type { MetricsService } from '../metrics';
import type { SessionService } from '../session';
import type { FrameParser } from './frame-parser';
import type { MessageOutcomes } from './message-outcomes';

type HandlerCallback = (data: unknown, type: string) => unknown;

/**
 * One inbound frame's trip: take a rate-limit token (over the limit the frame is dropped with
 * `error` RATE_LIMITED; sustained abuse closes with 1008), decode and validate once (text → JSON, binary → protobuf), route by
 * `type` to the gateway's `@SubscribeMessage` handler (frames that fail go to
 * `InternalEvent.Rejected`, so nothing is dropped silently — Nest's own parser swallows them),
 * send the handler's reply in the connection's codec, then ack a message that carried an `id`
 * unless its handler failed.
 *
 * De-duplication: a message whose `id` the session's window already holds is answered with
 * `ack {duplicate: true}` and never reaches its handler; a failed message releases its id so a
 * retry can take effect. Messages with an id run once the claim resolves (a microtask for the
 * in-memory window); ids are claimed in arrival order, so they keep their order among themselves.
 */
export class MessageDispatcher {
  private readonly logger = new Logger(MessageDispatcher.name);

  constructor(
    private readonly parser: FrameParser,
    private readonly pool: ConnectionPool,
    private readonly outcomes: MessageOutcomes,
    private readonly sessions: SessionService,
    private readonly limiter: RateLimiter,
    private readonly metrics: MetricsService,
  ) {}

  onFrame(socket: GameSocket, callbacks: Map<string, HandlerCallback>, frame: Buffer, isBinary: boolean): void {
    const connection = socket.connection;
    if (!connection) return; // closed before the gateway registered it
    const now = Date.now();
    connection.lastInboundAt = now;
    // A rate-limit token before any decoding: a flood costs as little as possible.
    const verdict = this.limiter.check(connection, now);
    if (verdict !== RateVerdict.Allowed) return this.rateLimited(connection, verdict);
    const message = this.parser.parse(connection, frame, isBinary);
    this.metrics.received(message.type, frame.length);
    const callback = callbacks.get(message.type) ?? callbacks.get(InternalEvent.Rejected);
    if (!callback) return;
    const id = message.id;
    // A resume switches sessions: its id would land in the window being discarded.
    if (!id || message.type === MessageType.Resume) {
      this.run(socket, callback, message);
      return;
    }
    const sessionId = connection.sessionId;
    this.sessions.claim(sessionId, id).then(
      (first) => {
        if (first) this.run(socket, callback, message, sessionId);
        else this.pool.send(socket.connection, serverMessage(MessageType.Ack, { id, duplicate: true }));
      },
      (error: Error) => {
        this.logger.error('de-duplication window unavailable', error);
        this.pool.send(
          socket.connection,
          serverMessage(MessageType.Error, {
            code: ErrorCode.Internal,
            message: 'could not check the message id; retry with the same id',
            ref_type: message.type,
            ref_id: id,
          }),
        );
      },
    );
  }

  private run(socket: GameSocket, callback: HandlerCallback, message: ClientMessage | RejectedFrame, sessionId?: string): void {
    // Nest's handler proxy is async and routes every exception to the gateway's filter.
    void Promise.resolve(callback(message, message.type)).then((result) => {
      if (isObservable(result)) {
        result.subscribe({
          next: (value) => this.reply(socket, value),
          complete: () => this.finish(socket, message, sessionId),
        });
        return;
      }
      this.reply(socket, result);
      this.finish(socket, message, sessionId);
    });
  }

  /** Ack on success; on failure free the id (the filter already sent `error`) so a retry counts. */
  private finish(socket: GameSocket, message: ClientMessage | RejectedFrame, sessionId?: string): void {
    if (!message.id) return;
    if (this.outcomes.hasFailed(message)) {
      if (sessionId) void this.sessions.release(sessionId, message.id);
      return;
    }
    this.pool.send(socket.connection, serverMessage(MessageType.Ack, { id: message.id }));
  }

  private reply(socket: GameSocket, response: unknown): void {
    if (response) this.pool.send(socket.connection, response as ServerMessage);
  }

  private rateLimited(connection: Connection, verdict: RateVerdict): void {
    if (verdict === RateVerdict.Abusive) {
      this.pool.close(connection, CloseCode.PolicyViolation, 'rate limit exceeded repeatedly');
      return;
    }
    this.pool.send(
      connection,
      serverMessage(MessageType.Error, { code: ErrorCode.RateLimited, message: 'too many messages; message dropped, slow down' }),
    );
  }
}
