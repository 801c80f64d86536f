import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { type Observable, Subject } from 'rxjs';
import { type Bus, BUS } from '../bus';
import { roomsConfig } from '../config';
import type { ListingChange, RoomKind } from '../game-api';
import { ROOM_HISTORY, type RoomHistory } from '../history';
import type { RoomState } from '../state';
import { KEYFRAME_REQUEST, roomControlChannel } from './room-frame.topic';
import { Room, type RoomActivity } from './room';

/**
 * Whether this instance may act for a room it runs right now. Multi-instance only (the bridge
 * installs it): a room's lease may have run out while the process stalled, and its successor may
 * already run it. Without one (a single instance) every room run here is owned.
 */
export interface RoomOwnership {
  holds(roomId: string, now?: number): boolean;
}

/**
 * The rooms this instance runs, and which of them the tick loop must visit. A room is created on
 * first join, or built from persisted state and adopted (a takeover); it leaves when disposed
 * (its last member left) or relinquished (another instance runs it now).
 */
@Injectable()
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly active = new Set<Room>();
  /** Per room run here: the subscription to its control channel (keyframe requests from any instance). */
  private readonly control = new Map<Room, () => void>();
  private readonly tickMs: number;
  private readonly listings = new Subject<{ room: Room; change: ListingChange }>();
  /** A room run here whose logic locked, unlocked it or set its metadata, synchronously (the directory follows). */
  readonly listings$: Observable<{ room: Room; change: ListingChange }> = this.listings.asObservable();
  private readonly activity: RoomActivity = {
    activated: (room) => this.active.add(room),
    settled: (room) => this.active.delete(room),
    relisted: (room, change) => this.listings.next({ room, change }),
  };

  /** Set by the bridge (`guardWith`); undefined on a single instance, where nothing is checked. */
  private guard: RoomOwnership | undefined;

  constructor(
    @Inject(roomsConfig.KEY) config: ConfigType<typeof roomsConfig>,
    @Inject(ROOM_HISTORY) private readonly history: RoomHistory,
    @Inject(BUS) private readonly bus: Bus,
  ) {
    this.tickMs = 1000 / config.tickRate;
  }

  /** Multi-instance: who says whether a room run here is still this instance's to act for. */
  guardWith(ownership: RoomOwnership): void {
    this.guard = ownership;
  }

  /**
   * Whether `roomId` runs here but its lease is in doubt (multi-instance: the guard says this
   * instance may not act for it now): nothing may be done for it, by the tick or by any message.
   * Always false on a single instance.
   */
  inDoubt(roomId: string, now?: number): boolean {
    return this.guard !== undefined && this.rooms.has(roomId) && !this.guard.holds(roomId, now);
  }

  /** Rooms run here. */
  get size(): number {
    return this.rooms.size;
  }

  /** Rooms with queued inputs, a pending snapshot or logic that keeps ticking; only rooms change it. */
  get activeRooms(): ReadonlySet<Room> {
    return this.active;
  }

  get(roomId: string): Room | undefined {
    return this.rooms.get(roomId);
  }

  values(): IterableIterator<Room> {
    return this.rooms.values();
  }

  /** Starts running a new room of `kind` with fresh state (its logic's `onCreate` is the caller's). */
  create(roomId: string, kind: RoomKind, options: Readonly<Record<string, string>>): Room {
    const room = this.build(roomId, kind, options);
    this.run(room);
    return room;
  }

  /** A room object, not yet run here; `state` when it continues another instance's. */
  build(roomId: string, kind: RoomKind, options: Readonly<Record<string, string>>, state?: RoomState): Room {
    return new Room(roomId, kind, options, this.activity, this.tickMs, state);
  }

  /** Starts running a room built from another instance's state, continuing its frames; its members get keyframes. */
  adopt(room: Room, frameNum: number): void {
    this.run(room);
    room.continueFrom(frameNum);
    room.markChanged();
  }

  /** Stops running a room here without telling anyone (another instance took it over). */
  relinquish(room: Room): void {
    if (this.rooms.get(room.id) !== room) return;
    this.stopRunning(room);
  }

  /** Forgets a room that has no members left, and its history (a new room by that id starts a new epoch). */
  dispose(room: Room): void {
    this.stopRunning(room);
    this.history.forget(room.id);
  }

  private run(room: Room): void {
    this.rooms.set(room.id, room);
    // Members on any instance ask the room's owner for a keyframe on this channel (a dropped frame).
    this.control.set(
      room,
      this.bus.subscribe(roomControlChannel(room.id), KEYFRAME_REQUEST, ({ clientId }) => (clientId && room.kind.grid ? room.wantFullKeyframe(clientId) : room.wantKeyframe())),
    );
  }

  private stopRunning(room: Room): void {
    if (this.rooms.get(room.id) === room) this.rooms.delete(room.id);
    this.control.get(room)?.();
    this.control.delete(room);
    room.stop();
  }
}
