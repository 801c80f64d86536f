import { type RunningGateway, startGateway } from '../support/gateway';
import { eventually, type RedisServer, startRedis } from '../support/redis';
import { TestClient } from '../support/test-client';

/** Redis goes away and comes back (empty): local service goes on, cross-instance service returns. */
describe('Redis stopped and restarted under two instances', () => {
  let redis: RedisServer;
  let gw1: RunningGateway;
  let gw2: RunningGateway;
  const clients: TestClient[] = [];
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  const readyStatus = async (gw: RunningGateway) => (await fetch(`${gw.httpUrl}/ready`)).status;

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    redis = await startRedis();
    const env = { REDIS_URL: redis.url, TICK_RATE: '20', REDIS_MAX_RETRY_DELAY_MS: '200' };
    [gw1, gw2] = await Promise.all([startGateway(env), startGateway(env)]);
    await eventually(async () => (await readyStatus(gw1)) === 200 && (await readyStatus(gw2)) === 200, 'both ready', 20000);
  }, 60000);
  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    await Promise.all(clients.map((client) => client.close()));
    await Promise.all([gw1?.close(), gw2?.close()]);
    await redis?.close();
  }, 30000);

  it('should keep serving local rooms while Redis is down and bridge again once it is back', async () => {
    const connect = async (gw: RunningGateway) => {
      const result = await TestClient.connectWelcomed(gw.wsUrl);
      clients.push(result.client);
      return result;
    };
    const a = await connect(gw1);
    const b = await connect(gw2);
    a.client.send('join_room', { room_id: 'shared', user_id: 'alice' });
    await a.client.next('room_joined', undefined, 10000);
    b.client.send('join_room', { room_id: 'shared', user_id: 'bob' });
    await b.client.next('room_joined', undefined, 10000);

    await redis.stop();
    await eventually(async () => (await readyStatus(gw1)) === 503 && (await readyStatus(gw2)) === 503, '/ready 503 on both');

    // Local service: alice's room runs on her instance.
    a.client.send('game_action', { room_id: 'shared', action: 'move', position: { x: 1, y: 1, z: 0 }, input_seq: 1 });
    await a.client.next('sync', (f) => f.payload.players.some((p) => p.last_input_seq === 1), 10000);
    // A room that starts while Redis is away runs where it started.
    const c = await connect(gw2);
    c.client.send('join_room', { room_id: 'offline', user_id: 'carol' });
    await c.client.next('room_joined', undefined, 10000);
    c.client.send('chat', { room_id: 'offline', text: 'anyone?' });
    await c.client.next('chat', undefined, 10000);

    await redis.restart();
    const back = Date.now();
    await eventually(async () => (await readyStatus(gw1)) === 200 && (await readyStatus(gw2)) === 200, '/ready 200 on both', 10000);
    // Cross-instance again: bob's chat (forwarded to alice's instance) reaches alice. A message
    // published in the instant before a subscription is restored may be dropped, so retry.
    let n = 0;
    await eventually(
      async () => {
        b.client.send('chat', { room_id: 'shared', text: `back ${++n}` });
        await a.client.next('chat', (f) => f.payload.text.startsWith('back'), 1000);
        return true;
      },
      'chat from bob to alice across instances',
      10000,
      0,
    );
    expect(Date.now() - back).toBeLessThan(10000);
    expect(rejections).toEqual([]);
  }, 60000);
});
