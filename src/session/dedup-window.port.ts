/**
 * Remembers the client message ids a session already acted on, so that a repeat (an SDK's
 * outbox re-sent after a resume, a retry) takes effect at most once. Belongs to the session,
 * not the socket: it survives a resume.
 *
 * Guarantees every implementation keeps:
 * - `claim` is atomic: of any number of calls with the same session and id inside the window,
 *   exactly one returns true;
 * - an id stays claimed while it is among the session's newest DEDUP_WINDOW_SIZE ids and
 *   younger than DEDUP_WINDOW_MS; after that it may be claimed again;
 * - `release` undoes a claim (its message failed, so a retry must be able to take effect);
 * - calls on one session take effect in the order they were made.
 */
export interface DedupWindow {
  claim(sessionId: string, messageId: string): Promise<boolean>;
  release(sessionId: string, messageId: string): Promise<void>;
  forget(sessionId: string): Promise<void>;
}
