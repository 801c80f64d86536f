import { useGatewayPair } from '../support/gateway-pair';
import { TestClient } from '../support/test-client';

/** A session parked in Redis expires on whichever instance sweeps first; the seat is freed where its room runs. */
describe('resume grace across instances', () => {
  const clients: TestClient[] = [];
  // Before the pair's: the clients close before the instances (jest runs afterAll hooks in the order declared).
  afterAll(() => Promise.all(clients.map((client) => client.close())));
  const env = { RESUME_TOKEN_SECRET: 'redis-grace-e2e-secret-0123456789abcdef', RESUME_GRACE_MS: '300', RESUME_SWEEP_INTERVAL_MS: '50' };
  const { gateways: [g1, g2] } = useGatewayPair('standalone', env);

  it('should tell the others "timeout" once the grace of a session parked on another instance runs out', async () => {
    const host = await TestClient.connectWelcomed(g1.wsUrl);
    const mover = await TestClient.connectWelcomed(g2.wsUrl);
    clients.push(host.client, mover.client);
    host.client.send('join_room', { room_id: 'grace-across', user_id: 'host' });
    await host.client.next('room_joined', undefined, 10000);
    mover.client.send('join_room', { room_id: 'grace-across', user_id: 'mover' });
    await mover.client.next('room_joined', undefined, 10000);
    mover.client.socket.terminate();
    const left = await host.client.next('player_left', undefined, 15000);
    expect(left.payload).toEqual(expect.objectContaining({ client_id: mover.clientId, reason: 'timeout' }));

    const late = await TestClient.connect(g1.wsUrl);
    clients.push(late);
    const { session_id, resume_token } = mover.welcome.payload;
    late.send('resume', { session_id, resume_token, rooms: { 'grace-across': 1 } });
    expect((await late.next('error', undefined, 10000)).payload.code).toBe('RESUME_FAILED');
  }, 60000);
});
