import type { RoomLeases, RoomStateStore, StoredMember, StoredRoom } from '../cluster';
import type { Member, Room, SeatChange } from '../rooms';

/** A member as the room's presence stores it (its instance spelled out). */
export function toStoredMember(member: Member, instanceId: string): StoredMember {
  const { clientId, playerId, nickname, entityId, lastInputSeq, wireVersion } = member;
  return { clientId, playerId, nickname, entityId, lastInputSeq, wireVersion, instanceId: member.instanceId ?? instanceId };
}

/** A room run here as its snapshot stores it: its typed state, every field (the schema is the serializer), and its members. */
export function toStoredRoom(room: Room, instanceId: string): StoredRoom {
  const state = room.state.serialize();
  const members = [...room.members.values()].map((m) => toStoredMember(m, instanceId));
  return { frameNum: room.frameNum, savedAt: Date.now(), nextEntityId: state.nextId, kind: room.kind.name, options: { ...room.options }, state, members };
}

/**
 * Keeps the shared presence of the rooms run here in step with their seats (what the next owner
 * restores after a failover), and gives a closed room's lease back. Fire and forget: Redis away,
 * the periodic snapshot rewrites the presence later.
 */
export class RoomPresence {
  constructor(
    private readonly store: RoomStateStore,
    private readonly leases: RoomLeases,
    private readonly instanceId: string,
  ) {}

  record(change: SeatChange): void {
    const roomId = change.room.id;
    if (change.kind === 'seated') this.store.addMember(roomId, toStoredMember(change.member, this.instanceId)).catch(() => undefined);
    else if (change.kind === 'reseated') {
      this.store.removeMember(roomId, change.previousClientId).catch(() => undefined);
      this.store.addMember(roomId, toStoredMember(change.member, this.instanceId)).catch(() => undefined);
    } else if (change.kind === 'unseated') this.store.removeMember(roomId, change.member.clientId).catch(() => undefined);
    else {
      this.store.delete(roomId).catch(() => undefined);
      void this.leases.release(roomId);
    }
  }
}
