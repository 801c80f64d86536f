import { type RunningGateway, startGateway } from '../support/gateway';
import { type GatewayProcess, startGatewayProcess } from '../support/gateway-process';
import { eventually, startRedisTopology, type TestRedis, type Topology } from '../support/redis';
import { RoomRegistry } from '../../src/rooms';
import type { StateDescription } from '../../src/state';
import { mirrorView, serverView, StateClient } from '../support/state-client';
import { TestClient } from '../support/test-client';

const ROOM_LEASE_MS = 1000;
const ROOM_FORWARD_TIMEOUT_MS = 400;
const CLIENT_REGISTRY_TTL_MS = 1500;

interface Deployment {
  redis: TestRedis;
  owner: GatewayProcess;
  survivor: RunningGateway;
}

/**
 * The instance running a room is killed (-9): another instance with members continues it. Both
 * topologies' servers start together, once for the file (a Redis, a child-process owner and an
 * in-process survivor each), and both `describe`s share them.
 */
const deployments = new Map<Topology, Deployment>();
beforeAll(async () => {
  await Promise.all(
    (['standalone', 'cluster'] as const).map(async (topology) => {
      const redis = await startRedisTopology(topology);
      const env = {
        ...redis.env,
        TICK_RATE: '20',
        ROOM_LEASE_MS: String(ROOM_LEASE_MS),
        ROOM_SNAPSHOT_INTERVAL_MS: '100',
        ROOM_FORWARD_TIMEOUT_MS: String(ROOM_FORWARD_TIMEOUT_MS),
        CLIENT_REGISTRY_TTL_MS: String(CLIENT_REGISTRY_TTL_MS),
      };
      const [owner, survivor] = await Promise.all([startGatewayProcess(env), startGateway(env)]);
      const ready = async (url: string) => (await fetch(`${url}/ready`)).status === 200;
      await eventually(async () => (await ready(owner.httpUrl)) && (await ready(survivor.httpUrl)), 'both instances ready', 20000);
      deployments.set(topology, { redis, owner, survivor });
    }),
  );
}, 120000);
afterAll(async () => {
  for (const { redis, owner, survivor } of deployments.values()) {
    owner.resume();
    await owner.kill();
    await survivor.close();
    await redis.close();
  }
}, 30000);

