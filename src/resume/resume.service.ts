import { Inject, Injectable, Logger } from '@nestjs/common';
import { ownValue } from '../common';
import { type Connection, ConnectionPool } from '../connection';
import { MetricsService } from '../metrics';
import { CloseCode, ErrorCode, GameError, type ResumePayload } from '../protocol';
import { ROOM_ROUTER, type RoomRejoin, type RoomRouter, type SeatClaim } from '../rooms';
import { type DetachedSession, resumeFailed, SessionService } from '../session';
import { SessionHandover } from './session-handover';

/**
 * Moves a dropped session onto a new connection: its old client id, its seats with the room events
 * it missed (original offsets) and a fresh `room_joined` per room, the direct messages it missed,
 * and last a second `welcome`. One flow for rooms run on this instance and elsewhere: per seat one
 * `rejoin` (the connection is held in the room's delivery while the replay is read), then, in one
 * synchronous block, the replay, the snapshot and `release` (what was published meanwhile and is
 * newer than the snapshot), so the client never gets a live room event before its snapshot or
 * twice. RESUME_FAILED leaves the connection with its fresh session and the seats parked.
 */
@Injectable()
export class ResumeService {
  private readonly logger = new Logger(ResumeService.name);
  /** Old connections whose session a resume took over: their close must not park it again. */
  private readonly takenOver = new WeakSet<Connection>();

  constructor(
    private readonly pool: ConnectionPool,
    private readonly sessions: SessionService,
    @Inject(ROOM_ROUTER) private readonly rooms: RoomRouter,
    private readonly metrics: MetricsService,
    private readonly handover: SessionHandover,
  ) {
    handover.serve((sessionId, clientId) => this.releaseHere(sessionId, clientId));
  }

  /** Counted in `resumes_total` by result (a resume whose new socket closed meanwhile counts as neither). */
  async resume(connection: Connection, request: ResumePayload): Promise<void> {
    let moved: boolean;
    try {
      moved = await this.moveSession(connection, request);
    } catch (error) {
      this.metrics.resume('failure');
      throw error;
    }
    if (moved) this.metrics.resume('success');
  }

  /** Whether `connection` was closed because a resume took its session over (its close ends nothing). */
  tookOver(connection: Connection): boolean {
    return this.takenOver.has(connection);
  }

  /** The resume itself; false if the new socket closed before the session could move. */
  private async moveSession(connection: Connection, request: ResumePayload): Promise<boolean> {
    if (connection.rooms.size > 0) throw resumeFailed('resume must be the first message of a connection');
    const clientId = this.sessions.verify(request);
    // Parked; else connected here (half-open); else recorded as connected elsewhere (that instance
    // has not parked it yet, or died without parking it).
    const session =
      (await this.fromStore(this.sessions.take(request.session_id))) ??
      this.takeOverLive(connection, request.session_id, clientId) ??
      (await this.fromStore(this.handover.claim(request.session_id, connection.userId)));
    if (!session) throw resumeFailed('the session expired or is unknown');
    if (session.clientId !== clientId || (session.userId !== undefined && session.userId !== connection.userId)) {
      await this.sessions.park(session);
      throw resumeFailed('the session belongs to another user');
    }
    const claims: SeatClaim[] = session.rooms.map(({ roomId, epoch }) => {
      // Own properties only: a room named `constructor` with no offset given has none.
      const offset = ownValue(request.rooms, roomId);
      return { clientId, roomId, since: offset === undefined ? undefined : { offset, epoch } };
    });
    let rejoins: RoomRejoin[];
    let direct: Awaited<ReturnType<SessionService['missedDirect']>>;
    try {
      rejoins = await this.rejoinAll(connection, claims);
      // Read last: a direct message appended after it is delivered live (the port keeps the order).
      direct = await this.sessions.missedDirect(clientId, request.last_seq ?? 0);
    } catch (error) {
      await this.abandon(connection, claims, session);
      // The session is parked again: a later resume can still take it (the room's owner was
      // restarting or moving). Only the client's retry can tell; RESUME_FAILED would make it give up.
      throw resumeLater(`a room could not be reached (${(error as Error).message})`);
    }
    if (connection.socket.readyState !== connection.socket.OPEN) {
      await this.abandon(connection, claims, session);
      return false;
    }

    // Synchronous from here: nothing can be delivered between a replay and its release.
    const fresh = { sessionId: connection.sessionId, clientId: connection.clientId };
    this.pool.rename(connection, clientId);
    connection.sessionId = session.sessionId;
    connection.playerId = session.playerId;
    claims.forEach(({ roomId }, i) => {
      for (const event of rejoins[i].events) this.pool.send(connection, event);
      // Sends the snapshot (room_joined, as the connection's protocol version needs it), then what was held.
      this.rooms.release(connection, roomId, rejoins[i]);
    });
    for (const message of direct.messages) this.pool.send(connection, message);
    this.pool.send(connection, this.sessions.welcome(connection));
    this.sessions.track(connection, this.rooms.seats(connection));
    await this.sessions.end(fresh.sessionId, fresh.clientId);
    return true;
  }

