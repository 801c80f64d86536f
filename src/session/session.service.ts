import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { INSTANCE_ID, randomId } from '../common';
import { connectionConfig, roomsConfig, sessionConfig } from '../config';
import type { Connection } from '../connection';
import { DIRECT_LOG, type DirectLog, type DirectReadResult } from '../history';
import { ErrorCode, GameError, MessageType, type ResumePayload, type ServerMessage, serverMessage } from '../protocol';
import type { DedupWindow } from './dedup-window.port';
import { ResumeTokens } from './resume-tokens';
import type { ResumeKeys } from './resume-keys.port';
import { DEDUP_WINDOW, RESUME_KEYS, SESSION_STORE } from './session.constants';
import type { DetachedSession, HeldRoom, LiveSession, SessionStore } from './session-store.port';

/**
 * Sessions: one per connection, announced in `welcome`, kept for RESUME_GRACE_MS after the
 * socket drops. Owns the resume token, the session's de-duplication window and its direct-message
 * buffer; which rooms a session sits in is the rooms' business (see `SessionLifecycleService` in `src/resume`).
 */
@Injectable()
export class SessionService {
  private readonly tokens: ResumeTokens;
  /** Parks under way (a socket's close is being handled), by session id: a handover waits for them. */
  private readonly parking = new Map<string, Promise<void>>();

  constructor(
    @Inject(connectionConfig.KEY) private readonly connection: ConfigType<typeof connectionConfig>,
    @Inject(sessionConfig.KEY) readonly config: ConfigType<typeof sessionConfig>,
    @Inject(roomsConfig.KEY) private readonly rooms: ConfigType<typeof roomsConfig>,
    @Inject(SESSION_STORE) private readonly store: SessionStore,
    @Inject(DEDUP_WINDOW) private readonly dedup: DedupWindow,
    @Inject(DIRECT_LOG) private readonly directLog: DirectLog,
    @Inject(RESUME_KEYS) keys: ResumeKeys,
    @Inject(INSTANCE_ID) readonly instanceId: string,
  ) {
    this.tokens = new ResumeTokens(keys);
  }

  /** Opens a fresh session for a new connection and returns its `welcome`. */
  open(connection: Connection): ServerMessage<'welcome'> {
    connection.sessionId = randomId(12);
    // Resolves before any later call on the same log (port guarantee), so no await is needed.
    void this.directLog.open(connection.clientId);
    return this.welcome(connection);
  }

  /** `welcome` for the connection's current session (a resumed one gets its old client id back). */
  welcome(connection: Connection): ServerMessage<'welcome'> {
    return serverMessage(MessageType.Welcome, {
      client_id: connection.clientId,
      session_id: connection.sessionId,
      resume_token: this.tokens.issue(connection.sessionId, connection.clientId),
      heartbeat_interval_ms: this.connection.heartbeatIntervalMs,
      server_time: Date.now(),
      token_expires_at: connection.tokenExpiresAt,
      wire_version: connection.wireVersion,
      tick_rate: this.rooms.tickRate,
    });
  }

  /** The client id a resume request's token was issued to; RESUME_FAILED if forged or garbled. */
  verify(request: ResumePayload): string {
    const clientId = this.tokens.verify(request.session_id, request.resume_token);
    if (!clientId) throw resumeFailed('resume_token is not valid for this session_id');
    return clientId;
  }

  /** Keeps a dropped session until it is resumed or its grace runs out (its live record goes). */
  park(session: DetachedSession): Promise<void> {
    const parked = this.store.park(session).finally(() => {
      if (this.parking.get(session.sessionId) === parked) this.parking.delete(session.sessionId);
    });
    this.parking.set(session.sessionId, parked);
    return parked;
  }

  /** Resolves once a park of the session under way on this instance is done (at once if none is). */
  async parked(sessionId: string): Promise<void> {
    await this.parking.get(sessionId)?.catch(() => undefined);
  }

  /**
   * Records the connection's session as connected here with its seats, so that another instance
   * can take it over should this one die. Fire and forget: Redis away, the next change rewrites it.
   */
  track(connection: Connection, rooms: HeldRoom[]): void {
    const { sessionId, clientId, playerId, userId } = connection;
    const live: LiveSession = { sessionId, clientId, playerId, userId, rooms, instanceId: this.instanceId };
    this.store.track(live).catch(() => undefined);
  }

  /** The record of a session connected somewhere (undefined: none, or it is parked). */
  live(sessionId: string): Promise<LiveSession | undefined> {
    return this.store.live(sessionId);
  }

  /** A session whose instance died: its record, taken (at most one caller gets it) while it still names that instance. */
  takeLive(sessionId: string, instanceId: string): Promise<LiveSession | undefined> {
    return this.store.takeLive(sessionId, instanceId);
  }

  take(sessionId: string): Promise<DetachedSession | undefined> {
    return this.store.take(sessionId);
  }

  /** Sessions whose grace ran out by `now`, removed from the store. */
  takeExpired(now: number): Promise<DetachedSession[]> {
    return this.store.takeExpired(now - this.config.resumeGraceMs);
  }

  missedDirect(clientId: string, lastSeq: number): Promise<DirectReadResult> {
    return this.directLog.readSince(clientId, lastSeq);
  }

  /** Forgets everything kept for a session that is over (closed, expired, or replaced by a resume). */
  async end(sessionId: string, clientId: string): Promise<void> {
    await Promise.all([this.dedup.forget(sessionId), this.directLog.forget(clientId), this.store.forget(sessionId)]);
  }

  /** Whether a client message id is new to the session (it then counts as seen). */
  claim(sessionId: string, messageId: string): Promise<boolean> {
    return this.dedup.claim(sessionId, messageId);
  }

  release(sessionId: string, messageId: string): Promise<void> {
    return this.dedup.release(sessionId, messageId);
  }
}

export function resumeFailed(why: string): GameError {
  return new GameError(ErrorCode.ResumeFailed, `${why}; continuing with the new session from welcome`);
}
