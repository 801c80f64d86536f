/** DI token of the `ClientRegistry` implementation. */
export const CLIENT_REGISTRY = Symbol('GAME:CLIENT_REGISTRY');

/**
 * Which instance holds which client (for deliveries to one client), and which instances are
 * alive: entries with a lifetime (CLIENT_REGISTRY_TTL_MS) that the owning instance refreshes in
 * one pass for all its clients, never with a timer per client. An instance that dies stops
 * refreshing; its entries expire by themselves.
 *
 * Guarantees every implementation keeps (`cluster-ports.contract.spec.ts`):
 * - after `sync(ids)`, `locate` answers this instance for each of `ids`, and null for a client a
 *   previous `sync` had and this one has not;
 * - `sync` also marks this instance alive; `alive` returns the asked instances whose last
 *   `sync` is younger than the lifetime; entries of an instance that stopped syncing expire
 *   after the lifetime;
 * - `deadSince` answers every asked instance that `alive` would not, with the same moment for
 *   each caller (the first caller's `now`);
 * - after `reset`, the next `sync` writes every entry again (the store may have lost them);
 * - `locate` answers null and `alive` null while the store is unreachable; `sync` never rejects.
 */
export interface ClientRegistry {
  sync(clientIds: Iterable<string>, now?: number): Promise<void>;
  reset(): void;
  locate(clientId: string): Promise<string | null>;
  alive(instanceIds: Iterable<string>): Promise<Set<string> | null>;
  /**
   * Of the asked instances, those that are not alive, each with the moment the first caller found
   * it dead (one moment for every caller on every instance: the resume grace of its sessions and
   * seats starts there). Null while the store is unreachable.
   */
  deadSince(instanceIds: Iterable<string>, now?: number): Promise<Map<string, number> | null>;
}
