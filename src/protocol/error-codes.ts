/** `error.code` values of the contract (docs/protocol.md, "Errors"). */
export const ErrorCode = {
  BadJson: 'BAD_JSON',
  BadProto: 'BAD_PROTO',
  UnknownType: 'UNKNOWN_TYPE',
  InvalidPayload: 'INVALID_PAYLOAD',
  NotInRoom: 'NOT_IN_ROOM',
  RoomFull: 'ROOM_FULL',
  RateLimited: 'RATE_LIMITED',
  Unauthorized: 'UNAUTHORIZED',
  ResumeFailed: 'RESUME_FAILED',
  /** A join with `redirect` for a room run on another instance: connect to `owner_url` and join there. */
  RoomElsewhere: 'ROOM_ELSEWHERE',
  Internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * A fault the client can do something about. Thrown anywhere below the gateway; the gateway's
 * exception filter turns it into the contract's `error` frame for the sender only.
 *
 * @example throw new GameError(ErrorCode.RoomFull, `room "${roomId}" has 64 players`);
 */
export class GameError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra fields of the `error` payload (e.g. `owner_url` with ROOM_ELSEWHERE). */
    readonly details: { owner_url?: string } = {},
  ) {
    super(message);
    this.name = 'GameError';
  }
}
