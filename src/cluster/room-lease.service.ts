import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { INSTANCE_ID } from '../bus';
import { clusterConfig } from '../config';
import { REDIS_CONNECTIONS, type RedisClient, type RedisConnections } from '../redis';

// Take the lease if free, renew it if ours; either way answer who holds it. One round trip.
const LEASE_LUA = `
local holder = redis.call('GET', KEYS[1])
if not holder then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return ARGV[1]
end
if holder == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return holder`;

// Release only our own lease (a late release must not drop a successor's).
const RELEASE_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

type LeaseClient = RedisClient & {
  gwLease(key: string, owner: string, ttlMs: number): Promise<string>;
  gwRelease(key: string, owner: string): Promise<number>;
};

/**
 * Who runs a room's authoritative tick: a lease per room in Redis (`SET NX PX`), renewed by its
 * holder. `holderOf` takes a free lease, so the first instance that needs a room runs it; after
 * its holder dies the lease expires and the next instance that asks takes it.
 */
@Injectable()
export class RoomLeases {
  private readonly client: LeaseClient;

  constructor(
    @Inject(REDIS_CONNECTIONS) private readonly redis: RedisConnections,
    @Inject(INSTANCE_ID) readonly instanceId: string,
    @Inject(clusterConfig.KEY) private readonly config: ConfigType<typeof clusterConfig>,
  ) {
    this.client = redis.cmd as LeaseClient;
    this.client.defineCommand('gwLease', { numberOfKeys: 1, lua: LEASE_LUA });
    this.client.defineCommand('gwRelease', { numberOfKeys: 1, lua: RELEASE_LUA });
  }

  /** The instance holding `roomId`'s lease after taking it if it was free (or renewing ours). Rejects while Redis is away. */
  holderOf(roomId: string): Promise<string> {
    return this.client.gwLease(this.key(roomId), this.instanceId, this.config.roomLeaseMs);
  }

  /** Renews or takes every lease in one pass (auto-pipelined); a room maps to its holder, or to null if Redis failed. */
  async holdersOf(roomIds: Iterable<string>): Promise<Map<string, string | null>> {
    const ids = [...roomIds];
    const holders = await Promise.all(ids.map((id) => this.holderOf(id).catch(() => null)));
    return new Map(ids.map((id, i) => [id, holders[i]]));
  }

  async release(roomId: string): Promise<void> {
    await this.client.gwRelease(this.key(roomId), this.instanceId).catch(() => undefined);
  }

  private key(roomId: string): string {
    return this.redis.key(`{r:${roomId}}`, 'lease');
  }
}
