import { ArgumentsHost, Catch, Logger, type WsExceptionFilter } from '@nestjs/common';
import { ConnectionPool, type GameSocket } from '../connection';
import { type ClientMessage, ErrorCode, GameError, MessageType, serverMessage } from '../protocol';
import { MessageOutcomes } from './message-outcomes';

/**
 * Turns anything a handler throws into the contract's `error` frame for the sender alone,
 * through its codec (Nest's base filter would `emit`, which a `ws` socket keeps to itself).
 * `GameError` is a client fault; anything else is a bug: logged, answered with INTERNAL.
 */
@Catch()
export class GameExceptionFilter implements WsExceptionFilter {
  private readonly logger = new Logger(GameExceptionFilter.name);

  constructor(
    private readonly pool: ConnectionPool,
    private readonly outcomes: MessageOutcomes,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ws = host.switchToWs();
    this.report(exception, ws.getClient<GameSocket>(), ws.getData<ClientMessage | undefined>());
  }

  /** The same for a handler the dispatcher calls itself (`@DirectMessage()`), where Nest's filters do not run. */
  report(exception: unknown, socket: GameSocket, message: ClientMessage | undefined): void {
    if (message) this.outcomes.markFailed(message);
    let code: ErrorCode = ErrorCode.Internal;
    let text = 'internal error';
    let details: GameError['details'] = {};
    if (exception instanceof GameError) {
      code = exception.code;
      text = exception.message;
      details = exception.details;
    } else {
      this.logger.error({ msg: `handler for "${message?.type}" failed`, err: exception, clientId: socket.connection?.clientId });
    }
    if (!socket.connection) return;
    this.pool.send(
      socket.connection,
      serverMessage(MessageType.Error, { code, message: text, ref_type: message?.type, ref_id: message?.id, ...details }),
    );
  }
}
