import { isObservable } from 'rxjs';
import type { ConnectionPool, GameSocket } from '../connection';
import { type ClientMessage, InternalEvent, MessageType, type RejectedFrame, type ServerMessage, serverMessage } from '../protocol';
import type { FrameParser } from './frame-parser';
import type { MessageOutcomes } from './message-outcomes';

type HandlerCallback = (data: unknown, type: string) => unknown;

/**
 * One inbound frame's trip: decode and validate once (text → JSON, binary → protobuf), route by
 * `type` to the gateway's `@SubscribeMessage` handler (frames that fail go to
 * `InternalEvent.Rejected`, so nothing is dropped silently — Nest's own parser swallows them),
 * send the handler's reply in the connection's codec, then ack a message that carried an `id`
 * unless its handler failed.
 */
export class MessageDispatcher {
  constructor(
    private readonly parser: FrameParser,
    private readonly pool: ConnectionPool,
    private readonly outcomes: MessageOutcomes,
  ) {}

  onFrame(socket: GameSocket, callbacks: Map<string, HandlerCallback>, frame: Buffer, isBinary: boolean): void {
    const connection = socket.connection;
    if (!connection) return; // closed before the gateway registered it
    connection.lastInboundAt = Date.now();
    const message = this.parser.parse(connection, frame, isBinary);
    const callback = callbacks.get(message.type) ?? callbacks.get(InternalEvent.Rejected);
    if (!callback) return;
    // Nest's handler proxy is async and routes every exception to the gateway's filter.
    void Promise.resolve(callback(message, message.type)).then((result) => this.settle(socket, message, result));
  }

  private settle(socket: GameSocket, message: ClientMessage | RejectedFrame, result: unknown): void {
    if (isObservable(result)) {
      result.subscribe({ next: (value) => this.reply(socket, value), complete: () => this.ack(socket, message) });
      return;
    }
    this.reply(socket, result);
    this.ack(socket, message);
  }

  private reply(socket: GameSocket, response: unknown): void {
    if (response) this.pool.send(socket.connection, response as ServerMessage);
  }

  private ack(socket: GameSocket, message: ClientMessage | RejectedFrame): void {
    if (!message.id || this.outcomes.hasFailed(message)) return;
    this.pool.send(socket.connection, serverMessage(MessageType.Ack, { id: message.id }));
  }
}
