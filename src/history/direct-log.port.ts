import type { ServerMessage } from '../protocol';

/** DI token of the `DirectLog` implementation. */
export const DIRECT_LOG = Symbol('GAME:DIRECT_LOG');

/** What `readSince` found: the messages after `seq`, or that the buffer no longer reaches back. */
export type DirectReadResult = { recovered: true; messages: ServerMessage[] } | { recovered: false; messages: ServerMessage[] };

/**
 * Per-session buffer of direct messages, so that a resumed session gets what it missed. Keyed by
 * the session's client id, which a resume keeps.
 *
 * Guarantees every implementation keeps:
 * - `append` numbers a session's messages 1, 2, 3… without gaps, stamps `message.seq` and keeps
 *   the newest DIRECT_BUFFER_SIZE of them; it returns `undefined` (and keeps nothing) when no
 *   log is open for the client, i.e. there is no live or resumable session to deliver to;
 * - `readSince` returns the held messages with `seq > since` in seq order, with
 *   `recovered: false` when some of them were already evicted (then `messages` is what is left);
 * - calls on one client id take effect in the order they were made (the resume path relies on
 *   it: a message appended after a read is delivered live, never lost between the two).
 */
export interface DirectLog {
  open(clientId: string): Promise<void>;
  append(clientId: string, message: ServerMessage): Promise<number | undefined>;
  readSince(clientId: string, since: number): Promise<DirectReadResult>;
  forget(clientId: string): Promise<void>;
}
