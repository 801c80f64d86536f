import { ErrorCode, GameError, type GameActionPayload } from '../protocol';
import type { GameLogic, PlayerRef } from '../game-api';

/** A room member: identity for the game logic plus what the core tracks for it. */
export interface Member extends PlayerRef {
  /** `input_seq` of the last action applied, echoed in `sync` as `last_input_seq`. */
  lastInputSeq: number;
  /** Instance holding the member's socket when rooms span instances (undefined: this one). */
  instanceId?: string;
  /** When the member's instance was first found dead; its seat is kept for the resume grace. */
  orphanedAt?: number;
}

export interface QueuedAction {
  member: Member;
  action: GameActionPayload;
  /** Client message id and type, so that a rejection can reference the message. */
  refId?: string;
}

/** How a room tells whoever keeps the tick loop's work list that it needs ticks, or no longer does. */
export interface RoomActivity {
  activated(room: Room): void;
  settled(room: Room): void;
}

const NO_ACTIONS: readonly QueuedAction[] = Object.freeze([]);

/**
 * The authoritative state of one room on the instance that runs it. The room owns its lifecycle:
 * its members, its action queue, its frame number and whether the tick loop must visit it change
 * only through the verbs below. `enqueue` and `markChanged` make it active (the registry's active
 * set learns it through `RoomActivity`); the tick `takeChanged`s, `takeActions`, publishes
 * `nextFrame` and `settle`s, which deactivates a room with nothing left to do.
 */
export class Room {
  private readonly byClientId = new Map<string, Member>();
  private readonly byPlayerId = new Map<string, Member>();
  private queue: QueuedAction[] = [];
  private frame = 0;
  private active = false;
  private changed = false;
  private nextEntityId = 1;

  constructor(
    readonly id: string,
    readonly kind: string,
    readonly logic: GameLogic,
    readonly state: unknown,
    private readonly activity: RoomActivity,
  ) {}

  /** Members by client id. */
  get members(): ReadonlyMap<string, Member> {
    return this.byClientId;
  }

  get membersByPlayerId(): ReadonlyMap<string, Member> {
    return this.byPlayerId;
  }

  /** Number of the last `sync` published (0 before the first). */
  get frameNum(): number {
    return this.frame;
  }

  /** In the tick loop's active set: it has inputs, a pending snapshot, or logic that keeps ticking. */
  get isActive(): boolean {
    return this.active;
  }

  /** The entity id the next member gets (persisted so that a successor never reuses one). */
  get upcomingEntityId(): number {
    return this.nextEntityId;
  }

  addMember(clientId: string, playerId: string, nickname: string, instanceId?: string): Member {
    const member: Member = { clientId, playerId, nickname, entityId: this.nextEntityId++, lastInputSeq: 0, instanceId };
    this.byClientId.set(clientId, member);
    this.byPlayerId.set(playerId, member);
    return member;
  }

  /** Puts back a member of a room taken over from another instance, keeping its entity id. */
  restoreMember(member: Member): void {
    this.byClientId.set(member.clientId, member);
    this.byPlayerId.set(member.playerId, member);
    this.nextEntityId = Math.max(this.nextEntityId, member.entityId + 1);
  }

  removeMember(member: Member): void {
    this.byClientId.delete(member.clientId);
    if (this.byPlayerId.get(member.playerId) === member) this.byPlayerId.delete(member.playerId);
  }

  /**
   * A room taken over from another instance goes on from where that one stood: frames after
   * `frameNum`, entity ids from `nextEntityId` (never backwards).
   */
  continueFrom(frameNum: number, nextEntityId: number): void {
    this.frame = Math.max(this.frame, frameNum);
    this.nextEntityId = Math.max(this.nextEntityId, nextEntityId);
  }

  /** Queues an action for the next tick; RATE_LIMITED when `limit` actions already wait. */
  enqueue(queued: QueuedAction, limit: number): void {
    if (this.queue.length >= limit) {
      throw new GameError(ErrorCode.RateLimited, `room "${this.id}" has too many pending actions; slow down`);
    }
    this.queue.push(queued);
    this.activate();
  }

  /** A snapshot is due on the next tick even without inputs (a member joined or left, a takeover). */
  markChanged(): void {
    this.changed = true;
    this.activate();
  }

  /** Whether a snapshot was due; clears it (the tick publishes one if anything changed). */
  takeChanged(): boolean {
    const changed = this.changed;
    this.changed = false;
    return changed;
  }

  /** The queued actions in arrival order; the queue is empty afterwards. */
  takeActions(): readonly QueuedAction[] {
    if (this.queue.length === 0) return NO_ACTIONS;
    const taken = this.queue;
    this.queue = [];
    return taken;
  }

  /** The number of the `sync` about to be published. */
  nextFrame(): number {
    return ++this.frame;
  }

  /**
   * After a tick: the room stays active if the logic keeps ticking or something arrived meanwhile,
   * else it leaves the active set. Returns whether it is still active.
   */
  settle(keepTicking: boolean): boolean {
    if (keepTicking || this.queue.length > 0 || this.changed) return true;
    this.deactivate();
    return false;
  }

  /** No longer run here (disposed, or taken over by another instance): out of the tick loop for good. */
  stop(): void {
    this.queue = [];
    this.changed = false;
    this.deactivate();
  }

  private activate(): void {
    if (this.active) return;
    this.active = true;
    this.activity.activated(this);
  }

  private deactivate(): void {
    if (!this.active) return;
    this.active = false;
    this.activity.settled(this);
  }
}
