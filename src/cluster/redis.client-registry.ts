import type { RedisConnections } from '../redis';
import type { ClientRegistry } from './client-registry.port';

const DEAD_MARK_MS = 2 * 3_600_000;

/** The client registry in Redis: a key with a TTL per client and per instance (liveness). */
export class RedisClientRegistry implements ClientRegistry {
  /** Client ids written to Redis and not yet expired, as far as this instance knows. */
  private registered = new Set<string>();
  private lastFullRefresh = 0;

  constructor(
    private readonly redis: RedisConnections,
    readonly instanceId: string,
    private readonly config: { clientTtlMs: number },
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

  /** The first finder's `now` is kept (SET NX) long past any resume grace (RESUME_GRACE_MS is at most an hour). */
  async deadSince(instanceIds: Iterable<string>, now = Date.now()): Promise<Map<string, number> | null> {
    const alive = await this.alive(instanceIds);
    if (!alive) return null;
    const dead = [...instanceIds].filter((id) => !alive.has(id));
    try {
      const found = await Promise.all(
        dead.map(async (id) => {
          const key = this.redis.key('instance-dead', id);
          await this.redis.cmd.set(key, String(now), 'PX', DEAD_MARK_MS, 'NX');
          return Number((await this.redis.cmd.get(key)) ?? now);
        }),
      );
      return new Map(dead.map((id, i) => [id, found[i]]));
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
