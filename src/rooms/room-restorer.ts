import { Logger } from '@nestjs/common';
import type { StoredMember } from '../cluster';
import type { Member } from './room';
import type { RoomBridgeDeps } from './room-bridge.service';

/** A member as the room's presence hash stores it (its instance spelled out). */
export function toStoredMember(member: Member, instanceId: string): StoredMember {
  const { clientId, playerId, nickname, entityId, lastInputSeq } = member;
  return { clientId, playerId, nickname, entityId, lastInputSeq, instanceId: member.instanceId ?? instanceId };
}

/**
 * Starts running here a room that may have run elsewhere before: game state from its persisted
 * snapshot, members from its presence hash, reliable-event history from the shared log. One load
 * per room at a time.
 */
export class RoomRestorer {
  private readonly logger = new Logger('RoomBridge');
  private readonly loading = new Map<string, Promise<void>>();

  constructor(private readonly d: RoomBridgeDeps) {}

  /** Restores a room from its persisted snapshot and presence, if it existed elsewhere before. */
  load(roomId: string): Promise<void> {
    if (this.d.rooms.get(roomId)) return Promise.resolve();
    let loading = this.loading.get(roomId);
    if (!loading) {
      loading = this.restore(roomId).finally(() => this.loading.delete(roomId));
      this.loading.set(roomId, loading);
    }
    return loading;
  }

  private async restore(roomId: string): Promise<void> {
    const [stored, present] = await Promise.all([
      this.d.store.load(roomId),
      this.d.store.members(roomId),
      // Offsets go on where the previous owner left them (a new room: nothing to continue).
      this.d.history.restore?.(roomId).catch(() => undefined),
    ]).catch(() => [null, [] as StoredMember[]] as const);
    if (this.d.rooms.get(roomId)) return;
    const list = present.length ? present : (stored?.members ?? []);
    if (list.length === 0) return; // a new room: the join creates it
    const lastSeq = new Map(stored?.members.map((m) => [m.clientId, m.lastInputSeq ?? 0]) ?? []);
    const members: Member[] = list.map((m) => ({
      clientId: m.clientId,
      playerId: m.playerId,
      nickname: m.nickname,
      entityId: m.entityId,
      lastInputSeq: lastSeq.get(m.clientId) ?? 0,
      instanceId: m.instanceId === this.d.instanceId ? undefined : m.instanceId,
    }));
    const room = this.d.rooms.newRoom(roomId, (logic) =>
      stored?.state !== undefined && logic.restore ? logic.restore(stored.state, members) : logic.createState(roomId),
    );
    for (const member of members) room.restoreMember(member);
    // The dead owner may have sent frames after this snapshot: skip as many as it could have
    // ticked since, so that `frame_num` never goes backwards for a client.
    const tickMs = this.d.rooms.clock().tickMs;
    room.frameNum = stored ? stored.frameNum + Math.ceil((Date.now() - stored.savedAt) / tickMs) + 1 : 0;
    room.upcomingEntityId = stored?.nextEntityId ?? 1;
    const inState = new Set(this.d.rooms.runLogic(room, () => room.logic.snapshot(room.state)).map((view) => view.player_id));
    const clock = this.d.rooms.clock();
    for (const member of members) {
      if (!inState.has(member.playerId)) this.d.rooms.runLogic(room, () => room.logic.onJoin(room.state, member, clock));
    }
    this.d.rooms.adopt(room);
    this.logger.log(`took over room ${roomId} at frame ${room.frameNum} with ${members.length} members`);
  }
}
