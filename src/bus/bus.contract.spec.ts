import { Logger } from '@nestjs/common';
import { connectRedis, useRedisPair } from '../../test/support/redis-connections';
import { eventually } from '../../test/support/redis';
import type { RedisConnections } from '../redis';
import type { BusTopic } from './bus-topic';
import type { Bus } from './bus.port';
import { InMemoryBus } from './in-memory.bus';
import { RedisBus } from './redis.bus';

/**
 * The `Bus` guarantees, held against every implementation: in memory (one instance), and two
 * `RedisBus` instances on their own connections to a real redis-server and to a 3-node Redis Cluster.
 */
interface Note {
  n: number;
  from: string;
}
const NOTE: BusTopic<Note> = {
  name: 'note',
  encode: (note) => Buffer.from(JSON.stringify(note)),
  decode: (bytes) => JSON.parse(Buffer.from(bytes).toString('utf8')) as Note,
};
const OTHER: BusTopic<Note> = { ...NOTE, name: 'other' };

/** Two instances on one bus; `down` takes a third one's transport away for good. */
interface Setup {
  a: Bus;
  b: Bus;
  /** A bus whose transport is gone (in memory: a bus, which has none to lose). */
  down(): Promise<Bus>;
  /** Whether `down()`'s bus had something to drop. */
  transport: boolean;
}

const opened: RedisConnections[] = [];
const buses: Bus[] = [];
// Declared before useRedisPair's: the buses' own connections close while their server still runs.
afterAll(async () => {
  await Promise.all(buses.map((bus) => bus.close()));
  await Promise.all(opened.map((redis) => redis.quit()));
  // A standalone client's socket closes a moment after QUIT is answered: wait, so that nothing is left open.
  const standalone = opened.filter((redis) => !redis.cluster);
  await eventually(() => standalone.every((redis) => redis.cmd.status === 'end' && redis.sub.status === 'end'), 'bus connections closed');
});
const redisPair = useRedisPair('bus:');

async function redisBus(url: string, clustered: boolean, id: string): Promise<{ bus: RedisBus; redis: RedisConnections }> {
  const redis = await connectRedis(url, 'bus:', clustered);
  opened.push(redis);
  const bus = new RedisBus(redis, id);
  buses.push(bus);
  await eventually(() => bus.isReady(), `${id} connected`);
  return { bus, redis };
}

const redisSetup = (url: () => string, clustered: boolean) => async (): Promise<Setup> => {
  const tag = Math.random().toString(36).slice(2, 6);
  const [{ bus: a }, { bus: b }] = await Promise.all([redisBus(url(), clustered, `a-${tag}`), redisBus(url(), clustered, `b-${tag}`)]);
  return {
    a,
    b,
    transport: true,
    down: async () => {
      const { bus, redis } = await redisBus(url(), clustered, `c-${tag}`);
      redis.cmd.disconnect();
      await eventually(() => !bus.isReady(), 'bus down');
      return bus;
    },
  };
};

const implementations: [string, () => Promise<Setup>][] = [
  [
    'in memory',
    async () => {
      const bus = new InMemoryBus('solo');
      return { a: bus, b: bus, transport: false, down: async () => new InMemoryBus('down') };
    },
  ],
  ['Redis', redisSetup(() => redisPair.server.url, false)],
  ['Redis Cluster', redisSetup(() => redisPair.clustered.settings.url, true)],
];

