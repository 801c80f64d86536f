import { WireVersion } from '../codec';
import { type ActionSpec, actionInput, type ListingChange, LiveRoomContext, type PlayerRef, type RaisedEvent, type RoomEffects, type RoomKind } from '../game-api';
import { ErrorCode, GameError, type GameActionPayload } from '../protocol';
import { CellView, RoomState } from '../state';

/** A room member: identity for the game logic plus what the core tracks for it. */
export interface Member extends PlayerRef {
  /** `input_seq` of the last action applied, echoed in v1 `sync` as `last_input_seq`. */
  lastInputSeq: number;
  /** Protocol version of the member's connection: v1 members need `sync` snapshots. */
  wireVersion: WireVersion;
  /** Instance holding the member's socket when rooms span instances (undefined: this one). */
  instanceId?: string;
  /** When the member's instance was first found dead; its seat is kept for the resume grace. */
  orphanedAt?: number;
  /** When the member's socket dropped (its session is parked); undefined while it is connected. */
  parkedAt?: number;
}

/** Whether a member's seat waits for its player to come back: its socket dropped, or its instance died. */
export function isVacant(member: Member): boolean {
  return member.parkedAt !== undefined || member.orphanedAt !== undefined;
}

/** An action checked against the kind's table, waiting for the room's next tick. */
export interface QueuedAction {
  member: Member;
  action: GameActionPayload;
  /** Client message id, so that a rejection can reference the message. */
  refId?: string;
  /** The table entry it runs, and its checked input. */
  spec: ActionSpec<unknown>;
  input: object;
}

/**
 * How a room tells whoever keeps the tick loop's work list that it needs ticks, or no longer does,
 * and (optionally) that its logic changed its listing in the room directory.
 */
export interface RoomActivity {
  activated(room: Room): void;
  settled(room: Room): void;
  relisted?(room: Room, change: ListingChange): void;
}

/** What the next frame of a room must carry besides its delta. */
export const KeyframeNeed = {
  None: 0,
  /** Some member missed a frame: include a keyframe for whoever needs one. */
  Some: 1,
  /** The room was taken over from another instance: every v2 member gets a keyframe, nobody the delta. */
  All: 2,
} as const;
export type KeyframeNeed = (typeof KeyframeNeed)[keyof typeof KeyframeNeed];

const NO_ACTIONS: readonly QueuedAction[] = Object.freeze([]);
const NO_EVENTS: readonly RaisedEvent[] = Object.freeze([]);

/**
 * The authoritative state of one room on the instance that runs it: its kind, its typed state and
 * the context its logic gets, its members, its action queue and its frame number. Whether the tick
 * loop must visit it changes only through the verbs below: `enqueue`, `markChanged`, `raise` and
 * `wantKeyframe` make it active; the tick `takeChanged`s, `takeActions`, publishes `nextFrame`,
 * `takeEvents` and `settle`s, which deactivates a room with nothing left to do.
 */
export class Room implements RoomEffects {
  readonly state: RoomState;
  readonly ctx: LiveRoomContext;
  private readonly byClientId = new Map<string, Member>();
  private readonly byPlayerId = new Map<string, Member>();
  private queue: QueuedAction[] = [];
  private events: RaisedEvent[] = [];
  private frame = 0;
  private active = false;
  private changed = false;
  private meanTickMs = 0;
  private keyframe: KeyframeNeed = KeyframeNeed.None;
  private v1Members = 0;
  /** Members removed by the logic (`ctx.kick`), unseated once the current hook returned. */
  private kicks: { player: PlayerRef; reason: string }[] = [];
  /** Interest management: what each member sees (by client id); follows its focus at every tick. */
  readonly views = new Map<string, CellView>();
  /** Interest management: members whose view the logic centred on a point (`ctx.setView`). */
  private readonly focusPoints = new Map<string, { x: number; y: number }>();
  /** Interest management: members owed a keyframe of everything they see (a frame to them was dropped). */
  private fullKeyframes = new Set<string>();

  constructor(
    readonly id: string,
    readonly kind: RoomKind,
    /** Creation options (already checked against the kind's declaration). */
    readonly options: Readonly<Record<string, string>>,
    private readonly activity: RoomActivity,
    tickMs: number,
    state?: RoomState,
  ) {
    this.state = state ?? new RoomState(kind.options.state, kind.grid);
    this.ctx = new LiveRoomContext(id, kind.name, this.state, options, this.byPlayerId, kind.options.events, this, tickMs);
  }

  get logic() {
    return this.kind.logic;
  }

