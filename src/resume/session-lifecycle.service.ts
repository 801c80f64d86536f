import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import type { Connection } from '../connection';
import { CloseCode, LeaveReason, type ServerMessage } from '../protocol';
import { ROOM_ROUTER, RoomFanout, type RoomRouter } from '../rooms';
import { SessionService } from '../session';
import { ResumeService } from './resume.service';

/**
 * A session across sockets: what happens when one drops or never comes back (`ResumeService`
 * handles the coming back). Sits above sessions and rooms because it moves seats between them.
 * - A close with 1000 (or RESUME_GRACE_MS=0) ends the session at once: `player_left` "disconnected".
 * - A kick (4102, the server API) ends it at once too: `player_left` "kicked" (the kicker usually
 *   unseated the player before closing; this catches whatever is left).
 * - Any other drop parks the session and keeps its seats; the others see nothing.
 * - One sweep timer expires parked sessions: `player_left` "timeout".
 * - A connected session is recorded with its seats (when it opens and when they change), so
 *   that another instance can resume it if this one dies without parking it.
 */
@Injectable()
export class SessionLifecycleService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionLifecycleService.name);
  private sweepTimer: NodeJS.Timeout | undefined;
  private sweeping = false;
  private memberships: Subscription | undefined;
  /** Connections whose seats changed in this turn: their records are rewritten once, at its end. */
  private readonly dirty = new Set<Connection>();

  constructor(
    private readonly sessions: SessionService,
    @Inject(ROOM_ROUTER) private readonly rooms: RoomRouter,
    private readonly resumes: ResumeService,
    private readonly fanout: RoomFanout,
  ) {}

  onApplicationBootstrap(): void {
    this.memberships = this.fanout.memberships$.subscribe((connection) => this.seatsChanged(connection));
    this.sweepTimer = setInterval(() => void this.sweep(Date.now()), this.sessions.config.resumeSweepMs);
    this.sweepTimer.unref();
  }

  onApplicationShutdown(): void {
    this.memberships?.unsubscribe();
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
    const welcome = this.sessions.open(connection);
    this.sessions.track(connection, []);
    return welcome;
  }

  private seatsChanged(connection: Connection): void {
    if (this.dirty.size === 0) queueMicrotask(() => this.trackDirty());
    this.dirty.add(connection);
  }

  /** Rewrites the records of connected sessions whose seats changed (a closed socket's session is parked or ended instead). */
  private trackDirty(): void {
    for (const connection of this.dirty) {
      if (connection.socket.readyState === connection.socket.OPEN && !this.resumes.tookOver(connection)) this.sessions.track(connection, this.rooms.seats(connection));
    }
    this.dirty.clear();
  }

  private async dropped(connection: Connection, code: number): Promise<void> {
    if (this.resumes.tookOver(connection)) return;
    const { sessionId, clientId } = connection;
    if (code === CloseCode.Normal || code === CloseCode.Kicked || this.sessions.config.resumeGraceMs === 0) {
      this.rooms.leaveAll(connection, code === CloseCode.Kicked ? LeaveReason.Kicked : LeaveReason.Disconnected);
      await this.sessions.end(sessionId, clientId);
      return;
    }
    const rooms = this.rooms.suspend(connection);
    const { playerId, userId } = connection;
    await this.sessions.park({ sessionId, clientId, playerId, userId, rooms, detachedAt: Date.now() });
  }

  /** Public so that tests can drive it; runs on the sweep timer. */
  async sweep(now: number): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      for (const session of await this.sessions.takeExpired(now)) {
        this.rooms.expire(session.clientId, session.rooms.map((held) => held.roomId));
        await this.sessions.end(session.sessionId, session.clientId);
      }
    } catch (error) {
      // Expected while Redis is away: the next sweep retries; /ready already reports the outage.
      this.logger.warn(`session sweep failed (retried on the next sweep): ${(error as Error).message}`);
    } finally {
      this.sweeping = false;
    }
  }
}