describe.each(implementations)('Bus contract (%s)', (_name, setup) => {
  let n = 0;
  const channel = () => `ch-${++n}-${Math.random().toString(36).slice(2, 6)}`;
  /** Publishes probes from `from` until `to`'s handler got one: the subscription is live on the transport. */
  async function linked(from: Bus, channelName: string, got: Note[]): Promise<void> {
    let probe = 0;
    await eventually(() => {
      from.publish(channelName, OTHER, { n: --probe, from: 'probe' });
      return got.length > 0;
    }, 'subscription live');
  }

  it('should deliver a message to every subscriber of its channel and topic, on this instance and the others, exactly once', async () => {
    const { a, b } = await setup();
    const ch = channel();
    const onA: Note[] = [];
    const onB: Note[] = [];
    const probes: Note[] = [];
    a.subscribe(ch, NOTE, (note) => onA.push(note));
    b.subscribe(ch, NOTE, (note) => onB.push(note));
    b.subscribe(ch, OTHER, (note) => probes.push(note));
    await linked(a, ch, probes);
    a.publish(ch, NOTE, { n: 1, from: 'a' });
    expect(onA).toEqual([{ n: 1, from: 'a' }]); // synchronously, inside publish
    await eventually(() => onB.length >= 1, 'delivered to b');
    a.publish(ch, OTHER, { n: 2, from: 'a' }); // a barrier: b has everything before it once it has it
    await eventually(() => probes.some((p) => p.n === 2), 'barrier');
    expect(onB).toEqual([{ n: 1, from: 'a' }]);
    expect(onA).toEqual([{ n: 1, from: 'a' }]);
  });

  it('should hand handlers the id of the publishing instance', async () => {
    const { a, b } = await setup();
    const ch = channel();
    const origins: string[] = [];
    const probes: Note[] = [];
    b.subscribe(ch, NOTE, (_note, origin) => origins.push(origin));
    b.subscribe(ch, OTHER, (note) => probes.push(note));
    await linked(a, ch, probes);
    a.publish(ch, NOTE, { n: 1, from: 'a' });
    b.publish(ch, NOTE, { n: 2, from: 'b' });
    await eventually(() => origins.length === 2, 'both delivered');
    const ids = (bus: Bus) => (bus instanceof RedisBus ? bus.instanceId : 'solo');
    expect(origins.sort()).toEqual([ids(a), ids(b)].sort());
  });

  it('should keep one publisher\'s order on one channel', async () => {
    const { a, b } = await setup();
    const ch = channel();
    const got: number[] = [];
    const probes: Note[] = [];
    b.subscribe(ch, NOTE, (note) => got.push(note.n));
    b.subscribe(ch, OTHER, (note) => probes.push(note));
    await linked(a, ch, probes);
    for (let i = 1; i <= 200; i++) a.publish(ch, NOTE, { n: i, from: 'a' });
    await eventually(() => got.length >= 200, '200 delivered');
    expect(got).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it('should not deliver to a handler of another channel or topic', async () => {
    const { a, b } = await setup();
    const [ch, elsewhere] = [channel(), channel()];
    const wrong: Note[] = [];
    const probes: Note[] = [];
    b.subscribe(elsewhere, NOTE, (note) => wrong.push(note));
    b.subscribe(ch, OTHER, (note) => probes.push(note));
    await linked(a, ch, probes);
    a.publish(ch, NOTE, { n: 1, from: 'a' });
    a.publish(ch, OTHER, { n: 2, from: 'a' });
    await eventually(() => probes.some((p) => p.n === 2), 'barrier');
    expect(wrong).toEqual([]);
    expect(probes.filter((p) => p.from !== 'probe')).toEqual([{ n: 2, from: 'a' }]);
  });

  it('should call the other handlers when one throws, and count the failure', async () => {
    const { a, b } = await setup();
    const ch = channel();
    const got: string[] = [];
    const probes: Note[] = [];
    b.subscribe(ch, OTHER, (note) => probes.push(note));
    await linked(a, ch, probes);
    b.subscribe(ch, NOTE, () => got.push('first'));
    b.subscribe(ch, NOTE, () => {
      throw new Error('handler bug (expected by this test)');
    });
    b.subscribe(ch, NOTE, () => got.push('third'));
    const failedBefore = b.stats().failed;
    const silence = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      a.publish(ch, NOTE, { n: 1, from: 'a' });
      await eventually(() => got.length >= 2, 'the other handlers called');
    } finally {
      silence.mockRestore();
    }
    expect(got).toEqual(['first', 'third']);
    expect(b.stats().failed).toBe(failedBefore + 1);
  });

  it('should never throw from publish while the transport is down: this instance is served, the rest is counted as dropped', async () => {
    const { down, transport } = await setup();
    const bus = await down();
    const ch = channel();
    const got: number[] = [];
    bus.subscribe(ch, NOTE, (note) => got.push(note.n));
    const droppedBefore = bus.stats().dropped;
    for (let i = 1; i <= 3; i++) expect(() => bus.publish(ch, NOTE, { n: i, from: 'down' })).not.toThrow();
    expect(got).toEqual([1, 2, 3]);
    expect(bus.stats().dropped - droppedBefore).toBe(transport ? 3 : 0);
  });

  it('should stop delivering to a removed handler at once, keep the others, and ignore a second removal', async () => {
    const { a, b } = await setup();
    const ch = channel();
    const kept: number[] = [];
    const removed: number[] = [];
    const probes: Note[] = [];
    b.subscribe(ch, OTHER, (note) => probes.push(note));
    await linked(a, ch, probes);
    b.subscribe(ch, NOTE, (note) => kept.push(note.n));
    const remove = b.subscribe(ch, NOTE, (note) => removed.push(note.n));
    a.publish(ch, NOTE, { n: 1, from: 'a' });
    await eventually(() => removed.length === 1, 'first delivered');
    remove();
    remove();
    a.publish(ch, NOTE, { n: 2, from: 'a' });
    await eventually(() => kept.length === 2, 'second delivered to the kept handler');
    expect(removed).toEqual([1]);
  });

  it('should deliver again after the last handler of a channel was removed and a new one added', async () => {
    const { a, b } = await setup();
    const ch = channel();
    const first: Note[] = [];
    const removeFirst = b.subscribe(ch, OTHER, (note) => first.push(note));
    await linked(a, ch, first);
    removeFirst();
    const second: Note[] = [];
    b.subscribe(ch, OTHER, (note) => second.push(note));
    await linked(a, ch, second);
    expect(second.length).toBeGreaterThan(0);
  });
});
