/** DI token of the `RoomLeases` implementation. */
export const ROOM_LEASES = Symbol('GAME:ROOM_LEASES');

/**
 * Which instance owns (runs) each room: a lease per room that its owner renews. The first
 * instance that asks about a free room takes it, so the first instance that needs a room runs it;
 * after its owner dies the lease expires and the next instance that asks takes it.
 *
 * Guarantees every implementation keeps (`cluster-ports.contract.spec.ts`):
 * - `ownerOf` takes a free lease for this instance, renews this instance's own lease, and
 *   answers the owner: of any number of instances asking about one free room at once, exactly
 *   one becomes its owner and every one of them is told the same owner;
 * - a lease lives ROOM_LEASE_MS after its owner last asked (took or renewed it), then it is free;
 * - `release` frees the lease only if this instance owns it (a late release never drops a
 *   successor's lease);
 * - `ownerOf` rejects while the store is unreachable; `ownersOf` maps each such room to null;
 * - `holdersOf` takes and renews nothing: a free lease stays free for whoever asks next.
 */
export interface RoomLeases {
  ownerOf(roomId: string): Promise<string>;
  /** `ownerOf` for many rooms in one round trip. */
  ownersOf(roomIds: Iterable<string>): Promise<Map<string, string | null>>;
  /**
   * Who holds each room's lease now, without taking a free one or renewing any (undefined: free).
   * Rejects while the store is unreachable.
   */
  holdersOf(roomIds: Iterable<string>): Promise<Map<string, string | undefined>>;
  release(roomId: string): Promise<void>;
}
