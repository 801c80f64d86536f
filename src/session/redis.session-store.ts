import type { RedisConnections } from '../redis';
import type { DetachedSession, LiveSession, SessionStore } from './session-store.port';

// Removes a live record only if it still names the instance (one key: Cluster-safe).
const TAKE_LIVE_LUA = `
local raw = redis.call('GET', KEYS[1])
if raw and cjson.decode(raw).instanceId == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return raw
end
return false`;

/**
 * Parked sessions in Redis, so that a client dropped on one instance resumes on any other.
 * One key per session (`GETDEL` hands it out once: to a resume or to the sweep, never both) and
 * one sorted set of detach times that the sweep of any instance reads.
 *
 * A session key lives RESUME_GRACE_MS plus `slackMs`: long enough for some instance's sweep to
 * take it after its grace (and free its seats), short enough that nothing outlives the cluster.
 * The index is cleaned by the sweep; entries whose key is already gone are skipped.
 *
 * A connected session's record (`live-session:<id>`) lives as long as a connection can
 * (MAX_LIFETIME_MS) plus the grace and the slack, rewritten when its seats change, so that one
 * left behind by a dead instance expires by itself.
 */
export class RedisSessionStore implements SessionStore {
  private readonly client: RedisConnections['cmd'] & { gwTakeLive(key: string, instanceId: string): Promise<string | null> };

  constructor(
    private readonly redis: RedisConnections,
    private readonly config: { resumeGraceMs: number; slackMs: number; liveTtlMs: number },
  ) {
    this.client = redis.cmd as typeof this.client;
    this.client.defineCommand('gwTakeLive', { numberOfKeys: 1, lua: TAKE_LIVE_LUA });
  }

  async park(session: DetachedSession): Promise<void> {
    const ttl = this.config.resumeGraceMs + this.config.slackMs;
    // One connection, in order: the index never names a key written after a later `take`.
    await Promise.all([
      this.redis.cmd.del(this.liveKey(session.sessionId)),
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

  async track(session: LiveSession): Promise<void> {
    await this.redis.cmd.set(this.liveKey(session.sessionId), JSON.stringify(session), 'PX', this.config.liveTtlMs);
  }

  async live(sessionId: string): Promise<LiveSession | undefined> {
    const raw = await this.redis.cmd.get(this.liveKey(sessionId));
    return raw ? (JSON.parse(raw) as LiveSession) : undefined;
  }

  async takeLive(sessionId: string, instanceId: string): Promise<LiveSession | undefined> {
    const raw = await this.client.gwTakeLive(this.liveKey(sessionId), instanceId);
    return raw ? (JSON.parse(raw) as LiveSession) : undefined;
  }

  async forget(sessionId: string): Promise<void> {
    await this.redis.cmd.del(this.liveKey(sessionId));
  }

  private liveKey(sessionId: string): string {
    return this.redis.key('live-session', sessionId);
  }

  private key(sessionId: string): string {
    return this.redis.key('session', sessionId);
  }

  private indexKey(): string {
    return this.redis.key('sessions', 'detached');
  }
}
