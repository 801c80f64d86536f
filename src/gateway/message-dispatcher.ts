import { isObservable } from 'rxjs';
import { Logger } from '@nestjs/common';
import { WebSocket } from 'ws';
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
import type { DirectRoute } from './direct-message';
import type { FrameParser } from './frame-parser';
import type { MessageOutcomes } from './message-outcomes';

type HandlerCallback = (data: unknown, type: string) => unknown;
/** Nest's handler proxy (bound to the socket), or a `@DirectMessage()` handler called without it. */
export type Route = HandlerCallback | DirectRoute;
/** What the exception filter does with a direct handler's error: an `error` frame, the message marked failed. */
export type FailureReport = (error: unknown, socket: GameSocket, message: ClientMessage) => void;

/** Where a queued message's de-duplication claim stands. */
const enum Claim {
  /** No claim: the message has no id (or is a `resume`). */
  None,
  Pending,
  First,
  Duplicate,
  Failed,
}

/**
 * Wall-clock time queued messages may take in one event-loop turn before the rest wait for the
 * next turn. 63 connections each sending 16 `join_room` in one TCP read were all handled in one
 * turn (each join writes `player_joined` to every member): the loop stalled for a second of CPU
 * on a loaded 2-core machine and every room's ticks waited (BENCHMARKS.md, "Mass joins and chat
 * floods").
 */
export const INBOUND_TURN_BUDGET_MS = 4;

/** A message waiting in a connection's `inboundQueue`. */
interface Queued {
  socket: GameSocket;
  route: Route;
  message: ClientMessage | RejectedFrame;
  /** The session the id was claimed in. */
  sessionId: string;
  claim: Claim;
  error?: Error;
  /** Its connection closed before its turn came: never handled; a claimed id is given back. */
  discarded?: boolean;
}

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
 * retry can take effect. A message with an id runs once its claim resolves (a microtask for the
 * in-memory window, a round trip for Redis).
 *
 * Order: a connection's messages are handled one after the other, in arrival order. A message
 * waits in the connection's `inboundQueue` while an earlier one is not done: its de-duplication
 * claim is pending, or its handler has not settled (a join forwarded to the instance running the
 * room, a direct message looked up in Redis, a resume). Claims still start at arrival, so several
 * ids cost one round trip, not one each. A message that arrives with nothing pending runs at once
 * and nothing is allocated: a handler that answers synchronously has settled by the next I/O
 * event, so only frames that arrived in the same read as a still-running one ever queue. At most
 * RATE_LIMIT_BURST messages wait per connection; more are answered RATE_LIMITED and dropped.
 *
 * Fairness: messages are handled within a budget per event-loop turn (INBOUND_TURN_BUDGET_MS,
 * counted from the first message of the turn); past it, a message queues, and the connections
 * that have messages waiting go on in
 * the next turn (`setImmediate`), after the timers (room ticks) and I/O of that turn. A burst of
 * joins is thus handled a slice at a time instead of stalling every room; each connection's order
 * stays as it was.
 */
export class MessageDispatcher {
  private readonly logger = new Logger(MessageDispatcher.name);
  /** When this turn's first message was handled (performance.now()); -1: none yet. */
  private turnStartedAt = -1;
  /** Connections whose queued messages wait for the next turn (the budget ran out). */
  private readonly deferred = new Set<Connection>();

  constructor(
    private readonly parser: FrameParser,
    private readonly pool: ConnectionPool,
    private readonly outcomes: MessageOutcomes,
    private readonly sessions: SessionService,
    private readonly limiter: RateLimiter,
    private readonly metrics: MetricsService,
    private readonly reportFailure: FailureReport,
    private readonly turnBudgetMs = INBOUND_TURN_BUDGET_MS,
  ) {}

  onFrame(socket: GameSocket, routes: Map<string, Route>, frame: Buffer, isBinary: boolean): void {
    try {
      this.dispatch(socket, routes, frame, isBinary);
    } catch (error) {
      // Only a bug gets here (decoding and validation answer bad input with an error frame, and
      // handlers' errors go to the filter): it costs this frame, not the process and its every connection.
      this.logger.error(`could not handle a frame: ${(error as Error).message}`, (error as Error).stack);
      if (socket.connection) {
        this.pool.send(socket.connection, serverMessage(MessageType.Error, { code: ErrorCode.Internal, message: 'the gateway could not handle this message' }));
      }
    }
  }

  private dispatch(socket: GameSocket, routes: Map<string, Route>, frame: Buffer, isBinary: boolean): void {
    const connection = socket.connection;
    if (!connection) return; // closed before the gateway registered it
    const now = Date.now();
    connection.lastInboundAt = now;
    // A rate-limit token before any decoding: a flood costs as little as possible.
    const verdict = this.limiter.check(connection, now);
    if (verdict !== RateVerdict.Allowed) return this.rateLimited(connection, verdict);
    const message = this.parser.parse(connection, frame, isBinary);
    this.metrics.received(message.type, frame.length);
    const route = routes.get(message.type) ?? routes.get(InternalEvent.Rejected);
    if (!route) return;
    const id = message.id;
    // A resume switches sessions: its id would land in the window being discarded.
    const claims = id !== undefined && message.type !== MessageType.Resume;
    let queue = connection.inboundQueue as Queued[] | undefined;
    if (!queue && !connection.handling && !claims && !this.budgetSpent()) {
      this.run(socket, route, message); // the hot path: nothing pending, nothing allocated
      return;
    }
    if (queue && queue.length >= this.limiter.burst) return this.rateLimited(connection, RateVerdict.Limited);
    const queued: Queued = { socket, route, message, sessionId: connection.sessionId, claim: claims ? Claim.Pending : Claim.None };
    if (queue) queue.push(queued);
    else connection.inboundQueue = queue = [queued];
    if (claims) {
      this.sessions.claim(queued.sessionId, id).then(
        (first) => {
          queued.claim = first ? Claim.First : Claim.Duplicate;
          if (queued.discarded) return void (first && this.sessions.release(queued.sessionId, id));
          this.drain(connection);
        },
        (error: Error) => {
          queued.claim = Claim.Failed;
          queued.error = error;
          this.drain(connection);
        },
      );
    }
    this.drain(connection);
  }

