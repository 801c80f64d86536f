import type { Cluster } from 'ioredis';
import { connectRedis } from '../../test/support/redis-connections';
import { eventually, redisCli, startRedisCluster } from '../../test/support/redis';
import { keySlot } from './key-slot';
import type { RedisConnections } from './redis-connections';
import { ShardedSubscriber } from './sharded-subscriber';

/**
 * Against a real 3-master Cluster: every channel is subscribed on the master of its slot, again
 * after every node restarted (and `ready` only once it is), and again on the new master after
 * its slot moved (`ready` all the while: a migration takes nothing away).
 */
describe('ShardedSubscriber', () => {
  let cluster: Awaited<ReturnType<typeof startRedisCluster>>;
  let redis: RedisConnections;
  let sub: ShardedSubscriber;
  const received: string[] = [];
  // Enough channels that each of the three masters holds some (checked below).
  const channels = Array.from({ length: 30 }, (_, i) => `shard-spec:${i}`);
  const cmd = () => redis.cmd as Cluster;
  const publishAll = (tag: string, list = channels) => Promise.all(list.map((channel) => cmd().spublish(channel, `${tag}:${channel}`)));
  const arrived = (tag: string) => received.filter((message) => message.startsWith(`${tag}:`)).sort();
  const expected = (tag: string, list = channels) => list.map((channel) => `${tag}:${channel}`).sort();

  beforeAll(async () => {
    cluster = await startRedisCluster(3);
    redis = await connectRedis(cluster.url, 'spec:', true);
    sub = redis.sub as ShardedSubscriber;
    sub.on('smessageBuffer', (_channel: Buffer, message: Buffer) => received.push(message.toString()));
    sub.add(channels);
    await eventually(() => sub.status === 'ready', 'all channels subscribed');
  }, 60000);
  afterAll(async () => {
    await redis?.quit();
    await cluster?.close();
  });

  it('should get each message of a wanted channel once, on whichever master it lives', async () => {
    expect(new Set(channels.map((channel) => cmd().slots[keySlot(channel)][0])).size).toBe(3);
    await publishAll('first');
    await eventually(() => arrived('first').length === channels.length, 'every message');
    expect(arrived('first')).toEqual(expected('first'));

    const [kept, removed] = [channels.slice(0, 15), channels.slice(15)];
    sub.remove(removed);
    await publishAll('after-remove');
    await eventually(() => arrived('after-remove').length === kept.length, 'the kept channels');
    await publishAll('marker', kept); // published after the removed ones' messages, on the same masters
    await eventually(() => arrived('marker').length === kept.length, 'the markers');
    expect(arrived('after-remove')).toEqual(expected('after-remove', kept));
    sub.add(removed);
    await eventually(() => sub.status === 'ready', 'the channels added again');
  });

  it('should be ready after every node restarted only once every channel is subscribed again', async () => {
    await Promise.all(cluster.nodes.map((node) => node.stop()));
    await eventually(() => sub.status !== 'ready', 'not ready while the Cluster is down');
    const ready = new Promise((resolve) => sub.once('ready', resolve));
    await Promise.all(cluster.nodes.map((node) => node.restart()));
    await ready;
    // Ready means subscribed: what is published from now on arrives, on the first try.
    await eventually(() => redis.cmd.status === 'ready', 'the command client back');
    await publishAll('restarted');
    await eventually(() => arrived('restarted').length === channels.length, 'every message after the restart');
    expect(arrived('restarted')).toEqual(expected('restarted'));
  }, 30000);

  it('should follow a channel whose slot moved to another master, ready all along', async () => {
    // Leaving `ready` would tell the bus Redis is away (takeovers held, every record rewritten).
    const statuses: string[] = [];
    const record = (status: string) => () => statuses.push(status);
    sub.on('close', record('close')).on('ready', record('ready'));
    const channel = channels[0];
    const slot = keySlot(channel);
    const ports = cluster.nodes.map((node) => node.port);
    const owner = cmd().slots[slot][0];
    const source = ports.find((port) => owner.endsWith(`:${port}`)) as number;
    const target = ports.find((port) => port !== source) as number;
    const targetId = await redisCli(target, 'CLUSTER', 'MYID');
    // The slot holds no keys: assigning it is the whole migration (target first, as redis-cli does).
    for (const port of [target, source, ...ports.filter((p) => p !== source && p !== target)]) {
      await redisCli(port, 'CLUSTER', 'SETSLOT', String(slot), 'NODE', targetId);
    }
    // Published through the Cluster client (it follows MOVED to the new master) until one arrives there.
    let n = 0;
    await eventually(async () => {
      await cmd().spublish(channel, `moved:${channel}:${++n}`);
      return arrived('moved').length > 0;
    }, 'a message on the moved channel', 15000, 200);
    // Every channel still arrives (the old master's others were sent again after its notice).
    await publishAll('after-move');
    await eventually(() => arrived('after-move').length === channels.length, 'every channel after the move');
    expect(arrived('after-move')).toEqual(expected('after-move'));
    expect(statuses).toEqual([]);
    expect(sub.status).toBe('ready');
  }, 30000);
});
