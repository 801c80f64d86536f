import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { limitsConfig } from '../config';
import type { Connection } from './connection';

/** What the rate limit says about one inbound frame. */
export const RateVerdict = {
  /** Within the limit: handle it. */
  Allowed: 0,
  /** Over the limit: drop it and answer RATE_LIMITED. */
  Limited: 1,
  /** Over the limit too often within the abuse window: close the connection (1008). */
  Abusive: 2,
} as const;
export type RateVerdict = (typeof RateVerdict)[keyof typeof RateVerdict];

/**
 * Per-connection token bucket (RATE_LIMIT_PER_SEC refill, RATE_LIMIT_BURST size), consulted by
 * the adapter before a frame is even decoded. The bucket is two numbers on the connection,
 * refilled lazily from the time since its last frame: no timers, no per-connection objects.
 */
@Injectable()
export class RateLimiter {
  private readonly tokensPerMs: number;
  /** RATE_LIMIT_BURST: also the most messages one connection may have waiting to be handled. */
  readonly burst: number;
  private readonly abuseCount: number;
  private readonly abuseWindowMs: number;
  /** Frames dropped by the limit since start. */
  limitedFrames = 0;

  constructor(@Inject(limitsConfig.KEY) config: ConfigType<typeof limitsConfig>) {
    this.tokensPerMs = config.rateLimitPerSec / 1000;
    this.burst = config.rateLimitBurst;
    this.abuseCount = config.rateLimitAbuseCount;
    this.abuseWindowMs = config.rateLimitAbuseWindowMs;
  }

  /** Takes one token for a frame arriving at `now` (ms) and says what to do with the frame. */
  check(connection: Connection, now: number): RateVerdict {
    if (connection.rateTokens < 0) {
      // First frame of the connection: a full bucket.
      connection.rateTokens = this.burst;
    } else if (now > connection.rateRefilledAt) {
      connection.rateTokens = Math.min(this.burst, connection.rateTokens + (now - connection.rateRefilledAt) * this.tokensPerMs);
    }
    connection.rateRefilledAt = now;
    if (connection.rateTokens >= 1) {
      connection.rateTokens -= 1;
      return RateVerdict.Allowed;
    }
    this.limitedFrames += 1;
    if (now - connection.rateLimitedSince > this.abuseWindowMs) {
      connection.rateLimitedSince = now;
      connection.rateLimitedCount = 0;
    }
    connection.rateLimitedCount += 1;
    return connection.rateLimitedCount >= this.abuseCount ? RateVerdict.Abusive : RateVerdict.Limited;
  }
}
