/** A room seat a dropped session still holds, with the history epoch it was held in. */
export interface HeldRoom {
  roomId: string;
  epoch: string;
}

/** What survives of a session between its socket dropping and its resume (or expiry). */
export interface DetachedSession {
  sessionId: string;
  clientId: string;
  playerId?: string;
  /** Verified user id when authentication is on: only the same user may resume. */
  userId?: string;
  rooms: HeldRoom[];
  /** When the socket dropped (ms since epoch). */
  detachedAt: number;
}

/**
 * Sessions whose socket dropped, kept for RESUME_GRACE_MS. Live sessions are not stored: the
 * connection holds them, and the resume token is verifiable without a lookup.
 *
 * Guarantees every implementation keeps:
 * - `take` and `takeExpired` remove what they return, atomically: a parked session is handed
 *   out at most once, to a resume or to the expiry sweep, never to both;
 * - `park` replaces a session parked under the same id;
 * - calls take effect in the order they were made.
 */
export interface SessionStore {
  park(session: DetachedSession): Promise<void>;
  take(sessionId: string): Promise<DetachedSession | undefined>;
  /** Removes and returns every session detached at or before `detachedAtOrBefore`. */
  takeExpired(detachedAtOrBefore: number): Promise<DetachedSession[]>;
}
