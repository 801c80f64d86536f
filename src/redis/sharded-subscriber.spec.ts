import type { Cluster } from 'ioredis';
import { connectRedis } from '../../test/support/redis-connections';
import { eventually, RedisServer, redisCli, startRedisCluster } from '../../test/support/redis';
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

  /** Records the status events from now on (leaving `ready` would tell the bus Redis is away: takeovers held, every record rewritten). */
  const watchStatus = () => {
    const statuses: string[] = [];
    const onClose = () => statuses.push('close');
    const onReady = () => statuses.push('ready');
    sub.on('close', onClose).on('ready', onReady);
    return { statuses, stop: () => sub.off('close', onClose).off('ready', onReady) };
  };

  /**
   * Moves the (keyless) slot of `channel` to the node on `targetPort`, then publishes on it
   * through the Cluster client (which follows MOVED) until a message arrives, and on every
   * channel once more: all must arrive (the old master's other channels were sent again too).
   */
  const moveAndCheck = async (channel: string, targetPort: number, tag: string) => {
    const slot = keySlot(channel);
    const ports = cluster.nodes.map((node) => node.port);
    const source = ports.find((port) => cmd().slots[slot][0].endsWith(`:${port}`)) as number;
    const targetId = await redisCli(targetPort, 'CLUSTER', 'MYID');
    // The target's claim must win over the old owner's in the Cluster's gossip: the highest config
    // epoch (a master added with epoch 0 lost the slot back now and then without this).
    await redisCli(targetPort, 'CLUSTER', 'BUMPEPOCH');
    // The slot holds no keys: assigning it is the whole migration (target first, as redis-cli does).
    for (const port of [targetPort, source, ...ports.filter((p) => p !== source && p !== targetPort)]) {
      await redisCli(port, 'CLUSTER', 'SETSLOT', String(slot), 'NODE', targetId);
    }
    let n = 0;
    await eventually(async () => {
      await cmd().spublish(channel, `${tag}:${channel}:${++n}`);
      return arrived(tag).length > 0;
    }, 'a message on the moved channel', 15000, 200);
    await publishAll(`${tag}-all`);
    await eventually(() => arrived(`${tag}-all`).length === channels.length, 'every channel after the move');
    expect(arrived(`${tag}-all`)).toEqual(expected(`${tag}-all`));
  };

  it('should follow a channel whose slot moved to another master, ready all along', async () => {
    const watch = watchStatus();
    const channel = channels[0];
    const owner = cmd().slots[keySlot(channel)][0];
    const target = cluster.nodes.map((node) => node.port).find((port) => !owner.endsWith(`:${port}`)) as number;
    await moveAndCheck(channel, target, 'moved');
    watch.stop();
    expect(watch.statuses).toEqual([]);
    expect(sub.status).toBe('ready');
  }, 30000);

  /** Starts one more master and waits until every node of the Cluster knows it (it holds no slots yet). */
  const addMaster = async () => {
    const added = await RedisServer.start(['--cluster-enabled', 'yes', '--cluster-node-timeout', '2000']);
    cluster.nodes.push(added); // closed with the others
    const addedId = await redisCli(added.port, 'CLUSTER', 'MYID');
    await redisCli(cluster.nodes[0].port, 'CLUSTER', 'MEET', '127.0.0.1', String(added.port));
    await eventually(
      async () => (await Promise.all(cluster.nodes.map((node) => redisCli(node.port, 'CLUSTER', 'NODES')))).every((nodes) => nodes.split('\n').length === cluster.nodes.length && nodes.includes(addedId)),
      'every node knows the new one',
      20000,
      100,
    );
    return added;
  };

  it('should follow a channel whose slot moved to a master just added to the Cluster, ready all along', async () => {
    const added = await addMaster();
    const watch = watchStatus();
    await moveAndCheck(channels[1], added.port, 'to-new');
    watch.stop();
    expect(watch.statuses).toEqual([]);
    expect(sub.status).toBe('ready');
    // The new master serves the slot now (its own view; the client's table may lag a refresh).
    const mine = (await redisCli(added.port, 'CLUSTER', 'NODES')).split('\n').find((line) => line.includes('myself'));
    expect(mine?.split(' ').slice(8)).toEqual([String(keySlot(channels[1]))]);
  }, 40000);
});
