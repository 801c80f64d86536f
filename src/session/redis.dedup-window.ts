import type { RedisConnections } from '../redis';
import type { DedupWindow } from './dedup-window.port';

/**
 * Claimed message ids in Redis, shared by every instance (a message re-sent after resuming on
 * another instance is still a duplicate): one `SET NX PX DEDUP_WINDOW_MS` key per id, atomic by
 * itself. Ids stay claimed for the whole window; DEDUP_WINDOW_SIZE does not evict here (the port
 * allows keeping an id longer, and the time bound already caps the memory at the message rate).
 */
export class RedisDedupWindow implements DedupWindow {
  constructor(
    private readonly redis: RedisConnections,
    private readonly config: { dedupWindowMs: number },
  ) {}

  async claim(sessionId: string, messageId: string): Promise<boolean> {
    return (await this.redis.cmd.set(this.key(sessionId, messageId), '1', 'PX', this.config.dedupWindowMs, 'NX')) === 'OK';
  }

  async release(sessionId: string, messageId: string): Promise<void> {
    await this.redis.cmd.del(this.key(sessionId, messageId));
  }

  /** Nothing to do: session ids are never reused and every id key expires with the window. */
  async forget(): Promise<void> {}

  private key(sessionId: string, messageId: string): string {
    return this.redis.key('dedup', sessionId, messageId);
  }
}
