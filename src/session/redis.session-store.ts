import type { RedisConnections } from '../redis';
import type { DetachedSession, SessionStore } from './session-store.port';

/**
 * Parked sessions in Redis, so that a client dropped on one instance resumes on any other.
 * One key per session (`GETDEL` hands it out once: to a resume or to the sweep, never both) and
 * one sorted set of detach times that the sweep of any instance reads.
 *
 * A session key lives RESUME_GRACE_MS plus `slackMs`: long enough for some instance's sweep to
 * take it after its grace (and free its seats), short enough that nothing outlives the cluster.
 * The index is cleaned by the sweep; entries whose key is already gone are skipped.
 */
export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: RedisConnections,
    private readonly config: { resumeGraceMs: number; slackMs: number },
  ) {}

  async park(session: DetachedSession): Promise<void> {
    const ttl = this.config.resumeGraceMs + this.config.slackMs;
    // One connection, in order: the index never names a key written after a later `take`.
    await Promise.all([
      this.redis.cmd.set(this.key(session.sessionId), JSON.stringify(session), 'PX', ttl),
      this.redis.cmd.zadd(this.indexKey(), session.detachedAt, session.sessionId),
    ]);
  }

  async take(sessionId: string): Promise<DetachedSession | undefined> {
    const [raw] = await Promise.all([this.redis.cmd.getdel(this.key(sessionId)), this.redis.cmd.zrem(this.indexKey(), sessionId)]);
    return raw ? (JSON.parse(raw) as DetachedSession) : undefined;
  }

  async takeExpired(detachedAtOrBefore: number): Promise<DetachedSession[]> {
    const max = Number.isFinite(detachedAtOrBefore) ? String(detachedAtOrBefore) : '+inf';
    const ids = await this.redis.cmd.zrangebyscore(this.indexKey(), '-inf', max);
    if (ids.length === 0) return [];
    const [raws] = await Promise.all([
      Promise.all(ids.map((id) => this.redis.cmd.getdel(this.key(id)))),
      this.redis.cmd.zrem(this.indexKey(), ...ids),
    ]);
    return raws.filter((raw): raw is string => raw !== null).map((raw) => JSON.parse(raw) as DetachedSession);
  }

  private key(sessionId: string): string {
    return this.redis.key('session', sessionId);
  }

  private indexKey(): string {
    return this.redis.key('sessions', 'detached');
  }
}
