import type { RunningGateway } from '../support/gateway';
import { useGatewayPair } from '../support/gateway-pair';
import { sampleValue, scrapeMetrics } from '../support/prometheus-text';
import { eventually, type Topology } from '../support/redis';
import { TestClient } from '../support/test-client';
import { useUnhandledRejections } from '../support/unhandled-rejections';

/**
 * Redis goes away and comes back (empty): local service goes on, cross-instance service returns.
 * On a cluster, every node is stopped and restarted (each keeps its cluster config, not its data).
 */
describe.each<Topology>(['standalone', 'cluster'])('Redis stopped and restarted under two instances (%s)', (topology) => {
  const clients: TestClient[] = [];
  const rejections = useUnhandledRejections();
  const readyStatus = async (gw: RunningGateway) => (await fetch(`${gw.httpUrl}/ready`)).status;
  // Before the pair's: the clients close before the instances (jest runs afterAll hooks in the order declared).
  afterAll(() => Promise.all(clients.map((client) => client.close())));
  // Sessions are swept every 100 ms, so that sweeps surely fall inside the outage: the gateway
  // must stay quiet through them (/ready says Redis is away). Today SessionLifecycle.sweep() logs
  // an error with the stack pasted into msg on every pass while Redis is away, which fails this
  // test (reported; src/gateway/session-lifecycle.service.ts is being moved, not changed here).
  const env = { TICK_RATE: '20', REDIS_MAX_RETRY_DELAY_MS: '200', RESUME_SWEEP_INTERVAL_MS: '100' };
  const { redis, gateways: [gw1, gw2] } = useGatewayPair(topology, env);

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

    const busDown = async (gw: RunningGateway) =>
      sampleValue(await scrapeMetrics(gw.httpUrl), 'gateway_dropped_frames_total', { reason: 'bus_down' }) ?? 0;
    expect(await busDown(gw1)).toBe(0);

    await Promise.all(redis.nodes.map((node) => node.stop()));
    await eventually(async () => (await readyStatus(gw1)) === 503 && (await readyStatus(gw2)) === 503, '/ready 503 on both');

    // Local service: alice's room runs on her instance.
    a.client.send('game_action', { room_id: 'shared', action: 'move', position: { x: 1, y: 1, z: 0 }, input_seq: 1 });
    await a.client.next('sync', (f) => f.payload.players.some((p) => p.last_input_seq === 1), 10000);
    // Her room's broadcasts to bob's instance cannot cross: each is dropped and counted, never
    // queued (a cluster client may take a moment to give up on a publish).
    await eventually(async () => (await busDown(gw1)) > 0, 'a bus_down drop counted in /metrics');
    // A room that starts while Redis is away runs where it started.
    const c = await connect(gw2);
    c.client.send('join_room', { room_id: 'offline', user_id: 'carol' });
    await c.client.next('room_joined', undefined, 10000);
    c.client.send('chat', { room_id: 'offline', text: 'anyone?' });
    await c.client.next('chat', undefined, 10000);

    await Promise.all(redis.nodes.map((node) => node.restart()));
    await eventually(async () => (await readyStatus(gw1)) === 200 && (await readyStatus(gw2)) === 200, '/ready 200 on both', 10000);
    // Once both say ready, cross-instance delivery is whole again: bob's chats (forwarded to
    // alice's instance, the room's owner) reach alice, each on its first send, all of them, in order.
    const texts = ['back 1', 'back 2', 'back 3'];
    for (const text of texts) b.client.send('chat', { room_id: 'shared', text });
    for (const text of texts) await a.client.next('chat', (f) => f.payload.text === text, 5000);
    expect(a.client.received('chat').map((f) => f.payload.text)).toEqual(texts);
    expect(rejections).toEqual([]);
  }, 60000);
});
