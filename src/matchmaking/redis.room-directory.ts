import type { ListingChange } from '../game-api';
import type { RedisClient, RedisConnections } from '../redis';
import type { RoomFilters, RoomMetadata } from '../protocol';
import { matchesFilters } from './listing-match';
import type { DirectorySettings, ListFilter, NewRoom, RoomDirectory, RoomListing, RoomPage } from './room-directory.port';
import { CLOSED_LUA, CREATE_LUA, LIST_LUA, RELEASE_LUA, RELIST_LUA, RESERVE_LUA, SEATED_LUA, UNSEATED_LUA } from './redis.room-directory.scripts';

/** An entry as the scripts store it. */
interface StoredEntry {
  max: number;
  locked: boolean;
  private: boolean;
  meta: RoomMetadata;
}

type DirectoryClient = RedisClient & {
  gwMmReserve(base: string, ...args: (string | number)[]): Promise<[string, number]>;
  gwMmCreate(base: string, ...args: (string | number)[]): Promise<number>;
  gwMmRelease(base: string, ...args: (string | number)[]): Promise<number>;
  gwMmSeated(base: string, ...args: (string | number)[]): Promise<number>;
  gwMmUnseated(base: string, ...args: (string | number)[]): Promise<number>;
  gwMmClosed(base: string, ...args: (string | number)[]): Promise<number>;
  gwMmRelist(base: string, ...args: (string | number)[]): Promise<number>;
  gwMmList(base: string, now: number): Promise<(string | number)[]>;
};

const SCRIPTS = {
  gwMmReserve: RESERVE_LUA,
  gwMmCreate: CREATE_LUA,
  gwMmRelease: RELEASE_LUA,
  gwMmSeated: SEATED_LUA,
  gwMmUnseated: UNSEATED_LUA,
  gwMmClosed: CLOSED_LUA,
  gwMmRelist: RELIST_LUA,
  gwMmList: LIST_LUA,
};

/**
 * The room directory in Redis, shared by every instance: one hash of entries per kind plus a
 * member set and a reservation sorted set per room, all under the kind's hash tag (one Cluster
 * slot per kind), changed only by Lua scripts (redis.room-directory.scripts.ts). A set of kinds
 * (its own slot) lets `list` without a kind find them.
 *
 * `reserve` reads every entry of the kind: fine for thousands of rooms per kind; beyond that an
 * index by fill would be the next step.
 */
export class RedisRoomDirectory implements RoomDirectory {
  private readonly client: DirectoryClient;
  private readonly now: () => number;
  /** Kinds this instance already added to the set of kinds. */
  private readonly knownKinds = new Set<string>();

  constructor(
    private readonly redis: RedisConnections,
    private readonly settings: DirectorySettings,
  ) {
    this.now = settings.now ?? Date.now;
    this.client = redis.cmd as DirectoryClient;
    for (const [name, lua] of Object.entries(SCRIPTS)) this.client.defineCommand(name, { numberOfKeys: 1, lua });
  }

  async reserve(request: { kind: string; filters: RoomFilters; clientId: string; create: NewRoom }): Promise<{ roomId: string; created: boolean }> {
    await this.addKind(request.kind);
    const { create } = request;
    const [roomId, created] = await this.client.gwMmReserve(
      this.base(request.kind),
      this.now(),
      this.settings.reservationTimeoutMs,
      request.clientId,
      JSON.stringify(request.filters),
      create.roomId,
      entryJson(create.maxClients, create.metadata, create.private ?? false),
    );
    return { roomId, created: created === 1 };
  }

  async create(room: NewRoom, clientId: string): Promise<void> {
    await this.addKind(room.kind);
    const entry = entryJson(room.maxClients, room.metadata, room.private ?? false);
    await this.client.gwMmCreate(this.base(room.kind), room.roomId, entry, this.now() + this.settings.reservationTimeoutMs, clientId);
  }

  async release(kind: string, roomId: string, clientId: string): Promise<void> {
    await this.client.gwMmRelease(this.base(kind), roomId, clientId, this.now());
  }

  async seated(kind: string, roomId: string, clientId: string, maxClients: number): Promise<void> {
    await this.addKind(kind);
    await this.client.gwMmSeated(this.base(kind), roomId, clientId, entryJson(maxClients, {}, false));
  }

  async unseated(kind: string, roomId: string, clientId: string): Promise<void> {
    await this.client.gwMmUnseated(this.base(kind), roomId, clientId);
  }

  async closed(kind: string, roomId: string): Promise<void> {
    await this.client.gwMmClosed(this.base(kind), roomId, this.now());
  }

  async relist(kind: string, roomId: string, change: ListingChange, maxClients: number): Promise<boolean> {
    const locked = change.locked === undefined ? '' : change.locked ? '1' : '0';
    const patch = change.metadata ? JSON.stringify(change.metadata) : '';
    const done = await this.client.gwMmRelist(this.base(kind), roomId, entryJson(maxClients, {}, false), locked, patch, this.settings.maxMetadataBytes);
    return done === 1;
  }

  async list(filter: ListFilter = {}): Promise<RoomPage> {
    const kinds = filter.kind ? [filter.kind] : await this.client.smembers(this.kindsKey());
    const now = this.now();
    const perKind = await Promise.all(kinds.map(async (kind) => [kind, await this.client.gwMmList(this.base(kind), now)] as const));
    const matching: RoomListing[] = [];
    for (const [kind, flat] of perKind) {
      for (let i = 0; i < flat.length; i += 3) {
        const entry = JSON.parse(flat[i + 1] as string) as StoredEntry;
        const metadata = Array.isArray(entry.meta) ? {} : entry.meta; // cjson writes an emptied table as []
        if ((entry.private && !filter.includePrivate) || !matchesFilters(metadata, filter.filters ?? {})) continue;
        matching.push({ roomId: flat[i] as string, kind, clients: Number(flat[i + 2]), maxClients: entry.max, metadata, locked: entry.locked, private: entry.private });
      }
    }
    matching.sort((a, b) => (a.roomId < b.roomId ? -1 : a.roomId > b.roomId ? 1 : 0));
    const pageSize = filter.pageSize ?? 50;
    const start = (filter.page ?? 0) * pageSize;
    return { rooms: matching.slice(start, start + pageSize), total: matching.length };
  }

  private base(kind: string): string {
    return this.redis.key(`{mm:${kind}}`);
  }

  private kindsKey(): string {
    return this.redis.key('mm', 'kinds');
  }

  private async addKind(kind: string): Promise<void> {
    if (this.knownKinds.has(kind)) return;
    await this.client.sadd(this.kindsKey(), kind);
    this.knownKinds.add(kind);
  }
}

function entryJson(max: number, meta: RoomMetadata, isPrivate: boolean): string {
  return JSON.stringify({ max, locked: false, private: isPrivate, meta });
}
