import type { RedisClient, RedisConnections } from '../redis';
import type { RoomLeases } from './room-leases.port';

// Take the lease if free, renew it if ours; either way answer who owns it. One round trip.
const LEASE_LUA = `
local owner = redis.call('GET', KEYS[1])
if not owner then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return ARGV[1]
end
if owner == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return owner`;

// Release only our own lease (a late release must not drop a successor's).
const RELEASE_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

type LeaseClient = RedisClient & {
  gwLease(key: string, owner: string, ttlMs: number): Promise<string>;
  gwRelease(key: string, owner: string): Promise<number>;
};

/** Room leases in Redis: one key per room (`SET NX PX` in a script), in the room's Cluster slot. */
export class RedisRoomLeases implements RoomLeases {
  private readonly client: LeaseClient;

  constructor(
    private readonly redis: RedisConnections,
    readonly instanceId: string,
    private readonly config: { roomLeaseMs: number },
  ) {
    this.client = redis.cmd as LeaseClient;
    this.client.defineCommand('gwLease', { numberOfKeys: 1, lua: LEASE_LUA });
    this.client.defineCommand('gwRelease', { numberOfKeys: 1, lua: RELEASE_LUA });
  }

  ownerOf(roomId: string): Promise<string> {
    return this.client.gwLease(this.key(roomId), this.instanceId, this.config.roomLeaseMs);
  }

  /** Auto-pipelined: one round trip for all of them. */
  async ownersOf(roomIds: Iterable<string>): Promise<Map<string, string | null>> {
    const ids = [...roomIds];
    const owners = await Promise.all(ids.map((id) => this.ownerOf(id).catch(() => null)));
    return new Map(ids.map((id, i) => [id, owners[i]]));
  }

  /** Auto-pipelined GETs: one round trip. */
  async holdersOf(roomIds: Iterable<string>): Promise<Map<string, string | undefined>> {
    const ids = [...roomIds];
    const holders = await Promise.all(ids.map((id) => this.client.get(this.key(id))));
    return new Map(ids.map((id, i) => [id, holders[i] ?? undefined]));
  }

  async release(roomId: string): Promise<void> {
    await this.client.gwRelease(this.key(roomId), this.instanceId).catch(() => undefined);
  }

  private key(roomId: string): string {
    return this.redis.key(`{r:${roomId}}`, 'lease');
  }
}