  /** Members by client id, in join order. */
  get members(): ReadonlyMap<string, Member> {
    return this.byClientId;
  }

  get membersByPlayerId(): ReadonlyMap<string, Member> {
    return this.byPlayerId;
  }

  /** Number of the last frame published (0 before the first). */
  get frameNum(): number {
    return this.frame;
  }

  /** In the tick loop's active set: it has inputs, a pending frame or events, or logic that keeps ticking. */
  get isActive(): boolean {
    return this.active;
  }

  /** Recent mean duration of this room's ticks (ms): a moving average, the admin console's "tick time". */
  get tickTimeMs(): number {
    return this.meanTickMs;
  }

  /** One tick took `ms` (measured by the tick loop); weighs the last ~10 ticks most. */
  recordTickTime(ms: number): void {
    this.meanTickMs = this.meanTickMs === 0 ? ms : this.meanTickMs * 0.9 + ms * 0.1;
  }

  /** Whether any member speaks v1 (and so needs `sync` snapshots). */
  get hasV1Members(): boolean {
    return this.v1Members > 0;
  }

  /** Seats a member; its entity id comes from the room state's counter (entities and members share it). */
  addMember(clientId: string, playerId: string, nickname: string, wireVersion: WireVersion, instanceId?: string): Member {
    const member: Member = { clientId, playerId, nickname, entityId: this.state.allocateId(), lastInputSeq: 0, wireVersion, instanceId };
    this.restoreMember(member);
    return member;
  }

  /** Puts back a member of a room taken over from another instance, keeping its entity id. */
  restoreMember(member: Member): void {
    this.byClientId.set(member.clientId, member);
    this.byPlayerId.set(member.playerId, member);
    if (member.wireVersion === WireVersion.V1) this.v1Members += 1;
    if (this.kind.grid) this.views.set(member.clientId, new CellView(this.kind.grid));
  }

  removeMember(member: Member): void {
    if (this.byClientId.get(member.clientId) !== member) return;
    this.byClientId.delete(member.clientId);
    if (this.byPlayerId.get(member.playerId) === member) this.byPlayerId.delete(member.playerId);
    if (member.wireVersion === WireVersion.V1) this.v1Members -= 1;
    this.views.delete(member.clientId);
    this.focusPoints.delete(member.clientId);
    this.fullKeyframes.delete(member.clientId);
  }

  /**
   * A returning player's new connection takes over its seat: the same member (entity, state,
   * player id) under the new client id; its input sequence starts over with the new client.
   */
  reseat(member: Member, clientId: string): void {
    if (this.byClientId.get(member.clientId) !== member || member.clientId === clientId) return;
    const previous = member.clientId;
    this.byClientId.delete(previous);
    (member as { clientId: string }).clientId = clientId; // readonly for the game logic, which keeps its reference
    member.lastInputSeq = 0;
    member.parkedAt = member.orphanedAt = undefined;
    this.byClientId.set(clientId, member);
    for (const keyed of [this.views, this.focusPoints] as Map<string, unknown>[]) {
      if (!keyed.has(previous)) continue;
      keyed.set(clientId, keyed.get(previous));
      keyed.delete(previous);
    }
    if (this.fullKeyframes.delete(previous)) this.fullKeyframes.add(clientId);
  }

  /** Interest management: the cell a member's view is centred on: its `ctx.setView` point, else its entity's cell (-1: none). */
  focusCellOf(member: Member): number {
    const point = this.focusPoints.get(member.clientId);
    if (point) return this.kind.grid!.cellAt(point.x, point.y);
    return this.state.currentCellOf(member.entityId);
  }

  /** Interest management: the member's view, centred on its focus now (what its snapshot holds). */
  refreshView(member: Member): CellView {
    const view = this.views.get(member.clientId)!;
    view.reset([]);
    view.follow(this.focusCellOf(member));
    return view;
  }

  /** Interest management: a member (by client id) is owed a keyframe of everything it sees. */
  wantFullKeyframe(clientId: string): void {
    if (!this.byClientId.has(clientId)) return;
    this.fullKeyframes.add(clientId);
    this.activate();
  }

  /** Interest management: the members owed a full keyframe; cleared. */
  takeFullKeyframes(): ReadonlySet<string> {
    if (this.fullKeyframes.size === 0) return this.fullKeyframes;
    const taken = this.fullKeyframes;
    this.fullKeyframes = new Set();
    return taken;
  }