describe.each<Topology>(['standalone', 'cluster'])('room failover between instances (%s)', (topology) => {
  const clients: TestClient[] = [];
  let d: Deployment;
  /** The failover test's players, for the registry test after it. */
  let alice: { clientId: string };
  let bob: { clientId: string; connectedAt: number };
  beforeAll(() => {
    d = deployments.get(topology)!;
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
  });
  const connect = async (url: string) => {
    const connected = await TestClient.connectWelcomed(url);
    clients.push(connected.client);
    return connected;
  };

  // Runs before the owner is killed below. Deliberate break tried: the bridge's request timer at
  // 60 s instead of ROOM_FORWARD_TIMEOUT_MS leaves this join unanswered and the test fails.
  it('should answer a join forwarded to a hung owner with INTERNAL after ROOM_FORWARD_TIMEOUT_MS', async () => {
    const room = 'hung-owner';
    const a = await connect(d.owner.wsUrl);
    a.client.send('join_room', { room_id: room, user_id: 'alice' });
    await a.client.next('room_joined', undefined, 10000);
    const c = await connect(d.survivor.wsUrl);
    d.owner.pause(); // well under ROOM_LEASE_MS: the owner keeps the room
    const sentAt = Date.now();
    c.client.send('join_room', { room_id: room, user_id: 'carol' }, 'join-1');
    const error = await c.client.next('error', undefined, 10000);
    const waitedMs = Date.now() - sentAt;
    d.owner.resume();
    expect(error.payload).toEqual(expect.objectContaining({ code: 'INTERNAL', ref_id: 'join-1' }));
    expect(waitedMs).toBeGreaterThanOrEqual(ROOM_FORWARD_TIMEOUT_MS - 50);
    expect(waitedMs).toBeLessThan(ROOM_LEASE_MS);
    await a.client.barrier(); // the owner serves again
  });

  it('should continue the room from its snapshot with a short sync gap and no player_left', async () => {
    const room = 'failover';
    const a = await connect(d.owner.wsUrl);
    const b = await connect(d.survivor.wsUrl);
    [alice, bob] = [a, { clientId: b.clientId, connectedAt: Date.now() }];
    a.client.send('join_room', { room_id: room, user_id: 'alice' });
    await a.client.next('room_joined', undefined, 10000);
    b.client.send('join_room', { room_id: room, user_id: 'bob' });
    await b.client.next('room_joined', undefined, 10000);
    // A v2 client on the survivor too: its mirror must survive the owner change.
    const { state: carol } = await StateClient.connect(d.survivor.wsUrl, 'proto');
    clients.push(carol.client);
    await carol.join(room, { user_id: 'carol' });

    b.client.send('game_action', { room_id: room, action: 'move', position: { x: 5, y: 6, z: 0 }, input_seq: 1 });
    a.client.send('game_action', { room_id: room, action: 'move', position: { x: -3, y: 2, z: 0 }, input_seq: 1 });
    const moved1 = (f: { payload: { players: { player_id: string; last_input_seq: number }[] } }) =>
      f.payload.players.filter((p) => p.player_id !== 'carol').every((p) => p.last_input_seq === 1);
    const before = await b.client.next('sync', moved1, 10000);
    // The owner has persisted at least that frame.
    const stateKey = `gw:{r:${room}}:state`;
    await eventually(
      async () => JSON.parse((await d.redis.cli('GET', stateKey)) || '{"frameNum":0}').frameNum >= before.payload.frame_num,
      'snapshot persisted',
    );

    await carol.until(room, (r) => r.mirror.entities.size === 4, 'three players in the v2 mirror', 10000);
    const carolBefore = carol.rooms.get(room)!.applied.length;
    await d.owner.kill();
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
    // The new owner's first frame to a v2 client is a keyframe of the restored state (its frames
    // continue above the dead owner's), and the mirror equals what the new owner holds.
    const registry = d.survivor.app.get(RoomRegistry);
    const carolRoom = await carol.until(room, (r) => r.applied.length > carolBefore, 'a frame from the new owner', 15000);
    expect(carolRoom.applied[carolBefore]).toMatch(/^key /);
    expect(carolRoom.refused).toEqual([]);
    await carol.until(room, (r) => JSON.stringify(mirrorView(r)) === JSON.stringify(serverView(registry.get(room)!.state, registry.get(room)!.kind.descriptor as unknown as StateDescription)), 'the v2 mirror to equal the new owner', 10000);

    b.client.send('game_action', { room_id: room, action: 'move', position: { x: 9, y: 9, z: 0 }, input_seq: 2 });
    const moved = await b.client.next('sync', (f) => f.payload.players.some((p) => p.last_input_seq === 2), 10000);
    expect(moved.payload.frame_num).toBeGreaterThan(after.payload.frame_num);
    await b.client.barrier();
    expect(b.client.received('player_left')).toHaveLength(0);
  }, 60000);

  // Runs after the owner was killed above: its entries are no longer refreshed.
  it("should let the dead instance's client entries expire within CLIENT_REGISTRY_TTL_MS, and keep the living one's", async () => {
    const pttl = async (clientId: string) => Number(await d.redis.cli('PTTL', `gw:client:${clientId}`));
    await eventually(async () => (await pttl(alice.clientId)) === -2, "the dead owner's client entry gone", CLIENT_REGISTRY_TTL_MS + 2000);
    // Bob (on the living instance) has been connected longer than one TTL by now: his entry is
    // still there only because it was refreshed, and never for more than the TTL.
    await eventually(() => Date.now() - bob.connectedAt > CLIENT_REGISTRY_TTL_MS, 'one TTL of bob', CLIENT_REGISTRY_TTL_MS + 1000);
    const left = await pttl(bob.clientId);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(CLIENT_REGISTRY_TTL_MS);
  });
});
