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

/** A connected session as the store records it: which instance holds its socket, which seats it has. */
export interface LiveSession extends Omit<DetachedSession, 'detachedAt'> {
  instanceId: string;
}

/**
 * Sessions whose socket dropped, kept for RESUME_GRACE_MS, and a record of each connected
 * session (written when it opens and when its seats change), so that another instance can take a
 * session over whose instance died without parking it (kill -9) or has not parked it yet.
 *
 * Guarantees every implementation keeps:
 * - `take` and `takeExpired` remove what they return, atomically: a parked session is handed
 *   out at most once, to a resume or to the expiry sweep, never to both;
 * - `park` replaces a session parked under the same id and removes its live record;
 * - calls take effect in the order they were made.
 */
export interface SessionStore {
  park(session: DetachedSession): Promise<void>;
  take(sessionId: string): Promise<DetachedSession | undefined>;
  /** Removes and returns every session detached at or before `detachedAtOrBefore`. */
  takeExpired(detachedAtOrBefore: number): Promise<DetachedSession[]>;
  /** Records (replaces) a connected session; `park` and `forget` remove the record. */
  track(session: LiveSession): Promise<void>;
  /** The record of a connected session, if any. */
  live(sessionId: string): Promise<LiveSession | undefined>;
  /** Removes and returns the record if it still names `instanceId`: at most one caller gets it. */
  takeLive(sessionId: string, instanceId: string): Promise<LiveSession | undefined>;
  /** The session is over: its record goes. */
  forget(sessionId: string): Promise<void>;
}
