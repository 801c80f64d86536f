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
 *
 * Guarantees: `append` assigns offsets 1, 2, 3… without gaps within an epoch and stamps the
 * message's `offset`; `readSince` returns events strictly after the offset, in offset order, or
 * `recovered: false` when the epoch differs or events after it were already evicted (by count or
 * age). Forgetting a room starts a new epoch on its next append.
 */
export interface RoomHistory {
  append(roomId: string, message: ServerMessage): StreamPosition;
  position(roomId: string): StreamPosition;
  readSince(roomId: string, since: StreamPosition): ReadResult;
  forget(roomId: string): void;
}
