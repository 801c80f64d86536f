import { type RunningGateway, startGateway } from '../support/gateway';
import { type GatewayProcess, startGatewayProcess } from '../support/gateway-process';
import { eventually, redisCli, type RedisServer, startRedis } from '../support/redis';
import { TestClient } from '../support/test-client';

/** The instance running a room is killed (-9): another instance with members continues it. */
describe('room failover between instances', () => {
  let redis: RedisServer;
  let owner: GatewayProcess;
  let survivor: RunningGateway;
  const clients: TestClient[] = [];
  const ROOM_LEASE_MS = 1000;
  const env = () => ({ REDIS_URL: redis.url, TICK_RATE: '20', ROOM_LEASE_MS: String(ROOM_LEASE_MS), ROOM_SNAPSHOT_INTERVAL_MS: '100' });

  beforeAll(async () => {
    redis = await startRedis();
    [owner, survivor] = await Promise.all([startGatewayProcess(env()), startGateway(env())]);
  }, 90000);
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await owner?.kill();
    await survivor?.close();
    await redis?.close();
  }, 30000);

  it('should continue the room from its snapshot with a short sync gap and no player_left', async () => {
    const room = 'failover';
    const a = await TestClient.connectWelcomed(owner.wsUrl);
    const b = await TestClient.connectWelcomed(survivor.wsUrl);
    clients.push(a.client, b.client);
    a.client.send('join_room', { room_id: room, user_id: 'alice' });
    await a.client.next('room_joined', undefined, 10000);
    b.client.send('join_room', { room_id: room, user_id: 'bob' });
    await b.client.next('room_joined', undefined, 10000);

    b.client.send('game_action', { room_id: room, action: 'move', position: { x: 5, y: 6, z: 0 }, input_seq: 1 });
    a.client.send('game_action', { room_id: room, action: 'move', position: { x: -3, y: 2, z: 0 }, input_seq: 1 });
    const before = await b.client.next('sync', (f) => f.payload.players.every((p) => p.last_input_seq === 1), 10000);
    // The owner has persisted at least that frame.
    const stateKey = `gw:{r:${room}}:state`;
    await eventually(async () => JSON.parse((await redisCli(redis.port, 'GET', stateKey)) || '{"frameNum":0}').frameNum >= before.payload.frame_num, 'snapshot persisted');

    await owner.kill();
    const killedAt = Date.now();
    // Frames never go backwards: the first one above everything seen comes from the new owner.
    const lastSeen = Math.max(...b.client.received('sync').map((f) => f.payload.frame_num));
    const after = await b.client.next('sync', (f) => f.payload.frame_num > lastSeen, 15000);
    // The new owner takes the room once the dead owner's lease ran out (at most ROOM_LEASE_MS) and
    // its next housekeeping pass saw it: about one lease (942 ms seen). Five leases is generous for
    // a shared box, and still far below what a missed takeover would cost (the 15 s wait above).
    const gapMs = Date.now() - killedAt;
    expect(gapMs).toBeLessThan(5 * ROOM_LEASE_MS);
    const byId = new Map(after.payload.players.map((p) => [p.player_id, p]));
    expect(byId.get('bob')!.position).toEqual({ x: 5, y: 6, z: 0 });
    expect(byId.get('alice')!.position).toEqual({ x: -3, y: 2, z: 0 }); // seat kept for the resume grace
    expect(byId.get('bob')!.last_input_seq).toBe(1);

    b.client.send('game_action', { room_id: room, action: 'move', position: { x: 9, y: 9, z: 0 }, input_seq: 2 });
    const moved = await b.client.next('sync', (f) => f.payload.players.some((p) => p.last_input_seq === 2), 10000);
    expect(moved.payload.frame_num).toBeGreaterThan(after.payload.frame_num);
    await b.client.barrier();
    expect(b.client.received('player_left')).toHaveLength(0);
  }, 60000);
});
