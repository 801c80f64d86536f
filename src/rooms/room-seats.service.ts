import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { Connection } from '../connection';
import { ROOM_HISTORY, type RoomHistory, type StreamPosition } from '../history';
import { LeaveReason, MessageType, type ServerMessage } from '../protocol';
import { type RemoteRejoin, RoomBridge } from './room-bridge.service';
import { RoomFanout } from './room-fanout.service';
import { RoomsService } from './rooms.service';

/**
 * Seats of dropped connections during the resume grace: parked without telling anyone, given
 * back on resume with the missed events, freed with `player_left` "timeout" when the grace ends.
 * When bridged (REDIS_URL), a seat in a room run by another instance stays with that instance:
 * a resume on any instance fetches the replay from it (`fetchRemote`) before `rejoin`.
 */
@Injectable()
export class RoomSeats {
  private readonly logger = new Logger(RoomSeats.name);
  /** Owners' answers fetched for a resuming connection, handed out by `rejoin`. */
  private readonly fetched = new WeakMap<Connection, Map<string, RemoteRejoin>>();

  constructor(
    private readonly rooms: RoomsService,
    private readonly fanout: RoomFanout,
    @Inject(ROOM_HISTORY) private readonly history: RoomHistory,
    @Optional() @Inject(RoomBridge) private readonly bridge?: RoomBridge | null,
  ) {}

  /**
   * A dropped connection keeps its seats for the resume grace: delivery to it stops, the others
   * see nothing. Returns the rooms held, with the history epoch each was held in.
   */
  suspend(connection: Connection): { roomId: string; epoch: string }[] {
    return [...connection.rooms].map((roomId) => {
      this.fanout.detach(roomId, connection);
      if (this.isRemote(roomId)) return { roomId, epoch: this.bridge!.park(connection.clientId, roomId) };
      return { roomId, epoch: this.history.position(roomId).epoch };
    });
  }

  /**
   * Bridged only: for held rooms run by another instance, asks their owners for the events after
   * `since` and a snapshot, holding their live broadcasts for `connection` meanwhile (a room whose
   * owner is gone is taken over here and rejoined locally). Rejects when an owner does not answer;
   * then call `abandon`.
   */
  async fetchRemote(connection: Connection, clientId: string, held: { roomId: string; since?: StreamPosition }[]): Promise<void> {
    const bridge = this.bridge;
    if (!bridge) return;
    const answers = new Map<string, RemoteRejoin>();
    this.fetched.set(connection, answers);
    await Promise.all(
      held
        .filter(({ roomId }) => this.isRemote(roomId))
        .map(async ({ roomId, since }) => {
          this.fanout.hold(roomId, connection);
          const answer = await bridge.rejoin(clientId, roomId, since);
          if (answer) answers.set(roomId, answer);
          else this.fanout.unhold(roomId, connection);
        }),
    );
  }

  /** Drops what `fetchRemote` held for a resume that did not happen. */
  abandon(connection: Connection): void {
    for (const roomId of this.fetched.get(connection)?.keys() ?? []) this.fanout.unhold(roomId, connection);
    this.fetched.delete(connection);
  }

  /**
   * Puts a resumed connection back in a seat it held, without telling the others. Returns what
   * it must be sent first, in order: the reliable events after `since` (with their original
   * offsets), then `room_joined` as the fresh snapshot, with `recovered: false` when the history
   * no longer reaches back to `since` (or the epoch changed). Empty when the seat is gone.
   * Synchronous on purpose: no event can be published between the replay and live delivery.
   */
  rejoin(connection: Connection, roomId: string, since: StreamPosition | undefined): ServerMessage[] {
    const answer = this.fetched.get(connection)?.get(roomId);
    if (answer) return this.rejoinRemote(connection, roomId, answer);
    const room = this.rooms.get(roomId);
    const member = room?.members.get(connection.clientId);
    if (!room || !member) return [];
    if (member.instanceId !== undefined) {
      // The seat was held for a socket on another instance: it is here now.
      member.instanceId = undefined;
      this.bridge?.memberAdded(room, member);
    }
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
      if (this.isRemote(roomId)) {
        this.bridge!.release(clientId, roomId, LeaveReason.Timeout).catch((error: Error) =>
          this.logger.warn(`could not free the seat of ${clientId} in room ${roomId}: ${error.message}`),
        );
        continue;
      }
      const room = this.rooms.get(roomId);
      const member = room?.members.get(clientId);
      if (room && member) this.rooms.removeMember(room, member, LeaveReason.Timeout);
    }
  }

  /** The owner's replay and snapshot, then what was published meanwhile and is not in them. */
  private rejoinRemote(connection: Connection, roomId: string, answer: RemoteRejoin): ServerMessage[] {
    this.fetched.get(connection)!.delete(roomId);
    const kept = this.fanout.unhold(roomId, connection);
    const snapshot = answer.snapshot;
    if (!snapshot) return []; // the seat is gone
    connection.rooms.add(roomId);
    this.fanout.attach(roomId, connection);
    this.bridge!.seated(connection.clientId, roomId, answer.owner, snapshot);
    const { offset, frame_num } = snapshot.payload;
    const live = kept
      .filter(({ except, message }) => except !== connection.clientId && (message.offset ?? Infinity) > offset)
      .filter(({ message }) => message.type !== MessageType.Sync || (message.payload as { frame_num: number }).frame_num > frame_num)
      .map(({ message }) => message);
    return [...answer.events, snapshot, ...live];
  }

  private isRemote(roomId: string): boolean {
    return Boolean(this.bridge) && !this.rooms.get(roomId);
  }
}
