import type { RoomStateStore, StoredMember, StoredRoom } from './room-state-store.port';

/** Every room's presence and snapshot, as JSON (what Redis keeps, so nothing is shared by reference). */
export type RoomStateTable = Map<string, { members: Map<string, string>; state?: string }>;

/**
 * The embedded default: presence and snapshots in this process. Instances that share a `table`
 * (tests) read what the others wrote, as they would through Redis.
 */
export class InMemoryRoomStateStore implements RoomStateStore {
  constructor(private readonly table: RoomStateTable = new Map()) {}

  async addMember(roomId: string, member: StoredMember): Promise<void> {
    this.room(roomId).members.set(member.clientId, JSON.stringify(member));
  }

  async removeMember(roomId: string, clientId: string): Promise<void> {
    this.table.get(roomId)?.members.delete(clientId);
  }

  async members(roomId: string): Promise<StoredMember[]> {
    return [...(this.table.get(roomId)?.members.values() ?? [])].map((raw) => JSON.parse(raw) as StoredMember);
  }

  async hasMember(roomId: string, clientId: string): Promise<boolean> {
    return this.table.get(roomId)?.members.has(clientId) ?? false;
  }

  async save(roomId: string, room: StoredRoom): Promise<void> {
    this.table.set(roomId, { members: new Map(room.members.map((m) => [m.clientId, JSON.stringify(m)])), state: JSON.stringify(room) });
  }

  async load(roomId: string): Promise<StoredRoom | null> {
    const state = this.table.get(roomId)?.state;
    return state ? (JSON.parse(state) as StoredRoom) : null;
  }

  async delete(roomId: string): Promise<void> {
    this.table.delete(roomId);
  }

  private room(roomId: string) {
    let room = this.table.get(roomId);
    if (!room) this.table.set(roomId, (room = { members: new Map() }));
    return room;
  }
}
