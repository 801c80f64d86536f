import type { GameActionPayload } from '../protocol';
import type { GameLogic, PlayerRef } from './game-logic';

/** A room member: identity for the game logic plus what the core tracks for it. */
export interface Member extends PlayerRef {
  /** `input_seq` of the last action applied, echoed in `sync` as `last_input_seq`. */
  lastInputSeq: number;
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

  addMember(clientId: string, playerId: string, nickname: string): Member {
    const member: Member = { clientId, playerId, nickname, entityId: this.nextEntityId++, lastInputSeq: 0 };
    this.members.set(clientId, member);
    this.membersByPlayerId.set(playerId, member);
    return member;
  }

  removeMember(member: Member): void {
    this.members.delete(member.clientId);
    if (this.membersByPlayerId.get(member.playerId) === member) this.membersByPlayerId.delete(member.playerId);
  }
}
