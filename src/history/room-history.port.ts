import type { ServerMessage } from '../protocol';

/** DI token of the `RoomHistory` implementation. */
export const ROOM_HISTORY = Symbol('GAME:ROOM_HISTORY');

/** Where a room's reliable event stream stands: offsets are only comparable within one epoch. */
export interface StreamPosition {
  offset: number;
  epoch: string;
}

/** What `readSince` found: the events after the position, or that history no longer reaches it. */
export type ReadResult =
  | { recovered: true; events: ServerMessage[]; position: StreamPosition }
  | { recovered: false; position: StreamPosition };

/**
 * The log of a room's reliable events (player_joined, player_left, chat, module-marked events).
 * Only the instance that runs a room calls `append`, `position` and `readSince` for it; they are
 * synchronous so that a replay and the start of live delivery happen in one turn of the event
 * loop (nothing can be published between them). Another instance resuming a seat asks the owner,
 * which answers from this log (see RoomBridge).
 *
 * Guarantees every implementation keeps:
 * - `append` assigns offsets 1, 2, 3… without gaps within an epoch and stamps the message's
 *   `offset`;
 * - `readSince` returns events strictly after the offset, in offset order, or
 *   `recovered: false` when the epoch differs, the offset is ahead of the log, or events after it
 *   were already evicted (by count or age): never a replay with a hole in it;
 * - forgetting a room starts a new epoch on its next append;
 * - `restore` (shared implementations only) makes this instance continue a room's log where the
 *   previous owner left it: same epoch, next offset, the held events readable. Events the previous
 *   owner appended but had not yet written to the shared store when it died are lost: a resume
 *   from behind them gets `recovered: false`, never a gap. Without a shared copy (in memory, or
 *   the store unreachable) a room taken over starts a new epoch: `recovered: false` for everyone.
 */
export interface RoomHistory {
  append(roomId: string, message: ServerMessage): StreamPosition;
  position(roomId: string): StreamPosition;
  readSince(roomId: string, since: StreamPosition): ReadResult;
  forget(roomId: string): void;
  /** Before this instance starts running a room another one ran: continue its log from the shared copy. */
  restore?(roomId: string): Promise<void>;
  /**
   * Shared implementations: resolves once every event appended so far for the room has been
   * answered by the shared store (written, or failed), so that a successor reads the whole log
   * (a graceful handover waits for it before giving the room away).
   */
  written?(roomId: string): Promise<void>;
  /**
   * Shared implementations: `listener` hears of an append the store refused because the room's
   * lease names another instance (`owner`): this instance lost the room.
   */
  onLeaseLost?(listener: (roomId: string, owner: string) => void): void;
}
