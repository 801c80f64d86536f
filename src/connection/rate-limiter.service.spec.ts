import { Test } from '@nestjs/testing';
import type { WebSocket } from 'ws';
import { limitsConfig } from '../config';
import { Connection } from './connection';
import { RateLimiter, RateVerdict } from './rate-limiter.service';

describe(RateLimiter.name, () => {
  let limiter: RateLimiter;
  let connection: Connection;

  beforeEach(async () => {
    const module = await Test.createTestingModule({
      providers: [
        RateLimiter,
        {
          provide: limitsConfig.KEY,
          useValue: { rateLimitPerSec: 10, rateLimitBurst: 5, rateLimitAbuseCount: 3, rateLimitAbuseWindowMs: 1000 },
        },
      ],
    }).compile();
    limiter = module.get(RateLimiter);
    connection = new Connection({} as WebSocket, 0, true, '127.0.0.1', 0);
  });

  const run = (count: number, now: number) => Array.from({ length: count }, () => limiter.check(connection, now));

  describe('check', () => {
    it('should allow a full burst at once, then limit', () => {
      expect(run(5, 1000)).toEqual(Array(5).fill(RateVerdict.Allowed));
      expect(limiter.check(connection, 1000)).toBe(RateVerdict.Limited);
      expect(limiter.limitedFrames).toBe(1);
    });

    it('should refill at the configured rate from the time elapsed, capped at the burst', () => {
      run(5, 1000);
      expect(run(2, 1200)).toEqual([RateVerdict.Allowed, RateVerdict.Allowed]); // 200 ms × 10/s = 2 tokens
      expect(limiter.check(connection, 1200)).toBe(RateVerdict.Limited);
      expect(run(6, 60_000)).toEqual([...Array(5).fill(RateVerdict.Allowed), RateVerdict.Limited]);
    });

    it('should call it abuse when the limit is hit RATE_LIMIT_ABUSE_COUNT times within the window', () => {
      run(5, 1000);
      expect(run(3, 1000)).toEqual([RateVerdict.Limited, RateVerdict.Limited, RateVerdict.Abusive]);
    });

    it('should start counting afresh after the abuse window', () => {
      run(5, 1000);
      expect(run(2, 1000)).toEqual([RateVerdict.Limited, RateVerdict.Limited]);
      // 1.1 s later the bucket is full again; the two old limited frames no longer count.
      run(5, 2101);
      expect(run(3, 2101)).toEqual([RateVerdict.Limited, RateVerdict.Limited, RateVerdict.Abusive]);
    });
  });
});
