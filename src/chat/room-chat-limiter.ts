import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { roomsConfig } from '../config';

interface Bucket {
  tokens: number;
  refilledAt: number;
}

/** Buckets kept before the next prune of full ones (then twice what is left, at least this). */
const PRUNE_FLOOR = 1024;

/**
 * One token bucket per room for room chat (ROOM_CHAT_RATE_PER_SEC refill, ROOM_CHAT_BURST size):
 * every member may be within its own connection's rate limit while together they flood the room,
 * and each chat is delivered to every member, so the room's total is what must be bounded.
 * Refilled lazily when a chat arrives (no timers); a full bucket is the same as none, so full ones
 * are pruned once the table doubles (amortized, nothing per room to clean up when it closes).
 * Kept per instance: with rooms spanning instances, each instance bounds the chat of the members
 * connected to it.
 */
@Injectable()
export class RoomChatLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly tokensPerMs: number;
  private readonly burst: number;
  private pruneAt = PRUNE_FLOOR;

  constructor(@Inject(roomsConfig.KEY) private readonly config: ConfigType<typeof roomsConfig>) {
    this.tokensPerMs = config.roomChatRatePerSec / 1000;
    this.burst = config.roomChatBurst;
  }

  /** Takes a token for a chat in `roomId` at `now` (ms); false: the room's limit is reached, refuse it. */
  take(roomId: string, now: number): boolean {
    let bucket = this.buckets.get(roomId);
    if (!bucket) {
      if (this.buckets.size >= this.pruneAt) this.prune(now);
      this.buckets.set(roomId, (bucket = { tokens: this.burst, refilledAt: now }));
    } else this.refill(bucket, now);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** What a refused sender is told: the limit, and which setting it is. */
  describe(roomId: string): string {
    const { roomChatRatePerSec: rate, roomChatBurst: burst } = this.config;
    return `room "${roomId}" takes at most ${rate} chat messages per second (ROOM_CHAT_RATE_PER_SEC; bursts of ${burst}, ROOM_CHAT_BURST); send it again later`;
  }

  private refill(bucket: Bucket, now: number): void {
    if (now > bucket.refilledAt) bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.refilledAt) * this.tokensPerMs);
    bucket.refilledAt = now;
  }

  private prune(now: number): void {
    for (const [roomId, bucket] of this.buckets) {
      this.refill(bucket, now);
      if (bucket.tokens >= this.burst) this.buckets.delete(roomId);
    }
    this.pruneAt = Math.max(PRUNE_FLOOR, this.buckets.size * 2);
  }
}
