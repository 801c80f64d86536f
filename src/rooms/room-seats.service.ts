import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from '../connection';
import { ROOM_HISTORY, type RoomHistory, type StreamPosition } from '../history';
import { LeaveReason, type ServerMessage } from '../protocol';
import { RoomFanout } from './room-fanout.service';
import { RoomsService } from './rooms.service';

/**
 * Seats of dropped connections during the resume grace: parked without telling anyone, given
 * back on resume with the missed events, freed with `player_left` "timeout" when the grace ends.
 * Covers rooms this instance runs; a seat in a room run by another instance is not parked
 * (it is re-joined by the SDK after `recovered: false`).
 */
@Injectable()
export class RoomSeats {
  constructor(
    private readonly rooms: RoomsService,
    private readonly fanout: RoomFanout,
    @Inject(ROOM_HISTORY) private readonly history: RoomHistory,
  ) {}

  /**
   * A dropped connection keeps its seats for the resume grace: delivery to it stops, the others
   * see nothing. Returns the rooms held, with the history epoch each was held in.
   */
  suspend(connection: Connection): { roomId: string; epoch: string }[] {
    return [...connection.rooms].map((roomId) => {
      this.fanout.detach(roomId, connection);
      return { roomId, epoch: this.history.position(roomId).epoch };
    });
  }

  /**
   * Puts a resumed connection back in a seat it held, without telling the others. Returns what
   * it must be sent first, in order: the reliable events after `since` (with their original
   * offsets), then `room_joined` as the fresh snapshot, with `recovered: false` when the history
   * no longer reaches back to `since` (or the epoch changed). Empty when the seat is gone.
   * Synchronous on purpose: no event can be published between the replay and live delivery.
   */
  rejoin(connection: Connection, roomId: string, since: StreamPosition | undefined): ServerMessage[] {
    const room = this.rooms.get(roomId);
    if (!room?.members.has(connection.clientId)) return [];
    const read = since ? this.history.readSince(roomId, since) : undefined;
    connection.rooms.add(roomId);
    this.fanout.attach(roomId, connection);
    const snapshot = this.rooms.snapshotFor(room);
    snapshot.payload.recovered = read?.recovered ?? false;
    return read?.recovered ? [...read.events, snapshot] : [snapshot];
  }

  /** Frees the seats of a session whose resume grace ran out: the others get `player_left` "timeout". */
  expire(clientId: string, roomIds: string[]): void {
    for (const roomId of roomIds) {
      const room = this.rooms.get(roomId);
      const member = room?.members.get(clientId);
      if (room && member) this.rooms.removeMember(room, member, LeaveReason.Timeout);
    }
  }
}
