import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { INSTANCE_ID } from '../bus';
import { clusterConfig } from '../config';
import { REDIS_CONNECTIONS, type RedisConnections } from '../redis';

/**
 * Which instance holds which client (for direct messages), and which instances are alive: keys
 * with a TTL (CLIENT_REGISTRY_TTL_MS) that the owning instance refreshes in one pass for all its
 * clients, never with a timer per client. An instance that dies stops refreshing; its entries
 * expire by themselves.
 */
@Injectable()
export class ClientRegistry {
  /** Client ids written to Redis and not yet expired, as far as this instance knows. */
  private registered = new Set<string>();
  private lastFullRefresh = 0;

  constructor(
    @Inject(REDIS_CONNECTIONS) private readonly redis: RedisConnections,
    @Inject(INSTANCE_ID) readonly instanceId: string,
    @Inject(clusterConfig.KEY) private readonly config: ConfigType<typeof clusterConfig>,
  ) {}

  /**
   * Brings Redis in line with this instance's clients: new ones registered, gone ones removed,
   * and, every third of the TTL, all of them (and the instance's own liveness key) refreshed.
   * Commands are auto-pipelined: one round trip per pass, not per client.
   */
  async sync(clientIds: Iterable<string>, now = Date.now()): Promise<void> {
    const ttl = this.config.clientTtlMs;
    const full = now - this.lastFullRefresh >= ttl / 3;
    const current = new Set(clientIds);
    const writes: Promise<unknown>[] = [];
    const cmd = this.redis.cmd;
    for (const id of current) {
      if (full || !this.registered.has(id)) writes.push(cmd.set(this.clientKey(id), this.instanceId, 'PX', ttl));
    }
    for (const id of this.registered) {
      if (!current.has(id)) writes.push(cmd.del(this.clientKey(id)));
    }
    if (full) writes.push(cmd.set(this.instanceKey(this.instanceId), String(now), 'PX', ttl));
    const results = await Promise.allSettled(writes);
    if (results.some((result) => result.status === 'rejected')) {
      // Redis is away: write everything again on the next pass.
      this.registered = new Set();
      this.lastFullRefresh = 0;
      return;
    }
    this.registered = current;
    if (full) this.lastFullRefresh = now;
  }

  /** Forget what was written (Redis came back empty): the next `sync` rewrites everything. */
  reset(): void {
    this.registered = new Set();
    this.lastFullRefresh = 0;
  }

  /** The instance holding `clientId`, or null (not connected anywhere, or Redis away). */
  async locate(clientId: string): Promise<string | null> {
    return this.redis.cmd.get(this.clientKey(clientId)).catch(() => null);
  }

  /** Which of `instanceIds` are alive (refreshed their key within the TTL). Null when Redis is away. */
  async alive(instanceIds: Iterable<string>): Promise<Set<string> | null> {
    const ids = [...instanceIds];
    try {
      const found = await Promise.all(ids.map((id) => this.redis.cmd.exists(this.instanceKey(id))));
      return new Set(ids.filter((_, i) => found[i] === 1));
    } catch {
      return null;
    }
  }

  private clientKey(clientId: string): string {
    return this.redis.key('client', clientId);
  }

  private instanceKey(instanceId: string): string {
    return this.redis.key('instance', instanceId);
  }
}
