import type { ServerMessage } from '../protocol';

/** DI token of the `ClientDelivery` chosen by `RoomRoutingModule.forRoot()`. */
export const CLIENT_DELIVERY = Symbol('GAME:CLIENT_DELIVERY');

/**
 * Sends a server message to one client wherever it is connected: on this instance through the
 * connection pool; with rooms spanning instances (REDIS_URL), to the instance that holds it.
 *
 * Guarantees every implementation keeps:
 * - `send` never throws and never waits; it returns false only when the client is known not to
 *   be connected (a client of another instance counts as reached);
 * - `sendDirect` gives the message the recipient session's next `seq` and keeps it in the
 *   session's direct log (replayed after a resume) before sending it, so a direct message is
 *   either delivered live or replayed, never lost between the two; it resolves false when the
 *   recipient has no session (neither connected nor within its resume grace) anywhere.
 */
export interface ClientDelivery {
  send(clientId: string, message: ServerMessage): boolean;
  sendDirect(clientId: string, message: ServerMessage): Promise<boolean>;
}
