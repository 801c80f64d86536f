import { Inject, Injectable } from '@nestjs/common';
import type { RaisedEvent, TickClock } from '../game-api';
import { ErrorCode, GameError, MessageType, type ServerMessage, serverMessage, type SyncPayload } from '../protocol';
import { FrameRecords, writeCellDeltas } from '../state';
import {
  CLIENT_DELIVERY,
  type ClientDelivery,
  type FrameBody,
  GameLogicRunner,
  KeyframeNeed,
  projectPlayers,
  type QueuedAction,
  type Room,
  RoomAdmission,
  RoomFanout,
  type RoomFrame,
  projectVisible,
  type InterestFrame,
} from '../rooms';

const copy = (records: FrameRecords): FrameBody => ({ ops: records.ops.slice(), strings: records.strings.slice() });

/**
 * One room's tick on the instance that runs it: its queued actions in arrival order (checked
 * against the kind's table when they were queued), the logic's `onTick`, the members the logic
 * kicked; then, when anything changed or a member needs a keyframe, one frame for the members on
 * every instance — the v2 delta, a keyframe if needed, the v1 `sync` if the room has v1 members —
 * and after it the events the logic raised, so that an event never arrives before the state it
 * talks about.
 */
@Injectable()
export class RoomTick {
  /** Reused for every room's delta and keyframe; a frame gets copies. */
  private readonly records = new FrameRecords();

  constructor(
    private readonly runner: GameLogicRunner,
    private readonly admission: RoomAdmission,
    private readonly fanout: RoomFanout,
    @Inject(CLIENT_DELIVERY) private readonly delivery: ClientDelivery,
  ) {}

  /** Ticks `room` once; returns whether its logic asked to keep ticking without inputs. */
  run(room: Room, clock: TickClock): boolean {
    room.ctx.clock = clock;
    let changed = room.takeChanged();
    const actions = room.takeActions();
    if (actions.length > 0) changed = this.applyActions(room, actions) || changed;
    let keepTicking = false;
    const { onTick } = room.logic;
    if (onTick) {
      try {
        keepTicking = this.runner.run(room, () => onTick.call(room.logic, room.ctx)) === true;
      } catch {
        // Logged by the runner; the room carries on from its current state.
      }
    }
    this.admission.settleKicks(room);
    this.publish(room, clock.now, changed);
    return keepTicking;
  }

  /** Applies the queue; returns whether any action took effect (v1 members then get a `sync` with their `last_input_seq`). */
  private applyActions(room: Room, actions: readonly QueuedAction[]): boolean {
    let applied = false;
    for (const { member, action, refId, spec, input } of actions) {
      if (room.members.get(member.clientId) !== member) continue; // left since queuing
      try {
        this.runner.run(room, () => spec.run(room.ctx, member, input));
        if (action.input_seq) member.lastInputSeq = action.input_seq;
        applied = true;
      } catch (error) {
        const { code, message } = error instanceof GameError ? error : { code: ErrorCode.Internal, message: 'internal error' };
        this.delivery.send(member.clientId, serverMessage(MessageType.Error, { code, message, ref_type: MessageType.GameAction, ref_id: refId }));
      }
    }
    return applied;
  }

  /**
   * Publishes a frame when the state changed, a keyframe is wanted, or v1 members need a `sync`
   * (a member joined or left, an action took effect, a server-side field changed); then the events.
   */
  private publish(room: Room, now: number, changed: boolean): void {
    if (room.kind.grid) return this.publishInterest(room, now, changed);
    const state = room.state;
    const need = room.takeKeyframeNeed();
    const v1 = room.hasV1Members && (changed || state.hasServerSideChanges);
    if (state.hasChanges || need !== KeyframeNeed.None || v1) {
      const frame = room.nextFrame();
      this.records.reset();
      state.writeDelta(this.records); // from here on the state as of `frame` is the published one
      const delta = need === KeyframeNeed.All ? undefined : copy(this.records);
      let key: FrameBody | undefined;
      if (need !== KeyframeNeed.None) {
        this.records.reset();
        state.writeKeyframe(this.records);
        key = copy(this.records);
      }
      const sync = room.hasV1Members ? { room_id: room.id, frame_num: frame, players: projectPlayers(room), timestamp: now } : undefined;
      const out: RoomFrame = { frame, time: now, delta, key, keyOnly: need === KeyframeNeed.All, sync };
      this.fanout.publishFrame(room.id, out);
    }
    for (const event of room.takeEvents()) this.deliver(room, event);
  }

