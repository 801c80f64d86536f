import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { catchError, from, type Observable, of, switchMap, throwError } from 'rxjs';
import type { GameSocket } from '../connection';
import { type ClientMessage, MessageType, serverMessage } from '../protocol';
import { SessionService } from '../session';

/**
 * At most once per session: a client message whose `id` the session's window already holds is
 * answered with `ack {duplicate: true}` and never reaches its handler. The window belongs to the
 * session, so an SDK re-sending its outbox after a resume is safe. A message that fails releases
 * its id, so that a retry can still take effect.
 *
 * Messages with an id run once the claim resolves (a microtask for the in-memory window); ids
 * are claimed in arrival order, so messages with ids keep their order among themselves.
 */
@Injectable()
export class DedupInterceptor implements NestInterceptor {
  constructor(private readonly sessions: SessionService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const ws = context.switchToWs();
    const { id, type } = ws.getData<ClientMessage>();
    // A resume switches sessions: its id would land in the window being discarded.
    if (!id || type === MessageType.Resume) return next.handle();
    const { sessionId } = ws.getClient<GameSocket>().connection;
    return from(this.sessions.claim(sessionId, id)).pipe(
      switchMap((first) => {
        if (!first) return of(serverMessage(MessageType.Ack, { id, duplicate: true }));
        return next.handle().pipe(
          catchError((error: unknown) => {
            void this.sessions.release(sessionId, id);
            return throwError(() => error);
          }),
        );
      }),
    );
  }
}