  /**
   * A read of the session store (Redis) that failed, not a missing session: Redis is away or not
   * connected yet (an instance that just started). Answered with a retryable error, not a bug's
   * stack: the session is still there for the client's next attempt.
   */
  private async fromStore<T>(read: Promise<T>): Promise<T> {
    try {
      return await read;
    } catch (error) {
      if (error instanceof GameError) throw error;
      this.logger.warn(`resume: the session store did not answer (${(error as Error).message})`);
      throw resumeLater('the session store could not be reached');
    }
  }

  /** Every seat asked for at once; rejects (after all have answered) when any owner could not be reached. */
  private async rejoinAll(connection: Connection, claims: SeatClaim[]): Promise<RoomRejoin[]> {
    const results = await Promise.allSettled(claims.map((claim) => this.rooms.rejoin(connection, claim)));
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    return results.map((result) => (result as PromiseFulfilledResult<RoomRejoin>).value);
  }

  /** The resume did not happen: the connection leaves every room it was held in, the seats stay parked. */
  private async abandon(connection: Connection, claims: SeatClaim[], session: DetachedSession): Promise<void> {
    for (const { roomId } of claims) this.rooms.release(connection, roomId);
    await this.sessions.park(session);
  }

  /**
   * A resume for a session whose old socket still looks open (half-open TCP): close that one with
   * 4004. Another user's resume is refused before anything happens to it: the owner must notice
   * nothing (it used to be closed with 4004 first, and then the resume failed).
   */
  private takeOverLive(connection: Connection, sessionId: string, clientId: string): DetachedSession | undefined {
    const old = this.pool.get(clientId);
    if (!old || old === connection || old.sessionId !== sessionId) return undefined;
    if (old.userId !== undefined && old.userId !== connection.userId) throw resumeFailed('the session belongs to another user');
    return this.detach(old);
  }

  private detach(old: Connection): DetachedSession {
    this.takenOver.add(old);
    const rooms = this.rooms.suspend(old);
    this.pool.close(old, CloseCode.SessionTakenOver, 'session resumed on another connection');
    const { sessionId, clientId, playerId, userId } = old;
    return { sessionId, clientId, playerId, userId, rooms, detachedAt: Date.now() };
  }

  /**
   * Another instance resumes a session held here: park it now (its socket, if it still looks
   * open, is closed with 4004), or wait for the park its close already started.
   */
  private async releaseHere(sessionId: string, clientId: string): Promise<void> {
    const old = this.pool.get(clientId);
    if (old && old.sessionId === sessionId && !this.takenOver.has(old)) return this.sessions.park(this.detach(old));
    await this.sessions.parked(sessionId);
  }
}

/** A resume that could not be done now but may succeed on a later attempt: the session is kept. */
function resumeLater(why: string): GameError {
  return new GameError(ErrorCode.Internal, `resume: ${why}; the session is kept: reconnect and resume again in a moment`);
}
