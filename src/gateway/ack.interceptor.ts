import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { type Observable, tap } from 'rxjs';
import { ConnectionPool, type GameSocket } from '../connection';
import { type ClientMessage, MessageType, serverMessage } from '../protocol';

/**
 * Acks every client message that carried an `id`, once its handler finished without error
 * (after the handler's own reply). A failed message gets an `error` with `ref_id` instead.
 */
@Injectable()
export class AckInterceptor implements NestInterceptor {
  constructor(private readonly pool: ConnectionPool) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const ws = context.switchToWs();
    const id = ws.getData<ClientMessage>().id;
    if (!id) return next.handle();
    const socket = ws.getClient<GameSocket>();
    return next.handle().pipe(
      tap({ complete: () => this.pool.send(socket.connection, serverMessage(MessageType.Ack, { id })) }),
    );
  }
}
