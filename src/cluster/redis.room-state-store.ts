import type { RedisConnections } from '../redis';
import type { RoomStateStore, StoredMember, StoredRoom } from './room-state-store.port';

/**
 * A room's presence (hash clientId → member) and state snapshot in Redis. Keys carry the room in
 * a `{hash tag}` so that one room's keys share a Cluster slot. Every method rejects while Redis is
 * away; callers decide whether that matters.
 */
export class RedisRoomStateStore implements RoomStateStore {
  constructor(private readonly redis: RedisConnections) {}

  async addMember(roomId: string, member: StoredMember): Promise<void> {
    await this.redis.cmd.hset(this.key(roomId, 'members'), member.clientId, JSON.stringify(member));
  }

  async removeMember(roomId: string, clientId: string): Promise<void> {
    await this.redis.cmd.hdel(this.key(roomId, 'members'), clientId);
  }

  async members(roomId: string): Promise<StoredMember[]> {
    const all = await this.redis.cmd.hgetall(this.key(roomId, 'members'));
    return Object.values(all).map((value) => JSON.parse(value) as StoredMember);
  }

  async hasMember(roomId: string, clientId: string): Promise<boolean> {
    return (await this.redis.cmd.hexists(this.key(roomId, 'members'), clientId)) === 1;
  }

  /** Saves the snapshot and rewrites the presence hash from it (Redis may have lost both). */
  async save(roomId: string, room: StoredRoom): Promise<void> {
    const members = this.key(roomId, 'members');
    const fields = room.members.flatMap((m) => [m.clientId, JSON.stringify(m)]);
    const tx = this.redis.cmd.multi().set(this.key(roomId, 'state'), JSON.stringify(room)).del(members);
    if (fields.length) tx.hset(members, ...fields);
    await tx.exec();
  }

  async load(roomId: string): Promise<StoredRoom | null> {
    const raw = await this.redis.cmd.get(this.key(roomId, 'state'));
    return raw ? (JSON.parse(raw) as StoredRoom) : null;
  }

  async delete(roomId: string): Promise<void> {
    await this.redis.cmd.del(this.key(roomId, 'state'), this.key(roomId, 'members'));
  }

  private key(roomId: string, what: string): string {
    return this.redis.key(`{r:${roomId}}`, what);
  }
}
