import type { GameActionPayload } from '../protocol';
import type { GameLogic, PlayerRef } from './game-logic';

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

/** The authoritative state of one room on the instance that runs it. */
export class Room {
  readonly members = new Map<string, Member>();
  readonly membersByPlayerId = new Map<string, Member>();
  readonly actions: QueuedAction[] = [];
  frameNum = 0;
  /** In the tick loop's active set (has inputs, or logic asked to keep ticking). */
  active = false;
  /** A snapshot is due on the next tick even without inputs (a member joined or left). */
  changed = false;
  private nextEntityId = 1;

  constructor(
    readonly id: string,
    readonly kind: string,
    readonly logic: GameLogic,
    readonly state: unknown,
  ) {}

  addMember(clientId: string, playerId: string, nickname: string, instanceId?: string): Member {
    const member: Member = { clientId, playerId, nickname, entityId: this.nextEntityId++, lastInputSeq: 0, instanceId };
    this.members.set(clientId, member);
    this.membersByPlayerId.set(playerId, member);
    return member;
  }

  /** Puts back a member of a room taken over from another instance, keeping its entity id. */
  restoreMember(member: Member): void {
    this.members.set(member.clientId, member);
    this.membersByPlayerId.set(member.playerId, member);
    this.nextEntityId = Math.max(this.nextEntityId, member.entityId + 1);
  }

  /** The entity id the next member gets (persisted so that a successor never reuses one). */
  get upcomingEntityId(): number {
    return this.nextEntityId;
  }

  set upcomingEntityId(value: number) {
    this.nextEntityId = Math.max(this.nextEntityId, value);
  }

  removeMember(member: Member): void {
    this.members.delete(member.clientId);
    if (this.membersByPlayerId.get(member.playerId) === member) this.membersByPlayerId.delete(member.playerId);
  }
}
