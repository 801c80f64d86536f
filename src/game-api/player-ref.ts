/** A member of a room as game logic sees it. Owned by the core; logic may keep a reference. */
export interface PlayerRef {
  /** Verified user id (token `sub`), else the requested `user_id`, else the client id. */
  readonly playerId: string;
  /** Room-local number: the id of the player's entity if the kind spawns one. Starts at 1, never reused in a room's life. */
  readonly entityId: number;
  readonly clientId: string;
  readonly nickname: string;
}

/** Time as the room sees it. */
export interface TickClock {
  /** Server clock (ms) at the start of this tick (outside a tick: when the hook was called). */
  readonly now: number;
  /** Nominal tick length (ms): 1000 / TICK_RATE. */
  readonly tickMs: number;
}