  /**
   * Handles queued messages in order while nothing is running: stops at a message whose claim
   * is pending or once a handler is running (its settling drains again).
   */
  private drain(connection: Connection): void {
    const queue = connection.inboundQueue as Queued[] | undefined;
    if (!queue || this.deferred.has(connection)) return;
    while (queue.length > 0 && !connection.handling && queue[0].claim !== Claim.Pending) {
      if (this.budgetSpent()) {
        this.deferred.add(connection);
        return;
      }
      this.settle(queue.shift()!);
    }
    // Emptied: a message arriving from now on takes the hot path again.
    if (queue.length === 0 && connection.inboundQueue === queue) connection.inboundQueue = undefined;
  }

  /** Whether this turn's budget for handling messages is used up; the first call of a turn opens it. */
  private budgetSpent(): boolean {
    const now = performance.now();
    if (this.turnStartedAt < 0) {
      this.turnStartedAt = now;
      setImmediate(this.nextTurn);
      return false;
    }
    return now - this.turnStartedAt >= this.turnBudgetMs;
  }

  /** A new turn: the deferred connections go on, in the order they ran out of budget. */
  private readonly nextTurn = (): void => {
    this.turnStartedAt = -1;
    const waiting = [...this.deferred];
    this.deferred.clear();
    for (const connection of waiting) {
      if (connection.socket.readyState === WebSocket.OPEN) this.drain(connection);
      else this.discard(connection);
    }
  };

  /** Closes an abusive connection once the messages it had accepted before were handled (the turn budget may defer them). */
  private readonly closeForAbuse = (connection: Connection): void => {
    if (this.deferred.has(connection)) return void setImmediate(this.closeForAbuse, connection);
    this.pool.close(connection, CloseCode.PolicyViolation, 'rate limit exceeded repeatedly');
  };

  /**
   * A deferred connection closed meanwhile: its session was already parked or ended on close, so
   * handling its messages now would act for a socket that is gone (a join would seat it with no
   * one to park the seat). They are dropped unanswered, as if lost in transit; a claimed id is
   * given back, so the client's resend after a resume takes effect.
   */
  private discard(connection: Connection): void {
    const queue = (connection.inboundQueue as Queued[] | undefined) ?? [];
    connection.inboundQueue = undefined;
    for (const queued of queue) {
      queued.discarded = true;
      if (queued.claim === Claim.First) void this.sessions.release(queued.sessionId, queued.message.id!);
    }
  }

  private settle({ socket, route, message, sessionId, claim, error }: Queued): void {
    if (claim === Claim.None) return this.run(socket, route, message);
    if (claim === Claim.First) return this.run(socket, route, message, sessionId);
    const id = message.id!;
    if (claim === Claim.Duplicate) {
      this.pool.send(socket.connection, serverMessage(MessageType.Ack, { id, duplicate: true }));
      return;
    }
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
  }

  /**
   * Calls the handler; the connection counts as handling until its result has settled. A direct
   * handler that returns synchronously is done at once: no promise, no closure, nothing queued.
   */
  private run(socket: GameSocket, route: Route, message: ClientMessage | RejectedFrame, sessionId?: string): void {
    const connection = socket.connection;
    let result: unknown;
    if (typeof route === 'function') {
      try {
        // Nest's handler proxy is async and routes every exception to the gateway's filter.
        result = route(message, message.type);
      } catch (error) {
        result = Promise.reject(error);
      }
    } else {
      const clientMessage = message as ClientMessage; // only client types have direct routes
      try {
        result = route.direct(socket, clientMessage);
      } catch (error) {
        this.reportFailure(error, socket, clientMessage);
        return this.finish(socket, message, sessionId);
      }
      if (!isThenable(result)) {
        this.reply(socket, result);
        return this.finish(socket, message, sessionId);
      }
      result = result.then(undefined, (error: unknown) => this.reportFailure(error, socket, clientMessage));
    }
    connection.handling = true;
    const done = () => {
      connection.handling = false;
      this.drain(connection);
    };
    Promise.resolve(result).then(
      (result) => {
        if (isObservable(result)) {
          result.subscribe({
            next: (value) => this.reply(socket, value),
            complete: () => (this.finish(socket, message, sessionId), done()),
            error: (error: Error) => (this.logger.error(`handler for "${message.type}" failed`, error), done()),
          });
          return;
        }
        this.reply(socket, result);
        this.finish(socket, message, sessionId);
        done();
      },
      (error: Error) => {
        this.logger.error(`handler for "${message.type}" failed`, error);
        done();
      },
    );
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
      // Closed after this I/O turn, not at once: the messages accepted before the abuse (often in
      // the same TCP read) still get their replies, which are sent a microtask after their frames.
      setImmediate(this.closeForAbuse, connection);
      return;
    }
    this.pool.send(
      connection,
      serverMessage(MessageType.Error, { code: ErrorCode.RateLimited, message: 'too many messages; message dropped, slow down' }),
    );
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | undefined)?.then === 'function';
}
