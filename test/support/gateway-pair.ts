import type { Type } from '@nestjs/common';
import { readThrough, type RunningGateway, startGateway, untilReady } from './gateway';
import { startRedisTopology, type TestRedis, type Topology } from './redis';

export interface GatewayPair {
  redis: TestRedis;
  gateways: readonly [RunningGateway, RunningGateway];
}

/**
 * Two gateway instances bridged by a Redis of `topology`, for the enclosing `describe`: in
 * `beforeAll` Redis starts, then both instances with the same `env` over Redis's own (REDIS_URL,
 * REDIS_CLUSTER), and it ends once both are ready (`untilReady`); `afterAll` closes the instances,
 * then Redis. Like `useGateway`, what it returns reads through to what runs: use it inside tests
 * and hooks. Jest runs `afterAll` hooks in the order declared, so a suite's clients that must close
 * before the instances do are closed in a hook declared before this call.
 *
 * @example const { redis, gateways: [gw1, gw2] } = useGatewayPair('standalone', { TICK_RATE: '20' });
 */
export function useGatewayPair(topology: Topology, env: Record<string, string> = {}, options: { modules?: Type[] } = {}): GatewayPair {
  let redis: TestRedis | undefined;
  let gateways: RunningGateway[] = [];
  beforeAll(async () => {
    const started = await startRedisTopology(topology);
    redis = started;
    // Each kept as soon as it runs: if the other fails to start, afterAll still closes this one.
    await Promise.all([0, 1].map(async (i) => (gateways[i] = await startGateway({ ...started.env, ...env }, options))));
    await untilReady(gateways, 'both instances ready');
  }, 60000);
  afterAll(async () => {
    await Promise.all(gateways.filter(Boolean).map((gw) => gw.close()));
    await redis?.close();
  }, 30000);
  const running = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the gateway pair starts in beforeAll: use it inside a test or hook');
    return value;
  };
  return {
    redis: readThrough(() => running(redis)),
    gateways: [readThrough(() => running(gateways[0])), readThrough(() => running(gateways[1]))],
  };
}