  /** A member's connection switched protocol version (a resume from a client of another version). */
  setWireVersion(member: Member, version: WireVersion): void {
    if (member.wireVersion === version) return;
    this.v1Members += version === WireVersion.V1 ? 1 : -1;
    member.wireVersion = version;
  }

  /** A room taken over from another instance goes on from where that one stood: frames after `frameNum`, never backwards. */
  continueFrom(frameNum: number): void {
    this.frame = Math.max(this.frame, frameNum);
    this.keyframe = KeyframeNeed.All;
    this.activate();
  }

  /**
   * Checks an action against the kind's table (INVALID_PAYLOAD for an unknown action or a bad
   * payload, before the logic sees it) and queues it for the next tick; RATE_LIMITED when
   * `limit` actions already wait.
   */
  enqueue(member: Member, action: GameActionPayload, refId: string | undefined, limit: number): void {
    if (this.queue.length >= (this.kind.options.maxQueuedActions ?? limit)) {
      throw new GameError(ErrorCode.RateLimited, `room "${this.id}" has too many pending actions; slow down`);
    }
    const { spec, input } = actionInput(this.kind.name, this.kind.logic.actions, action);
    this.queue.push({ member, action, refId, spec: spec as ActionSpec<unknown>, input });
    this.activate();
  }

  /** A frame is due on the next tick even without state changes (a member joined or left: v1 clients need a `sync`). */
  markChanged(): void {
    this.changed = true;
    this.activate();
  }

  /** Some member needs a keyframe: the next frame includes one. */
  wantKeyframe(): void {
    if (this.keyframe === KeyframeNeed.None) this.keyframe = KeyframeNeed.Some;
    this.activate();
  }

  /** Whether a frame was due; clears it. */
  takeChanged(): boolean {
    const changed = this.changed;
    this.changed = false;
    return changed;
  }

  /** What the frame being published must carry besides its delta; clears it. */
  takeKeyframeNeed(): KeyframeNeed {
    const need = this.keyframe;
    this.keyframe = KeyframeNeed.None;
    return need;
  }

  /** The queued actions in arrival order; the queue is empty afterwards. */
  takeActions(): readonly QueuedAction[] {
    if (this.queue.length === 0) return NO_ACTIONS;
    const taken = this.queue;
    this.queue = [];
    return taken;
  }

  /** The events the logic raised since the last frame, in order (published after it). */
  takeEvents(): readonly RaisedEvent[] {
    if (this.events.length === 0) return NO_EVENTS;
    const taken = this.events;
    this.events = [];
    return taken;
  }

  /** Members the logic kicked since the last call. */
  takeKicks(): readonly { player: PlayerRef; reason: string }[] {
    if (this.kicks.length === 0) return [];
    const taken = this.kicks;
    this.kicks = [];
    return taken;
  }

  /** The number of the frame about to be published. */
  nextFrame(): number {
    return ++this.frame;
  }

  /**
   * After a tick: the room stays active if the logic keeps ticking or something arrived meanwhile,
   * else it leaves the active set. Returns whether it is still active.
   */
  settle(keepTicking: boolean): boolean {
    if (keepTicking || this.queue.length > 0 || this.changed || this.events.length > 0 || this.keyframe !== KeyframeNeed.None || this.fullKeyframes.size > 0) {
      return true;
    }
    this.deactivate();
    return false;
  }

  /** No longer run here (disposed, or taken over by another instance): out of the tick loop for good. */
  stop(): void {
    this.queue = [];
    this.events = [];
    this.changed = false;
    this.deactivate();
  }

  // ---- RoomEffects: what the room's context asks of the core ----

  /** @internal An event from `ctx.broadcast`/`ctx.send`: published after the next frame. */
  raise(event: RaisedEvent): void {
    this.events.push(event);
    this.activate();
  }

  /** @internal A member's view centred on a point (`ctx.setView`), or back on its entity. */
  setView(player: PlayerRef, at: { x: number; y: number } | null): void {
    if (!this.kind.grid) throw new TypeError(`room kind "${this.kind.name}" has no interest management; setView does nothing here`);
    if (at) this.focusPoints.set(player.clientId, { x: at.x, y: at.y });
    else this.focusPoints.delete(player.clientId);
    this.activate();
  }

  /** @internal `ctx.lock`, `ctx.unlock`, `ctx.setMetadata`: the directory follows (matchmaking). */
  relist(change: ListingChange): void {
    this.activity.relisted?.(this, change);
  }

  /** @internal A member removed by `ctx.kick`: unseated once the current hook returned. */
  kick(player: PlayerRef, reason: string): void {
    this.kicks.push({ player, reason });
    this.activate();
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
