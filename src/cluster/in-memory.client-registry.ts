import type { ClientRegistry } from './client-registry.port';

/** Who holds which client and when each instance last synced, with expiry times (ms since epoch). */
export interface RegistryTable {
  clients: Map<string, { instanceId: string; expiresAt: number }>;
  instances: Map<string, number>;
  /** When each dead instance was first found dead. */
  dead?: Map<string, number>;
}

/**
 * The embedded default: the registry in this process, so every client is here. Instances that
 * share a `table` (tests) see each other's entries as they would through Redis.
 */
export class InMemoryClientRegistry implements ClientRegistry {
  private registered = new Set<string>();

  constructor(
    readonly instanceId: string,
    private readonly config: { clientTtlMs: number },
    private readonly table: RegistryTable = { clients: new Map(), instances: new Map() },
  ) {}

  async sync(clientIds: Iterable<string>, now = Date.now()): Promise<void> {
    const expiresAt = now + this.config.clientTtlMs;
    const current = new Set(clientIds);
    for (const id of current) this.table.clients.set(id, { instanceId: this.instanceId, expiresAt });
    for (const id of this.registered) {
      if (!current.has(id) && this.table.clients.get(id)?.instanceId === this.instanceId) this.table.clients.delete(id);
    }
    this.table.instances.set(this.instanceId, expiresAt);
    this.registered = current;
  }

  /** Nothing was lost here; the next `sync` rewrites every entry anyway. */
  reset(): void {
    this.registered = new Set();
  }

  async locate(clientId: string): Promise<string | null> {
    const entry = this.table.clients.get(clientId);
    return entry && entry.expiresAt > Date.now() ? entry.instanceId : null;
  }

  async alive(instanceIds: Iterable<string>): Promise<Set<string>> {
    const now = Date.now();
    return new Set([...instanceIds].filter((id) => (this.table.instances.get(id) ?? 0) > now));
  }

  async deadSince(instanceIds: Iterable<string>, now = Date.now()): Promise<Map<string, number>> {
    const dead = (this.table.dead ??= new Map());
    const result = new Map<string, number>();
    for (const id of instanceIds) {
      if ((this.table.instances.get(id) ?? 0) > Date.now()) continue;
      if (!dead.has(id)) dead.set(id, now);
      result.set(id, dead.get(id)!);
    }
    return result;
  }
}
