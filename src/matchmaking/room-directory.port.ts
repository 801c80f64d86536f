import type { ListingChange } from '../game-api';
import type { RoomFilters, RoomMetadata } from '../protocol';

/** DI token of the `RoomDirectory` chosen by `MatchmakingModule` (memory, or Redis with REDIS_URL). */
export const ROOM_DIRECTORY = Symbol('GAME:ROOM_DIRECTORY');

/** A room as the directory lists it. */
export interface RoomListing {
  roomId: string;
  kind: string;
  /** Members plus live reservations (seats promised to joiners on their way). */
  clients: number;
  maxClients: number;
  metadata: RoomMetadata;
  /** Locked by its logic: matchmaking passes it by. */
  locked: boolean;
  /** Created private: never listed by default, never matched; joinable by id. */
  private: boolean;
}

/** A room matchmaking is about to create: its directory entry exists (with the creator's seat reserved) before the room does. */
export interface NewRoom {
  roomId: string;
  kind: string;
  maxClients: number;
  metadata: RoomMetadata;
  private?: boolean;
}

/** What `list` answers: one page of the matching rooms, ordered by room id, and how many match in all. */
export interface RoomPage {
  rooms: RoomListing[];
  total: number;
}

export interface ListFilter {
  /** Every kind when absent. */
  kind?: string;
  filters?: RoomFilters;
  /** 0-based. @default 0 */
  page?: number;
  /** @default 50 */
  pageSize?: number;
  /** Include private rooms (an operator's view; clients never see them). @default false */
  includePrivate?: boolean;
}

/**
 * The room directory: which rooms exist on any instance, how full they are, and their listing
 * (metadata, locked, private). Matchmaking reserves seats in it; the instance that runs a room
 * reports seats taken and freed, its close, and its logic's listing changes.
 *
 * Guarantees every implementation keeps (`room-directory.contract.spec.ts`, against memory, a
 * redis-server and a 3-node Redis Cluster):
 * - `reserve` is atomic per kind: it picks the fullest open room of the kind (not locked, not
 *   private, members + live reservations < max, metadata matching every filter; ties go to the
 *   lowest room id) and reserves a seat there for the client, or, if there is none, creates the
 *   entry of `create` with the client's seat reserved. However many instances reserve at the same
 *   moment, no room is promised more seats than its max, and no room is created while an open
 *   matching room has a free seat.
 * - A reservation counts as a client until it is taken (`seated` for that client) or released,
 *   or until `reservationTimeoutMs` passed; then the seat is free again. An entry with no members
 *   and no live reservation is gone (its creator never arrived).
 * - `seated` is idempotent per client and turns the client's reservation into a member; it
 *   creates the entry (listed, unlocked, empty metadata) for a room that joins by id created.
 * - `closed` removes the entry, unless a reservation is still live (a joiner on its way re-creates
 *   the room by id and finds its listing).
 * - `relist` merges metadata (`null` removes a name) and sets `locked`; it refuses (false) a
 *   merge whose result would exceed `maxMetadataBytes` and changes nothing then.
 * - Every method rejects while the store is unreachable.
 */
export interface RoomDirectory {
  reserve(request: { kind: string; filters: RoomFilters; clientId: string; create: NewRoom }): Promise<{ roomId: string; created: boolean }>;
  /** A new entry with the client's seat reserved (`create_room`); the id is fresh. */
  create(room: NewRoom, clientId: string): Promise<void>;
  /** Frees a reservation that will not be used (the join failed). */
  release(kind: string, roomId: string, clientId: string): Promise<void>;
  seated(kind: string, roomId: string, clientId: string, maxClients: number): Promise<void>;
  unseated(kind: string, roomId: string, clientId: string): Promise<void>;
  closed(kind: string, roomId: string): Promise<void>;
  relist(kind: string, roomId: string, change: ListingChange, maxClients: number): Promise<boolean>;
  list(filter?: ListFilter): Promise<RoomPage>;
}

/** Settings every implementation takes. */
export interface DirectorySettings {
  reservationTimeoutMs: number;
  maxMetadataBytes: number;
  /** The clock reservations expire by; instances' clocks must agree within a fraction of the timeout. @default Date.now */
  now?: () => number;
}
