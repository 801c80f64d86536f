import { Emitter } from '../emitter.js';
import { ClientErrorCode, GatewayError } from '../errors.js';
import type { RoomEventPayload, RoomJoinedPayload, StateFramePayload } from '../types.js';
import { FrameTimeline } from './frame-timeline.js';
import { type KindDescriptor, parseKindDescriptor } from './kind-descriptor.js';
import { StateCallbacks } from './state-callbacks.js';
import { type FrameChanges, StateFrameError, StateMirror } from './state-mirror.js';

/** Counters of a room's state frames, for debugging (`room.stateStats`). */
export interface StateStats {
  /** Keyframes applied (the join's and a resume's included). */
  keyframes: number;
  /** Deltas applied. */
  deltas: number;
  /**
   * Deltas ignored because the mirror was not at their base (`frame - 1`): the server sends a
   * keyframe instead whenever it could not send a delta, so this stays 0 unless something is wrong.
   */
  refusedDeltas: number;
  /** Frames that did not decode against the room's descriptor (each also reported as the room's `error`). */
  badFrames: number;
}

/**
 * A v2 room's typed state: the mirror, its change callbacks, the frame timeline, the room's
 * events by name, and the counters. The Room feeds it `room_joined`, `state` and `room_event`
 * frames in order; it applies each frame whole, then fires the callbacks of what changed.
 */
export class TypedState {
  mirror: StateMirror | undefined;
  /** The room's handle on this connection (`room_joined.handle`). */
  handle = 0;
  /** Local time (`performance.now()` clock) of the frame the mirror is at. */
  time = 0;
  readonly callbacks = new StateCallbacks();
  readonly events = new Emitter<Record<string, Record<string, unknown>>>();
  readonly stats: StateStats = { keyframes: 0, deltas: 0, refusedDeltas: 0, badFrames: 0 };
  private timeline: FrameTimeline | undefined;
  private schemaText: string | undefined;

  constructor(
    private readonly tickMs: () => number,
    private readonly failed: (error: GatewayError) => void,
    /** Called after every applied frame, its callbacks fired. */
    private readonly applied: () => void,
  ) {}

  get descriptor(): KindDescriptor | undefined {
    return this.mirror?.descriptor;
  }

  /**
   * A v2 `room_joined`: the descriptor and the keyframe. On the first join nothing fires (the
   * state is there when `join` resolves; `onAdd` reports existing entities when registered); on a
   * later one (a resume) the callbacks report what differs from the mirror it replaces.
   */
  joined(payload: RoomJoinedPayload, arrivedAt: number, initial: boolean): void {
    this.handle = payload.handle ?? 0;
    const text = typeof payload.schema === 'string' ? payload.schema : JSON.stringify(payload.schema);
    let replaced: StateMirror | undefined;
    if (text !== this.schemaText) {
      try {
        replaced = this.mirror;
        this.mirror = new StateMirror(parseKindDescriptor(payload.schema as string));
        this.schemaText = text;
      } catch (error) {
        return this.failed(new GatewayError(ClientErrorCode.BadStateFrame, `room_joined: ${(error as Error).message}`));
      }
    }
    this.timeline ??= new FrameTimeline(this.tickMs());
    const changes = this.apply(payload.state!, arrivedAt);
    if (!changes || initial) return;
    // A kind whose descriptor changed (a failover onto another version): a new mirror, every old entity gone.
    const removed = replaced ? [...replaced.entities.values(), ...changes.removed] : changes.removed;
    this.callbacks.dispatch({ ...changes, removed }); // the Room emits `state` for the whole room_joined
  }

  /** A `state` frame of this room. */
  frame(payload: StateFramePayload, arrivedAt: number): void {
    const changes = this.apply(payload, arrivedAt);
    if (changes) this.dispatch(changes);
  }

  /** A `room_event` of this room. */
  event(payload: RoomEventPayload): void {
    this.events.emit(payload.name, payload.data ?? {});
  }

  private apply(payload: StateFramePayload, arrivedAt: number): FrameChanges | undefined {
    const mirror = this.mirror;
    if (!mirror) return undefined;
    let changes: FrameChanges | undefined;
    try {
      changes = mirror.apply(payload);
    } catch (error) {
      if (!(error instanceof StateFrameError)) throw error;
      this.stats.badFrames += 1;
      mirror.frame = -1; // take no delta until the next keyframe
      this.failed(new GatewayError(ClientErrorCode.BadStateFrame, error.message));
      return undefined;
    }
    if (!changes) {
      this.stats.refusedDeltas += 1;
      return undefined;
    }
    if (changes.key) this.stats.keyframes += 1;
    else this.stats.deltas += 1;
    this.time = this.timeline!.place(arrivedAt);
    return changes;
  }

  private dispatch(changes: FrameChanges): void {
    this.callbacks.dispatch(changes);
    this.applied();
  }
}
