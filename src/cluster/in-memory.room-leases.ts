import type { RoomLeases } from './room-leases.port';

/** Leases of every room: owner and expiry (ms since epoch). */
export type LeaseTable = Map<string, { owner: string; expiresAt: number }>;

/**
 * The embedded default: leases in this process. One instance owns every room; instances that
 * share a `table` (tests) see each other's leases as they would through Redis.
 */
export class InMemoryRoomLeases implements RoomLeases {
  constructor(
    readonly instanceId: string,
    private readonly config: { roomLeaseMs: number },
    private readonly table: LeaseTable = new Map(),
  ) {}

  async ownerOf(roomId: string): Promise<string> {
    const now = Date.now();
    const lease = this.table.get(roomId);
    if (lease && lease.expiresAt > now && lease.owner !== this.instanceId) return lease.owner;
    this.table.set(roomId, { owner: this.instanceId, expiresAt: now + this.config.roomLeaseMs });
    return this.instanceId;
  }

  async ownersOf(roomIds: Iterable<string>): Promise<Map<string, string | null>> {
    const owners = new Map<string, string | null>();
    for (const roomId of roomIds) owners.set(roomId, await this.ownerOf(roomId));
    return owners;
  }

  async holdersOf(roomIds: Iterable<string>): Promise<Map<string, string | undefined>> {
    const now = Date.now();
    const holders = new Map<string, string | undefined>();
    for (const roomId of roomIds) {
      const lease = this.table.get(roomId);
      holders.set(roomId, lease && lease.expiresAt > now ? lease.owner : undefined);
    }
    return holders;
  }

  async release(roomId: string): Promise<void> {
    if (this.table.get(roomId)?.owner === this.instanceId) this.table.delete(roomId);
  }
}
