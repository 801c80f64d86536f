import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { sessionConfig } from '../config';
import type { DedupWindow } from './dedup-window.port';

/** The embedded default: per session, ids in claim order with the time they were claimed. */
@Injectable()
export class InMemoryDedupWindow implements DedupWindow {
  private readonly windows = new Map<string, Map<string, number>>();

  constructor(@Inject(sessionConfig.KEY) private readonly config: ConfigType<typeof sessionConfig>) {}

  async claim(sessionId: string, messageId: string, now = Date.now()): Promise<boolean> {
    let window = this.windows.get(sessionId);
    if (!window) this.windows.set(sessionId, (window = new Map()));
    this.evict(window, now);
    if (window.has(messageId)) return false;
    window.set(messageId, now);
    if (window.size > this.config.dedupWindowSize) window.delete(window.keys().next().value as string);
    return true;
  }

  async release(sessionId: string, messageId: string): Promise<void> {
    this.windows.get(sessionId)?.delete(messageId);
  }

  async forget(sessionId: string): Promise<void> {
    this.windows.delete(sessionId);
  }

  /** Map order is claim order, so expired ids are a prefix. */
  private evict(window: Map<string, number>, now: number): void {
    const oldestKept = now - this.config.dedupWindowMs;
    for (const [id, claimedAt] of window) {
      if (claimedAt > oldestKept) return;
      window.delete(id);
    }
  }
}
