import type { Connection } from '../connection';
import type { StreamPosition } from '../history';
import type { GameActionPayload, JoinRoomPayload, LeaveReason, ServerMessage } from '../protocol';

/** DI token of the `RoomRouter` chosen by `RoomRoutingModule.forRoot()`. */
export const ROOM_ROUTER = Symbol('GAME:ROOM_ROUTER');

/** A seat a parked session holds, as a resume asks for it back. */
export interface SeatClaim {
  /** The session's client id (the seat's), not the resuming connection's fresh one. */
  clientId: string;
  roomId: string;
  /** Where the client's replay starts; undefined: no replay, only a snapshot. */
  since?: StreamPosition;
}

/** A seat parked for the resume grace, with the history epoch it was parked in. */
export interface ParkedSeat {
  roomId: string;
  epoch: string;
}

/** What a rejoin found: the same shape for rooms run here and elsewhere. */
export interface RoomRejoin {
  /** Reliable events after `since`, with their original offsets, in order; empty unless `recovered`. */
  events: ServerMessage[];
  /** A fresh `room_joined` whose offset is the last replayed event's; undefined when the seat is gone. */
  snapshot?: ServerMessage<'room_joined'>;
  /** Whether `events` is everything after `since` (false: history no longer reaches back, or another epoch). */
  recovered: boolean;
  /** The instance that runs the room, when it is not this one. */
  owner?: string;
}

/**
 * Everything the gateway, chat and resume need from rooms, wherever a room runs. Exactly one
 * instance runs a room; `LocalRoomRouter` serves a single instance, and with REDIS_URL the
 * bridge's router sends what concerns a room run elsewhere to that instance. Which one is used
 * is decided once, in `RoomRoutingModule.forRoot()`.
 *
 * Errors are `GameError`s the gateway turns into `error` frames: NOT_IN_ROOM, INVALID_PAYLOAD,
 * ROOM_FULL, UNAUTHORIZED, RATE_LIMITED, and INTERNAL when a room's owner cannot be reached.
 */
export interface RoomRouter {
  /**
   * Joins (creating the room on first join, of `request.kind` unless an operator's rule decides)
   * and sends the joiner its `room_joined` snapshot; the other members get `player_joined`. The
   * joiner's connection is held from before the snapshot is taken until it was sent, so no room
   * event or frame newer than the snapshot reaches it first, and none is lost. A repeated join
   * answers the snapshot again and tells nobody. MAX_ROOMS_PER_CONNECTION and the
   * `RoomAuthorizer` are checked before anything is created. Synchronous for a room run here; a
   * promise when its owner must be asked.
   */
  join(connection: Connection, request: JoinRoomPayload): void | Promise<void>;
  /** Leaves one room; the others get `player_left` with `reason`; the last member disposes it. NOT_IN_ROOM if not a member. */
  leave(connection: Connection, roomId: string, reason: LeaveReason): void;
  /** Leaves every room of a connection (socket gone with a normal close, session over). */
  leaveAll(connection: Connection, reason: LeaveReason): void;
  /**
   * Queues an action for the room's next tick (`action.room_id`, else the connection's only
   * room), applied in arrival order; RATE_LIMITED past ROOM_MAX_QUEUED_ACTIONS. A promise when
   * the room's owner must confirm it (`refId` set: the client waits for an `ack` that must not
   * stand for a lost action); rejects (INTERNAL, send again) when the owner does not answer.
   */
  queueAction(connection: Connection, action: GameActionPayload, refId?: string): void | Promise<void>;
  /**
   * A reliable room event (chat): given its offset by the room's owner and published to every
   * member, sender included. Returns (or resolves) only once the owner accepted it, so an `ack`
   * never stands for an event nobody will get; throws or rejects (INTERNAL, send again) when the
   * room is between owners or its owner does not answer within ROOM_FORWARD_TIMEOUT_MS.
   */
  publishReliable(roomId: string, message: ServerMessage): void | Promise<void>;
  /**
   * The room and player id a room-scoped message of `connection` refers to: `roomId` if given,
   * else the connection's only room. NOT_IN_ROOM / INVALID_PAYLOAD say what to send instead.
   */
  membership(connection: Connection, roomId: string | undefined): { roomId: string; playerId: string };
  /** The seats a connection holds, each with the history epoch it would be parked in (what its session record keeps). */
  seats(connection: Connection): ParkedSeat[];
  /**
   * Whether `clientId` holds a seat (its socket connected or parked for the resume grace) in one
   * of the rooms `connection` is in, as each room's owner has it: who a direct message may reach
   * when DIRECT_MESSAGE_SCOPE is `room`. A room run elsewhere is answered from its shared
   * presence, which follows a join by one store write: a member who joined a moment ago may not
   * count yet. False when that presence cannot be read (never a guess that lets a message through).
   */
  sharesRoom(connection: Connection, clientId: string): boolean | Promise<boolean>;
  /**
   * A dropped connection keeps its seats for the resume grace: delivery to it stops, nobody is
   * told. Returns the seats with the history epoch each was parked in.
   */
  suspend(connection: Connection): ParkedSeat[];
  /**
   * Gives a parked seat back to a resuming connection, for rooms run here and elsewhere alike:
   * first `connection` is attached to the room's delivery in the held state (broadcasts are kept
   * for it), then the room's owner reads the reliable events after `claim.since` and a snapshot in
   * one turn, and notes that the seat's socket is on this instance now. Nobody else is told.
   * Send `events`, then call `release` (it sends the snapshot); rejects (INTERNAL) when the owner
   * does not answer: then call `release` without a result.
   */
  rejoin(connection: Connection, claim: SeatClaim): Promise<RoomRejoin>;
  /**
   * Ends a rejoin: sends `connection` the snapshot (as its protocol version needs it), then what
   * was published while it was held and is newer than the snapshot, then delivers live. Without a
   * snapshot (seat gone, resume abandoned) the connection leaves the room's delivery and the seat
   * stays parked.
   */
  release(connection: Connection, roomId: string, rejoin?: RoomRejoin): void;
  /** Frees the seats of a session whose resume grace ran out: the others get `player_left` "timeout". */
  expire(clientId: string, roomIds: string[]): void;
}
