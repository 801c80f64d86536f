import type { ErrorPayload } from './types.js';

/**
 * Codes the SDK itself uses for promise rejections, beside the server's error codes
 * (`NOT_IN_ROOM`, `ROOM_FULL`, `RATE_LIMITED`, … as in the protocol's error table).
 */
export const ClientErrorCode = {
  /** No answer within the request's timeout; the message may still take effect (at most once). */
  Timeout: 'TIMEOUT',
  /** The client closed for good (`close()`, a terminal close code, or `maxAttempts`) before the answer. */
  ConnectionClosed: 'CONNECTION_CLOSED',
  /** The server no longer knew the session (resume failed): requests of the old session were dropped. */
  SessionLost: 'SESSION_LOST',
  /** The server refused the credentials (close 4100/4101) and no fresh token helped. */
  AuthFailed: 'AUTH_FAILED',
  /** The server this SDK talks to does not offer the feature (e.g. matchmaking for `joinOrCreate`). */
  NotSupported: 'NOT_SUPPORTED',
  /** The room was left (or lost) while the request was waiting. */
  RoomLeft: 'ROOM_LEFT',
  /**
   * v2: a state frame did not decode against the room's descriptor (a server bug, or an SDK too old
   * for the server); the room's state stays as it was until the next keyframe.
   */
  BadStateFrame: 'BAD_STATE_FRAME',
} as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

/**
 * What a promise of the SDK rejects with: the server's `error` frame (its `code`, `message`,
 * `ref_type`, `ref_id`) or one of the SDK's own {@link ClientErrorCode}s.
 *
 * @example
 * try {
 *   await client.join('lobby');
 * } catch (error) {
 *   if (error instanceof GatewayError && error.code === 'ROOM_FULL') showFull();
 *   else throw error;
 * }
 */
export class GatewayError extends Error {
  override readonly name = 'GatewayError';

  constructor(
    /** A server error code (`ROOM_FULL`, `NOT_IN_ROOM`, …) or a {@link ClientErrorCode}. */
    readonly code: string,
    message: string,
    /** The refused message's type, when the server named it. */
    readonly refType?: string,
    /** The refused message's id, when it had one. */
    readonly refId?: string,
    /** `ROOM_ELSEWHERE`: where the room runs (the `followRoomOwner` option follows it). */
    readonly ownerUrl?: string,
  ) {
    super(message);
  }

  /** The rejection for a server `error` frame. */
  static fromServer(payload: ErrorPayload): GatewayError {
    return new GatewayError(payload.code, payload.message, payload.ref_type || undefined, payload.ref_id || undefined, payload.owner_url || undefined);
  }
}
