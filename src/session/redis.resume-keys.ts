import { Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { RedisConnections } from '../redis';
import type { ResumeKeys } from './resume-keys.port';

/** How often an instance re-checks the shared key (and re-creates it after Redis lost its data). */
export const RESUME_KEY_SYNC_MS = 5000;
/** How long startup waits for Redis before it goes on with a key of its own (and retries on the timer). */
const BOOT_WAIT_MS = 3000;
/** Keys an instance accepts at most (the shared one changes only after Redis lost its data). */
const MAX_KEYS = 8;

/**
 * Resume-token keys shared by every instance through Redis, for deployments with REDIS_URL and
 * no RESUME_TOKEN_SECRET (issue 13, item 10: each process used to pick its own random key, so a
 * resume on another instance always failed).
 *
 * - The first instance to start stores a random 32-byte key (`SET <prefix>resume-key … NX`); every
 *   instance signs with whatever that key is. Each sync (at startup, then every
 *   RESUME_KEY_SYNC_MS) re-asserts the instance's key with SET NX and adopts the stored one.
 * - Every key an instance signed with is listed, with when it last signed, in the sorted set
 *   `<prefix>resume-keys`; instances accept every key listed there within `retentionMs` (a token
 *   can be used until its connection's lifetime plus the resume grace have passed). So if Redis
 *   loses its data and a new instance starts before the others re-assert the old key, the tokens
 *   signed with either key are accepted everywhere after the next sync.
 *
 * Trade-offs, against RESUME_TOKEN_SECRET: whoever can read these keys in Redis can forge resume
 * tokens, but whoever can read Redis can already read and take parked sessions, so nothing new is
 * exposed (use RESUME_TOKEN_SECRET when several deployments share a Redis you do not trust
 * across them). If Redis is unreachable at startup the instance signs with its own key until a
 * sync succeeds: its sessions resume only on itself meanwhile (logged). The keys never expire in
 * Redis; delete both keys (and restart) to rotate, or set RESUME_TOKEN_SECRET.
 */
export class RedisResumeKeys implements ResumeKeys, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ResumeKeys');
  private keys: Buffer[] = [randomBytes(32)];
  /** When this instance last signed with each of its keys (base64 → ms). */
  private readonly signedAt = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private shared = false;

  constructor(
    private readonly redis: RedisConnections,
    private readonly options: { retentionMs: number },
  ) {}

  get signing(): Buffer {
    return this.keys[0];
  }

  get verifying(): readonly Buffer[] {
    return this.keys;
  }

  async onModuleInit(): Promise<void> {
    await this.sync(BOOT_WAIT_MS).catch((error: Error) =>
      this.logger.warn(
        `could not share the resume-token key through Redis (${error.message}); until it works, sessions opened here resume ` +
          'only on this instance (set RESUME_TOKEN_SECRET on every instance to avoid this)',
      ),
    );
    this.timer = setInterval(() => {
      this.sync(0).catch((error: Error) => this.logger.debug(`resume key sync failed: ${error.message}`));
    }, RESUME_KEY_SYNC_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Re-asserts this instance's key, adopts the shared one, and learns every listed key. Public so that tests can drive it. */
  async sync(waitForRedisMs = 0): Promise<void> {
    const cmd = this.redis.cmd;
    if (cmd.status !== 'ready') {
      if (waitForRedisMs <= 0) throw new Error(`Redis is ${cmd.status}`);
      await once(cmd, 'ready', { signal: AbortSignal.timeout(waitForRedisMs) });
    }
    const now = Date.now();
    const mine = this.signing.toString('base64');
    this.signedAt.set(mine, now);
    await cmd.set(this.redis.key('resume-key'), mine, 'NX');
    const stored = await cmd.get(this.redis.key('resume-key'));
    if (stored && stored !== mine) {
      if (this.shared) this.logger.log('the shared resume-token key changed (Redis lost its data?); tokens signed before stay valid');
      this.keys.unshift(Buffer.from(stored, 'base64'));
      this.signedAt.set(stored, now);
    }
    this.shared = true;
    const list = this.redis.key('resume-keys');
    for (const [key, at] of this.signedAt) {
      if (at < now - this.options.retentionMs) this.signedAt.delete(key);
      else await cmd.zadd(list, 'GT', at, key);
    }
    await cmd.zremrangebyscore(list, '-inf', now - this.options.retentionMs);
    const listed = await cmd.zrevrange(list, 0, MAX_KEYS - 1);
    const signing = this.keys[0];
    const others = listed.map((key) => Buffer.from(key, 'base64')).filter((key) => !key.equals(signing));
    this.keys = [signing, ...others].slice(0, MAX_KEYS);
  }
}
