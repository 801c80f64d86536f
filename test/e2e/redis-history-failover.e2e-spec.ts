import { type RunningGateway, startGateway } from '../support/gateway';
import { type GatewayProcess, startGatewayProcess } from '../support/gateway-process';
import { eventually, redisCli, type RedisServer, startRedis } from '../support/redis';
import { TestClient } from '../support/test-client';

const SECRET = 'redis-history-e2e-secret-0123456789abcdef';

/** The owner dies (-9): the instance taking the room over continues its history, so a resume still replays. */
describe('history replay after an owner failover', () => {
  let redis: RedisServer;
  let owner: GatewayProcess;
  let survivor: RunningGateway;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    const env = { REDIS_URL: redis.url, RESUME_TOKEN_SECRET: SECRET, ROOM_LEASE_MS: '1000', ROOM_SNAPSHOT_INTERVAL_MS: '100' };
    [owner, survivor] = await Promise.all([startGatewayProcess(env), startGateway(env)]);
  }, 90000);
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await owner?.kill();
    await survivor?.close();
    await redis?.close();
  }, 30000);

  it('should replay what a parked client missed before the failover, in the same epoch, with offsets going on', async () => {
    const room = 'failover-history';
    const alice = await TestClient.connectWelcomed(owner.wsUrl);
    const bob = await TestClient.connectWelcomed(survivor.wsUrl);
    const carol = await TestClient.connectWelcomed(survivor.wsUrl);
    clients.push(alice.client, bob.client, carol.client);
    for (const [who, name] of [[alice, 'alice'], [bob, 'bob'], [carol, 'carol']] as const) {
      who.client.send('join_room', { room_id: room, user_id: name });
      await who.client.next('room_joined', undefined, 10000);
    }
    const carolJoined = carol.client.received('room_joined')[0];
    carol.client.socket.terminate();
    bob.client.send('chat', { room_id: room, text: 'before the failover' });
    const missed = await bob.client.next('chat', (f) => f.payload.text === 'before the failover', 10000);
    await eventually(async () => Number(await redisCli(redis.port, 'XLEN', `gw:{r:${room}}:history`)) >= 4, 'history written to the stream', 20000);
    // A snapshot with all three seats, so that the successor's frames go on from it.
    await eventually(async () => (JSON.parse((await redisCli(redis.port, 'GET', `gw:{r:${room}}:state`)) || '{"members":[]}').members.length === 3), 'room snapshot persisted', 20000);

    await owner.kill();
    const lastSeen = Math.max(0, ...bob.client.received('sync').map((f) => f.payload.frame_num));
    // The survivor runs the room once a frame above everything seen arrives (its first sync).
    await bob.client.next('sync', (f) => f.payload.frame_num > lastSeen, 20000);

    const resumed = await TestClient.connect(survivor.wsUrl);
    clients.push(resumed);
    const { session_id, resume_token } = carol.welcome.payload;
    resumed.send('resume', { session_id, resume_token, rooms: { [room]: carolJoined.payload.offset } });
    await resumed.next('welcome', (f) => f.payload.client_id === carol.clientId, 10000);
    expect(resumed.received('chat').map((f) => [f.payload.text, f.offset])).toEqual([['before the failover', missed.offset]]);
    expect(resumed.received('room_joined')[0].payload).toEqual(expect.objectContaining({ recovered: true, epoch: carolJoined.payload.epoch }));

    bob.client.send('chat', { room_id: room, text: 'after the failover' });
    const after = await resumed.next('chat', (f) => f.payload.text === 'after the failover', 10000);
    expect(after.offset).toBe(missed.offset! + 1);
    await bob.client.barrier();
    expect(bob.client.received('player_left')).toHaveLength(0);
  }, 90000);
});
