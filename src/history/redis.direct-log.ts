import type { RedisClient, RedisConnections } from '../redis';
import type { ServerMessage } from '../protocol';
import type { DirectLog, DirectReadResult } from './direct-log.port';

// Only an open log takes messages; seq and buffer move together. Entries are "<seq>:<json>".
const APPEND_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local seq = redis.call('INCR', KEYS[1])
redis.call('RPUSH', KEYS[2], seq .. ':' .. ARGV[1])
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[2]), -1)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return seq`;

// A read happens on every resume: it keeps the log of a session that keeps coming back alive
// (and opens it again if Redis lost it, so that the resumed session can be sent to).
const READ_LUA = `
local seq = redis.call('GET', KEYS[1])
if not seq then
  redis.call('SET', KEYS[1], '0', 'PX', ARGV[1])
  return false
end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
local entries = redis.call('LRANGE', KEYS[2], 0, -1)
table.insert(entries, 1, seq)
return entries`;

type LogClient = RedisClient & {
  gwDirectAppend(seqKey: string, logKey: string, json: string, size: number, ttlMs: number): Promise<number | null>;
  gwDirectRead(seqKey: string, logKey: string, ttlMs: number): Promise<string[] | null>;
};

/**
 * Direct messages per session in Redis, so that a session resumed on another instance gets what
 * it missed: a counter (`INCR`) and a capped list (`RPUSH` + `LTRIM` to DIRECT_BUFFER_SIZE) under
 * one `{dl:<client id>}` hash tag, changed together by one script. Keys live `ttlMs` after the
 * last open, append or read (MAX_LIFETIME_MS + RESUME_GRACE_MS: a session's connection is
 * recycled at least that often and every resume reads the log), and are deleted when the session
 * ends. Calls on one client are chained client-side (`inOrder`): one connection alone does not
 * keep their order, because a script's first EVALSHA on a node answers NOSCRIPT and ioredis
 * re-sends it as EVAL behind later calls (seen on a Redis Cluster in the contract suite).
 */
export class RedisDirectLog implements DirectLog {
  private readonly client: LogClient;
  /** The last call in flight per client id: the next one starts after it settles. */
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(
    private readonly redis: RedisConnections,
    private readonly config: { directBufferSize: number; ttlMs: number },
  ) {
    this.client = redis.cmd as LogClient;
    this.client.defineCommand('gwDirectAppend', { numberOfKeys: 2, lua: APPEND_LUA });
    this.client.defineCommand('gwDirectRead', { numberOfKeys: 2, lua: READ_LUA });
  }

  /** Never rejects (callers do not wait for it): with Redis away the log is opened by the session's next resume. */
  open(clientId: string): Promise<void> {
    return this.inOrder(clientId, async () => {
      await this.client.set(this.key(clientId, 'seq'), '0', 'PX', this.config.ttlMs, 'NX').catch(() => undefined);
    });
  }

  append(clientId: string, message: ServerMessage): Promise<number | undefined> {
    return this.inOrder(clientId, () => this.appendNow(clientId, message));
  }

  readSince(clientId: string, since: number): Promise<DirectReadResult> {
    return this.inOrder(clientId, () => this.readNow(clientId, since));
  }

  forget(clientId: string): Promise<void> {
    return this.inOrder(clientId, async () => {
      await this.client.del(this.key(clientId, 'seq'), this.key(clientId, 'log'));
    });
  }

  private inOrder<T>(clientId: string, call: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(clientId);
    const result = previous ? previous.then(call, call) : call();
    const tail = result.catch(() => undefined);
    this.tails.set(clientId, tail);
    void tail.then(() => {
      if (this.tails.get(clientId) === tail) this.tails.delete(clientId);
    });
    return result;
  }

  private async appendNow(clientId: string, message: ServerMessage): Promise<number | undefined> {
    const { seq: _unset, ...unsequenced } = message;
    const seq = await this.client.gwDirectAppend(
      this.key(clientId, 'seq'),
      this.key(clientId, 'log'),
      JSON.stringify(unsequenced),
      this.config.directBufferSize,
      this.config.ttlMs,
    );
    if (seq === null || seq === undefined) return undefined;
    message.seq = Number(seq);
    return message.seq;
  }

  private async readNow(clientId: string, since: number): Promise<DirectReadResult> {
    const read = await this.client.gwDirectRead(this.key(clientId, 'seq'), this.key(clientId, 'log'), this.config.ttlMs);
    if (!read) return { recovered: since === 0, messages: [] };
    const [current, ...entries] = read;
    const held = entries.map((entry) => {
      const colon = entry.indexOf(':');
      const message = JSON.parse(entry.slice(colon + 1)) as ServerMessage;
      message.seq = Number(entry.slice(0, colon));
      return message;
    });
    const seq = Number(current);
    const oldestHeld = held[0]?.seq ?? seq + 1;
    return { recovered: since + 1 >= oldestHeld || since >= seq, messages: held.filter((message) => message.seq! > since) };
  }

  private key(clientId: string, what: string): string {
    return this.redis.key(`{dl:${clientId}}`, what);
  }
}
