import { Logger } from '@nestjs/common';
import type { RoomStateStore, StoredMember, StoredRoom } from '../cluster';
import { WireVersion } from '../codec';
import type { GameLogicRegistry, RoomKind } from '../game-api';
import type { RoomHistory } from '../history';
import type { GameLogicRunner, Member, Room, RoomRegistry } from '../rooms';
import { ErrorCode, GameError } from '../protocol';
import { RoomState, type StoredState } from '../state';

/**
 * Starts running here a room that may have run elsewhere before: game state from its persisted
 * snapshot, members from its presence, reliable-event history from the shared log. One load per
 * room at a time.
 */
export class RoomRestorer {
  private readonly logger = new Logger(RoomRestorer.name);
  private readonly loading = new Map<string, Promise<void>>();
  /** Set by the handover at shutdown: no room starts running here any more. */
  private retired = false;
  /** Called in the turn a room starts running here from its stored copy (see `whenRestored`). */
  private restored: (roomId: string) => void = () => undefined;

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly kinds: GameLogicRegistry,
    private readonly runner: GameLogicRunner,
    private readonly store: RoomStateStore,
    private readonly history: RoomHistory,
    private readonly instanceId: string,
  ) {}

  /**
   * `fn` runs in the same turn a room starts running here from its stored copy, before any tick,
   * whatever path restored it (a lease taken over, a join or resume forwarded here).
   */
  whenRestored(fn: (roomId: string) => void): void {
    this.restored = fn;
  }

  /** Shutdown: rooms handed over stay away (every later `load` of a room not run here is refused). */
  retire(): void {
    this.retired = true;
  }

  /** Restores a room from its persisted snapshot and presence, if it existed elsewhere before. */
  load(roomId: string): Promise<void> {
    if (this.rooms.get(roomId)) return Promise.resolve();
    // A join or resume that asked for the owner before the handover must not restore the room here after it.
    if (this.retired) return Promise.reject(new GameError(ErrorCode.Internal, `room "${roomId}" is moving to another server; send it again`));
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
      wireVersion: m.wireVersion === WireVersion.V2 ? WireVersion.V2 : WireVersion.V1,
      instanceId: m.instanceId === this.instanceId ? undefined : m.instanceId,
    }));
    const kind = this.kindOf(roomId, stored);
    const state = this.stateOf(kind, stored, members);
    const room = this.rooms.build(roomId, kind, stored?.options ?? {}, state);
    for (const member of members) {
      room.restoreMember(member);
      room.state.reserveId(member.entityId);
    }
    room.ctx.clock = this.runner.clock();
    // Members who joined after the last snapshot (or all of them, when there is no usable state) join its state now.
    const inState = new Set(state ? stored!.members.map((m) => m.clientId) : []);
    if (!state && kind.logic.onCreate) this.runLogic(room, () => kind.logic.onCreate!(room.ctx));
    for (const member of members) if (!inState.has(member.clientId)) this.runLogic(room, () => room.logic.onJoin(room.ctx, member));
    // The dead owner may have sent frames after this snapshot: skip as many as it could have
    // ticked since, so that `frame_num` never goes backwards for a client. Every member's first
    // frame from here is a keyframe.
    const frameNum = stored ? stored.frameNum + Math.ceil((Date.now() - stored.savedAt) / this.runner.tickMs) + 1 : 0;
    this.rooms.adopt(room, frameNum);
    this.logger.log(`took over room ${roomId} (${kind.name}) at frame ${room.frameNum} with ${members.length} members`);
    this.restored(roomId);
  }

  /** The kind the previous owner ran, else (an older release's snapshot) the one the room id decides. */
  private kindOf(roomId: string, stored: StoredRoom | null): RoomKind {
    if (stored?.kind && this.kinds.names().includes(stored.kind)) return this.kinds.get(stored.kind);
    return this.kinds.kindFor(roomId);
  }

  /** The persisted typed state, owners re-linked; undefined when there is none this release can read (the state restarts). */
  private stateOf(kind: RoomKind, stored: StoredRoom | null, members: Member[]): RoomState | undefined {
    const data = stored?.state as StoredState | undefined;
    if (stored?.kind !== kind.name || data?.v !== 1) return undefined;
    return RoomState.restore(kind.options.state, data, new Map(members.map((m) => [m.clientId, m])));
  }

  private runLogic(room: Room, fn: () => void): void {
    try {
      this.runner.run(room, fn);
    } catch {
      // Logged by the runner: the member keeps its seat without what the hook would have added.
    }
  }
}
