import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Connection, ConnectionPool } from '../connection';
import { MetricsService } from '../metrics';
import { CloseCode, LeaveReason, type ResumePayload, type ServerMessage } from '../protocol';
import { RoomSeats, RoomsService } from '../rooms';
import { type DetachedSession, resumeFailed, SessionService } from '../session';

/**
 * A session across sockets: what happens when one drops, comes back, or never does. Sits above
 * sessions and rooms because it moves seats between them.
 * - A close with 1000 (or RESUME_GRACE_MS=0) ends the session at once: `player_left` "disconnected".
 * - Any other drop parks the session and keeps its seats; the others see nothing.
 * - One sweep timer expires parked sessions: `player_left` "timeout".
 * - `resume` moves a parked (or still open, half-dead) session onto the new connection.
 */
@Injectable()
export class SessionLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionLifecycle.name);
  /** Old connections whose session a resume took over: their close must not park it again. */
  private readonly takenOver = new WeakSet<Connection>();
  private sweepTimer: NodeJS.Timeout | undefined;
  private sweeping = false;

  constructor(
    private readonly pool: ConnectionPool,
    private readonly sessions: SessionService,
    private readonly rooms: RoomsService,
    private readonly seats: RoomSeats,
    private readonly metrics: MetricsService,
  ) {}

  onApplicationBootstrap(): void {
    this.sweepTimer = setInterval(() => void this.sweep(Date.now()), this.sessions.config.resumeSweepMs);
    this.sweepTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweepTimer);
    this.sweepTimer = undefined;
  }

  /** Opens the session of a new connection; returns its `welcome`. */
  open(connection: Connection): ServerMessage<'welcome'> {
    // Nest's disconnect hook does not say how the socket closed; the session's fate depends on it.
    connection.socket.once('close', (code: number) => {
      this.dropped(connection, code).catch((error: Error) =>
        // Redis away (or closing at shutdown): the session's store is unreachable; nothing to do but say so.
        this.logger.warn(`cleanup of client ${connection.clientId} failed: ${error.message}`),
      );
    });
    return this.sessions.open(connection);
  }

  private async dropped(connection: Connection, code: number): Promise<void> {
    if (this.takenOver.has(connection)) return;
    const { sessionId, clientId } = connection;
    if (code === CloseCode.Normal || this.sessions.config.resumeGraceMs === 0) {
      this.rooms.leaveAll(connection, LeaveReason.Disconnected);
      await this.sessions.end(sessionId, clientId);
      return;
    }
    const rooms = this.seats.suspend(connection);
    const { playerId, userId } = connection;
    await this.sessions.park({ sessionId, clientId, playerId, userId, rooms, detachedAt: Date.now() });
  }

  /** Public so that tests can drive it; runs on the sweep timer. */
  async sweep(now: number): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      for (const session of await this.sessions.takeExpired(now)) {
        this.seats.expire(session.clientId, session.rooms.map((held) => held.roomId));
        await this.sessions.end(session.sessionId, session.clientId);
      }
    } catch (error) {
      // Expected while Redis is away: the next sweep retries; /ready already reports the outage.
      this.logger.warn(`session sweep failed (retried on the next sweep): ${(error as Error).message}`);
    } finally {
      this.sweeping = false;
    }
  }

  /**
   * Moves a dropped session onto this connection: old client id, seats, missed room events with
   * their original offsets, a fresh `room_joined` per room, missed direct messages, and last a
   * second `welcome`. RESUME_FAILED leaves the connection with its fresh session. Counted in
   * `resumes_total` by result (a resume whose new socket closed meanwhile counts as neither).
   */
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

  /** The resume itself; false if the new socket closed before the session could move. */
  private async moveSession(connection: Connection, request: ResumePayload): Promise<boolean> {
    if (connection.rooms.size > 0) throw resumeFailed('resume must be the first message of a connection');
    const clientId = this.sessions.verify(request);
    const session = (await this.sessions.take(request.session_id)) ?? this.takeOverLive(connection, request.session_id, clientId);
    if (!session) throw resumeFailed('the session expired or is unknown');
    if (session.clientId !== clientId || (session.userId !== undefined && session.userId !== connection.userId)) {
      await this.sessions.park(session);
      throw resumeFailed('the session belongs to another user');
    }
    const held = session.rooms.map(({ roomId, epoch }) => {
      const offset = request.rooms?.[roomId];
      return { roomId, since: offset === undefined ? undefined : { offset, epoch } };
    });
    let direct: Awaited<ReturnType<SessionService['missedDirect']>>;
    try {
      // Bridged: seats in rooms run by other instances come back with their owners' replay.
      await this.seats.fetchRemote(connection, clientId, held);
      // Read last: a direct message appended after it is delivered live (the port keeps the order).
      direct = await this.sessions.missedDirect(clientId, request.last_seq ?? 0);
    } catch (error) {
      this.seats.abandon(connection);
      await this.sessions.park(session);
      throw resumeFailed(`a room could not be reached (${(error as Error).message})`);
    }
    if (connection.socket.readyState !== connection.socket.OPEN) {
      this.seats.abandon(connection);
      await this.sessions.park(session);
      return false;
    }

    // Synchronous from here: nothing can be delivered between the replay and live delivery.
    const fresh = { sessionId: connection.sessionId, clientId: connection.clientId };
    this.pool.rename(connection, clientId);
    connection.sessionId = session.sessionId;
    connection.playerId = session.playerId;
    for (const { roomId, since } of held) {
      for (const message of this.seats.rejoin(connection, roomId, since)) this.pool.send(connection, message);
    }
    for (const message of direct.messages) this.pool.send(connection, message);
    this.pool.send(connection, this.sessions.welcome(connection));
    await this.sessions.end(fresh.sessionId, fresh.clientId);
    return true;
  }

  /** A resume for a session whose old socket still looks open (half-open TCP): close that one with 4004. */
  private takeOverLive(connection: Connection, sessionId: string, clientId: string): DetachedSession | undefined {
    const old = this.pool.get(clientId);
    if (!old || old === connection || old.sessionId !== sessionId) return undefined;
    this.takenOver.add(old);
    const rooms = this.seats.suspend(old);
    this.pool.close(old, CloseCode.SessionTakenOver, 'session resumed on another connection');
    return { sessionId, clientId, playerId: old.playerId, userId: old.userId, rooms, detachedAt: Date.now() };
  }
}
