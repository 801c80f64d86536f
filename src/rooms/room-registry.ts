import { Inject, Injectable } from '@nestjs/common';
import { ROOM_HISTORY, type RoomHistory } from '../history';
import { type GameLogic, GameLogicRegistry } from '../game-api';
import { Room, type RoomActivity } from './room';

/**
 * The rooms this instance runs, and which of them the tick loop must visit. A room is created on
 * first join, or built from persisted state and adopted (a takeover); it leaves when disposed
 * (its last member left) or relinquished (another instance runs it now).
 */
@Injectable()
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly active = new Set<Room>();
  private readonly activity: RoomActivity = {
    activated: (room) => this.active.add(room),
    settled: (room) => this.active.delete(room),
  };

  constructor(
    private readonly logics: GameLogicRegistry,
    @Inject(ROOM_HISTORY) private readonly history: RoomHistory,
  ) {}

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

  /** Starts running a new room with fresh state. */
  create(roomId: string): Room {
    const room = this.build(roomId);
    this.rooms.set(roomId, room);
    return room;
  }

  /** A room object of the right kind, not yet run here; `state` builds it from persisted data. */
  build(roomId: string, state?: (logic: GameLogic) => unknown): Room {
    const kind = this.logics.kindOf(roomId);
    const logic = this.logics.get(kind);
    return new Room(roomId, kind, logic, state ? state(logic) : logic.createState(roomId), this.activity);
  }

  /** Starts running a room built from another instance's state; its members get a full `sync`. */
  adopt(room: Room): void {
    this.rooms.set(room.id, room);
    room.markChanged();
  }

  /** Stops running a room here without telling anyone (another instance took it over). */
  relinquish(room: Room): void {
    if (this.rooms.get(room.id) !== room) return;
    this.rooms.delete(room.id);
    room.stop();
  }

  /** Forgets a room that has no members left, and its history (a new room by that id starts a new epoch). */
  dispose(room: Room): void {
    this.rooms.delete(room.id);
    room.stop();
    this.history.forget(room.id);
  }
}
