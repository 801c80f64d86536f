import type { ListingChange } from '../game-api';
import { metadataSizeError, type RoomFilters, type RoomMetadata } from '../protocol';
import { matchesFilters } from './listing-match';
import type { DirectorySettings, ListFilter, NewRoom, RoomDirectory, RoomListing, RoomPage } from './room-directory.port';

interface Entry {
  kind: string;
  maxClients: number;
  metadata: RoomMetadata;
  locked: boolean;
  private: boolean;
  members: Set<string>;
  /** client id → when its reservation expires */
  reservations: Map<string, number>;
}

/** Entries by kind, then room id; several directories (instances in a test) may share one. */
export type DirectoryTable = Map<string, Map<string, Entry>>;

/**
 * The room directory of a single instance: every method runs to completion in one turn of the
 * event loop, which is what makes `reserve` atomic here.
 */
export class InMemoryRoomDirectory implements RoomDirectory {
  private readonly now: () => number;

  constructor(
    private readonly settings: DirectorySettings,
    private readonly table: DirectoryTable = new Map(),
  ) {
    this.now = settings.now ?? Date.now;
  }

  async reserve(request: { kind: string; filters: RoomFilters; clientId: string; create: NewRoom }): Promise<{ roomId: string; created: boolean }> {
    const rooms = this.roomsOf(request.kind);
    let best: [string, Entry, number] | undefined;
    for (const [roomId, entry] of rooms) {
      const clients = this.clients(rooms, roomId, entry);
      if (clients < 0 || entry.locked || entry.private || entry.members.has(request.clientId)) continue;
      if (clients >= entry.maxClients || !matchesFilters(entry.metadata, request.filters)) continue;
      if (!best || clients > best[2] || (clients === best[2] && roomId < best[0])) best = [roomId, entry, clients];
    }
    if (best) {
      best[1].reservations.set(request.clientId, this.now() + this.settings.reservationTimeoutMs);
      return { roomId: best[0], created: false };
    }
    await this.create(request.create, request.clientId);
    return { roomId: request.create.roomId, created: true };
  }

  async create(room: NewRoom, clientId: string): Promise<void> {
    this.roomsOf(room.kind).set(room.roomId, {
      kind: room.kind,
      maxClients: room.maxClients,
      metadata: { ...room.metadata },
      locked: false,
      private: room.private ?? false,
      members: new Set(),
      reservations: new Map([[clientId, this.now() + this.settings.reservationTimeoutMs]]),
    });
  }

  async release(kind: string, roomId: string, clientId: string): Promise<void> {
    const rooms = this.roomsOf(kind);
    const entry = rooms.get(roomId);
    if (!entry) return;
    entry.reservations.delete(clientId);
    this.clients(rooms, roomId, entry);
  }

  async seated(kind: string, roomId: string, clientId: string, maxClients: number): Promise<void> {
    const entry = this.entryOrNew(kind, roomId, maxClients);
    entry.reservations.delete(clientId);
    entry.members.add(clientId);
  }

  async unseated(kind: string, roomId: string, clientId: string): Promise<void> {
    this.roomsOf(kind).get(roomId)?.members.delete(clientId);
  }

  async closed(kind: string, roomId: string): Promise<void> {
    const rooms = this.roomsOf(kind);
    const entry = rooms.get(roomId);
    if (!entry) return;
    entry.members.clear();
    this.clients(rooms, roomId, entry);
  }

  async relist(kind: string, roomId: string, change: ListingChange, maxClients: number): Promise<boolean> {
    const entry = this.entryOrNew(kind, roomId, maxClients);
    const metadata = { ...entry.metadata };
    for (const [name, value] of Object.entries(change.metadata ?? {})) {
      if (value === null) delete metadata[name];
      else metadata[name] = value;
    }
    if (metadataSizeError(metadata, this.settings.maxMetadataBytes)) return false;
    entry.metadata = metadata;
    if (change.locked !== undefined) entry.locked = change.locked;
    return true;
  }

  async list(filter: ListFilter = {}): Promise<RoomPage> {
    const kinds = filter.kind ? [filter.kind] : [...this.table.keys()];
    const matching: RoomListing[] = [];
    for (const kind of kinds) {
      const rooms = this.roomsOf(kind);
      for (const [roomId, entry] of rooms) {
        const clients = this.clients(rooms, roomId, entry);
        if (clients < 0 || (entry.private && !filter.includePrivate) || !matchesFilters(entry.metadata, filter.filters ?? {})) continue;
        const { maxClients, metadata, locked } = entry;
        matching.push({ roomId, kind, clients, maxClients, metadata: { ...metadata }, locked, private: entry.private });
      }
    }
    matching.sort((a, b) => (a.roomId < b.roomId ? -1 : a.roomId > b.roomId ? 1 : 0));
    const pageSize = filter.pageSize ?? 50;
    const start = (filter.page ?? 0) * pageSize;
    return { rooms: matching.slice(start, start + pageSize), total: matching.length };
  }

  private roomsOf(kind: string): Map<string, Entry> {
    let rooms = this.table.get(kind);
    if (!rooms) this.table.set(kind, (rooms = new Map()));
    return rooms;
  }

  private entryOrNew(kind: string, roomId: string, maxClients: number): Entry {
    const rooms = this.roomsOf(kind);
    let entry = rooms.get(roomId);
    if (!entry) {
      entry = { kind, maxClients, metadata: {}, locked: false, private: false, members: new Set(), reservations: new Map() };
      rooms.set(roomId, entry);
    }
    return entry;
  }

  /** Members plus live reservations, expired ones dropped; -1 (and the entry removed) when nothing is left. */
  private clients(rooms: Map<string, Entry>, roomId: string, entry: Entry): number {
    const now = this.now();
    for (const [clientId, expiresAt] of entry.reservations) if (expiresAt <= now) entry.reservations.delete(clientId);
    const clients = entry.members.size + entry.reservations.size;
    if (clients > 0) return clients;
    rooms.delete(roomId);
    return -1;
  }
}