  /**
   * An interest-managed room's frame: the global delta and one delta per changed cell, each
   * encoded once on every instance; which of them (and which cells' keyframes) each member gets
   * follows its view, which follows its focus. Members whose view did not change and saw nothing
   * change get no frame at all.
   */
  private publishInterest(room: Room, now: number, changed: boolean): void {
    const state = room.state;
    const need = room.takeKeyframeNeed();
    const fulls = room.takeFullKeyframes();
    const v1Changed = changed || state.hasServerSideChanges;
    const deltas = writeCellDeltas(state); // the state as of this frame is the published one from here
    const views: InterestFrame['views'][number][] = [];
    const keyCells = new Set<number>();
    let globalKey = false;
    for (const member of room.members.values()) {
      const view = room.views.get(member.clientId)!;
      const change = view.follow(room.focusCellOf(member));
      const full = need !== 0 || fulls.has(member.clientId);
      if (full) {
        globalKey = true;
        for (const cell of view.cells) keyCells.add(cell);
        views.push({ clientId: member.clientId, entered: view.cells, left: [], full: true });
      } else if (change.entered.length > 0 || change.left.length > 0) {
        for (const cell of change.entered) keyCells.add(cell);
        views.push({ clientId: member.clientId, entered: change.entered, left: change.left, full: false });
      }
    }
    const anything = !deltas.global.empty || deltas.cells.size > 0 || views.length > 0 || (room.hasV1Members && v1Changed);
    if (anything) {
      const frame = room.nextFrame();
      const cells = new Map([...deltas.cells].map(([cell, records]) => [cell, copy(records)]));
      const keys = new Map<number, FrameBody>();
      for (const cell of keyCells) {
        this.records.reset();
        state.writeCellKeyframe(cell, this.records);
        if (!this.records.empty) keys.set(cell, copy(this.records));
      }
      let key: FrameBody | undefined;
      if (globalKey) {
        this.records.reset();
        state.writeGlobalKeyframe(this.records);
        key = copy(this.records);
      }
      // v1 members get a sync (of the players they see) when something they see changed: encoded
      // per member, the price of v1 in an interest-managed room.
      const syncs = new Map<string, SyncPayload>();
      if (room.hasV1Members) {
        const changedViews = new Set(views.map((v) => v.clientId));
        for (const member of room.members.values()) {
          if (member.wireVersion !== 1) continue;
          const view = room.views.get(member.clientId)!;
          const sees = v1Changed || !deltas.global.empty || changedViews.has(member.clientId) || view.cells.some((cell) => deltas.cells.has(cell));
          if (sees) syncs.set(member.clientId, { room_id: room.id, frame_num: frame, players: projectVisible(room, member), timestamp: now });
        }
      }
      this.fanout.publishFrame(room.id, { frame, time: now, delta: copy(deltas.global), key, keyOnly: false, interest: { cells, keys, views, syncs } });
    }
    for (const event of room.takeEvents()) this.deliver(room, event);
  }

  /** An event the logic raised: reliable ones get an offset (replayed on resume), one for a single member goes to its session. */
  private deliver(room: Room, event: RaisedEvent): void {
    const message: ServerMessage<'room_event'> = serverMessage(MessageType.RoomEvent, { room_id: room.id, name: event.name, data: event.data }, { room_id: room.id });
    if (event.to) {
      void this.delivery.sendDirect(event.to.clientId, message);
      return;
    }
    const except = event.except?.clientId;
    // Interest management: an event at a point reaches the members who see its cell.
    const cell = event.at && room.kind.grid ? room.kind.grid.cellAt(event.at.x, event.at.y) : undefined;
    if (event.reliable) this.fanout.publishReliable(room.id, message, except, cell);
    else this.fanout.publish(room.id, message, except, cell);
  }
}
