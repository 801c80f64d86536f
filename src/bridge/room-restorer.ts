import { Logger } from '@nestjs/common';
import type { RoomStateStore, StoredMember } from '../cluster';
import type { RoomHistory } from '../history';
import type { GameLogicRunner, Member, RoomRegistry } from '../rooms';

/**
 * Starts running here a room that may have run elsewhere before: game state from its persisted
 * snapshot, members from its presence, reliable-event history from the shared log. One load per
 * room at a time.
 */
export class RoomRestorer {
  private readonly logger = new Logger(RoomRestorer.name);
  private readonly loading = new Map<string, Promise<void>>();

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly runner: GameLogicRunner,
    private readonly store: RoomStateStore,
    private readonly history: RoomHistory,
    private readonly instanceId: string,
  ) {}

  /** Restores a room from its persisted snapshot and presence, if it existed elsewhere before. */
  load(roomId: string): Promise<void> {
    if (this.rooms.get(roomId)) return Promise.resolve();
    let loading = this.loading.get(roomId);
    if (!loading) {
      loading = this.restore(roomId).finally(() => this.loading.delete(roomId));
      this.loading.set(roomId, loading);
    }
    return loading;
  }

  private async restore(roomId: string): Promise<void> {
    const [stored, present] = await Promise.all([
      this.store.load(roomId),
      this.store.members(roomId),
      // Offsets go on where the previous owner left them (a new room: nothing to continue).
      this.history.restore?.(roomId).catch(() => undefined),
    ]).catch(() => [null, [] as StoredMember[]] as const);
    if (this.rooms.get(roomId)) return;
    const list = present.length ? present : (stored?.members ?? []);
    if (list.length === 0) return; // a new room: the join creates it
    const lastSeq = new Map(stored?.members.map((m) => [m.clientId, m.lastInputSeq ?? 0]) ?? []);
    const members: Member[] = list.map((m) => ({
      clientId: m.clientId,
      playerId: m.playerId,
      nickname: m.nickname,
      entityId: m.entityId,
      lastInputSeq: lastSeq.get(m.clientId) ?? 0,
      instanceId: m.instanceId === this.instanceId ? undefined : m.instanceId,
    }));
    const room = this.rooms.build(roomId, (logic) =>
      stored?.state !== undefined && logic.restore ? logic.restore(stored.state, members) : logic.createState(roomId),
    );
    for (const member of members) room.restoreMember(member);
    // The dead owner may have sent frames after this snapshot: skip as many as it could have
    // ticked since, so that `frame_num` never goes backwards for a client.
    const frameNum = stored ? stored.frameNum + Math.ceil((Date.now() - stored.savedAt) / this.runner.tickMs) + 1 : 0;
    room.continueFrom(frameNum, stored?.nextEntityId ?? 1);
    const inState = new Set(this.runner.run(room, () => room.logic.snapshot(room.state)).map((view) => view.player_id));
    const clock = this.runner.clock();
    for (const member of members) {
      if (!inState.has(member.playerId)) this.runner.run(room, () => room.logic.onJoin(room.state, member, clock));
    }
    this.rooms.adopt(room);
    this.logger.log(`took over room ${roomId} at frame ${room.frameNum} with ${members.length} members`);
  }
}
