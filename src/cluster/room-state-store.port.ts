/** DI token of the `RoomStateStore` implementation. */
export const ROOM_STATE_STORE = Symbol('GAME:ROOM_STATE_STORE');

/** A room member as the room's presence stores it (its instance spelled out). */
export interface StoredMember {
  clientId: string;
  playerId: string;
  nickname: string;
  entityId: number;
  instanceId: string;
  lastInputSeq?: number;
  /** Protocol version of the member's connection (1 when absent: written by an older release). */
  wireVersion?: number;
}

/** What the owner persists periodically: enough for another instance to continue the room. */
export interface StoredRoom {
  frameNum: number;
  /** Server clock (ms) when it was taken: a successor skips the frames the owner may have sent since. */
  savedAt: number;
  nextEntityId: number;
  /** The room's kind and creation options: a successor runs the same game. */
  kind?: string;
  options?: Record<string, string>;
  /** The room's typed state (`RoomState.serialize()`), every field; absent: the state restarts. */
  state?: unknown;
  members: StoredMember[];
}

/**
 * A room's presence (its members on every instance) and its last state snapshot, shared by the
 * instances, so that the next owner of a room continues it.
 *
 * Guarantees every implementation keeps (`cluster-ports.contract.spec.ts`):
 * - `members` returns what `addMember` put (replacing a member by client id) and `removeMember`
 *   left; `[]` for a room never stored; `hasMember` says whether `members` would list a client;
 * - `save` stores the snapshot and replaces the presence with the snapshot's members in one
 *   step; `load` returns the last snapshot saved, null for none;
 * - `delete` forgets both;
 * - what one instance writes, every instance reads; every method rejects while the store is
 *   unreachable (callers decide whether that matters).
 */
export interface RoomStateStore {
  addMember(roomId: string, member: StoredMember): Promise<void>;
  removeMember(roomId: string, clientId: string): Promise<void>;
  members(roomId: string): Promise<StoredMember[]>;
  /** One member's presence, without reading the whole room (direct messages ask it per message). */
  hasMember(roomId: string, clientId: string): Promise<boolean>;
  save(roomId: string, room: StoredRoom): Promise<void>;
  load(roomId: string): Promise<StoredRoom | null>;
  delete(roomId: string): Promise<void>;
}
