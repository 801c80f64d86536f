/** Who asks to join: the verified user id (token `sub`, when AUTH_SECRET is set) and the client id. */
export interface JoiningUser {
  clientId: string;
  /** Undefined in open mode. */
  userId: string | undefined;
}

/**
 * Optional per-room access check, consulted on every `join_room` before the room is created or
 * entered; a refusal answers the client with `error` UNAUTHORIZED. Provide it under the
 * `ROOM_AUTHORIZER` token from a global module; without one every room is open to everyone.
 * It is synchronous on purpose (join is on the hot path): decide from the ids, or from data the
 * authorizer keeps up to date itself.
 *
 * @example
 * @Injectable()
 * export class TeamRoomsAuthorizer implements RoomAuthorizer {
 *   canJoin(user: JoiningUser, roomId: string) {
 *     return !roomId.startsWith('staff-') || (user.userId?.endsWith('@staff') ?? false);
 *   }
 * }
 * @Global() @Module({ providers: [{ provide: ROOM_AUTHORIZER, useClass: TeamRoomsAuthorizer }], exports: [ROOM_AUTHORIZER] })
 * export class AccessModule {}
 */
export interface RoomAuthorizer {
  canJoin(user: JoiningUser, roomId: string): boolean;
}
