import WebSocket from 'ws';
import { GameClient } from '../../client/src';
import { INSTANCE_ID } from '../../src/common';
import { ConnectionPool } from '../../src/connection';
import { RoomRegistry } from '../../src/rooms';
import { type RunningGateway, startGateway, untilReady } from '../support/gateway';
import { eventually, freePort, redisCli, type RedisServer, startRedis } from '../support/redis';
import { TestClient } from '../support/test-client';

/**
 * Room placement (issue #15 item 5) over real sockets: two instances bridged by a redis-server of
 * the test's own, each with PUBLIC_URL. A join with `redirect` for a room run on the other
 * instance is answered ROOM_ELSEWHERE with that instance's URL and seats nobody; a client that
 * follows it (by hand, or the SDK's `followRoomOwner`) ends up on the room's instance, with no
 * member behind the hop. Run once with `redirects()` in RoomOwnerCommands returning false (no
 * redirects): the first, second and fourth tests failed (the joiners were seated behind the hop);
 * the third and fifth, which expect the hop, passed.
 */
describe('room placement: join_room.redirect and ROOM_ELSEWHERE over two instances', () => {
  let redis: RedisServer;
  let owner: RunningGateway;
  let other: RunningGateway;
  const clients: TestClient[] = [];
  const sdkClients: GameClient[] = [];
  const publicUrl = (port: number) => `ws://127.0.0.1:${port}/ws`;

  const connect = async (gw: RunningGateway | string) => {
    const result = await TestClient.connectWelcomed(typeof gw === 'string' ? gw : gw.wsUrl);
    clients.push(result.client);
    return result;
  };
  /** Members of `roomId` on the instance that runs it: client id → the instance their socket is on. */
  const memberInstances = (roomId: string) => {
    const room = owner.app.get(RoomRegistry).get(roomId);
    const here = owner.app.get<string>(INSTANCE_ID);
    return new Map([...(room?.members.values() ?? [])].map((m) => [m.clientId, m.instanceId ?? here]));
  };
  /** Instances subscribed to a room's channel: 1 when every member is local to its owner. */
  const roomSubscribers = async (roomId: string) => Number((await redisCli(redis.port, 'PUBSUB', 'NUMSUB', `gw:room:${roomId}`)).split('\n')[1] ?? 0);

  beforeAll(async () => {
    redis = await startRedis();
    const ports = [await freePort(), await freePort()];
    const env = (port: number) => ({ REDIS_URL: redis.url, PORT: String(port), PUBLIC_URL: publicUrl(port), RESUME_TOKEN_SECRET: 'placement-e2e-secret-0123456789abcdef' });
    // One after the other: startGateway applies `env` to process.env while the app reads its configuration.
    owner = await startGateway(env(ports[0]));
    other = await startGateway(env(ports[1]));
    await untilReady([owner, other], 'both instances ready');
  }, 60000);
  afterEach(async () => {
    for (const client of sdkClients.splice(0)) client.close();
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });
  afterAll(async () => {
    await Promise.all([owner?.close(), other?.close()]);
    await redis?.close();
  }, 30000);

  /** A player on `owner` creates the room (with `redirect`: a new room is created where the joiner is). */
  async function roomOnOwner(roomId: string) {
    const first = await connect(owner);
    first.client.send('join_room', { room_id: roomId, user_id: 'first', redirect: true }, 'j0');
    await first.client.next('room_joined', undefined, 10000);
    expect(memberInstances(roomId)).toEqual(new Map([[first.clientId, owner.app.get(INSTANCE_ID)]]));
    return first;
  }

  it('should answer a redirect join for a room run on the other instance with ROOM_ELSEWHERE naming its PUBLIC_URL, and seat nobody', async () => {
    const roomId = 'placed-hint';
    const first = await roomOnOwner(roomId);
    const joiner = await connect(other);
    joiner.client.send('join_room', { room_id: roomId, user_id: 'second', redirect: true }, 'j1');
    const refusal = await joiner.client.next('error', undefined, 10000);
    expect(refusal.payload).toEqual(expect.objectContaining({ code: 'ROOM_ELSEWHERE', owner_url: publicUrl(owner.port), ref_type: 'join_room', ref_id: 'j1' }));
    // Nothing changed: the joiner is in no room, and the room still has only its first player.
    await joiner.client.barrier();
    await first.client.barrier();
    expect(joiner.client.received('room_joined')).toHaveLength(0);
    expect(first.client.received('player_joined')).toHaveLength(0);
    expect([...memberInstances(roomId).keys()]).toEqual([first.clientId]);
    expect(other.app.get(ConnectionPool).get(joiner.clientId)?.rooms.size).toBe(0);
  });

  it('should put a client that follows owner_url on the room\'s instance: no member behind the hop, one subscriber of the room channel', async () => {
    const roomId = 'placed-follow';
    const first = await roomOnOwner(roomId);
    const landed = await connect(other);
    landed.client.send('join_room', { room_id: roomId, user_id: 'second', redirect: true }, 'j1');
    const { payload } = await landed.client.next('error', (e) => e.payload.code === 'ROOM_ELSEWHERE', 10000);
    await landed.client.close();
    const moved = await connect(payload.owner_url!);
    moved.client.send('join_room', { room_id: roomId, user_id: 'second', redirect: true }, 'j2');
    const joined = await moved.client.next('room_joined', undefined, 10000);
    expect(joined.payload.players.map((p) => p.player_id).sort()).toEqual(['first', 'second']);
    const here = owner.app.get<string>(INSTANCE_ID);
    expect(memberInstances(roomId)).toEqual(new Map([[first.clientId, here], [moved.clientId, here]]));
    expect(await roomSubscribers(roomId)).toBe(1);
  });

  it('should still seat a join without redirect behind the hop (the member instance differs and both instances subscribe)', async () => {
    const roomId = 'placed-none';
    await roomOnOwner(roomId);
    const remote = await connect(other);
    remote.client.send('join_room', { room_id: roomId, user_id: 'second' }, 'j1');
    await remote.client.next('room_joined', undefined, 10000);
    expect(memberInstances(roomId).get(remote.clientId)).toBe(other.app.get(INSTANCE_ID));
    await eventually(async () => (await roomSubscribers(roomId)) === 2, 'both instances on the room channel');
  });

  it('should move an SDK client with followRoomOwner to the room\'s instance before it joins, and reconnect there after a drop', async () => {
    const roomId = 'placed-sdk';
    const first = await roomOnOwner(roomId);
    const client = new GameClient(other.wsUrl, { WebSocket: WebSocket as never, followRoomOwner: true, reconnect: { baseMs: 20, capMs: 200 } });
    sdkClients.push(client);
    const welcomes: string[] = [];
    client.on('welcome', (frame) => welcomes.push(frame.payload.client_id));
    await client.connect();
    const room = await client.join(roomId, { userId: 'sdk' });
    expect(client.url).toBe(publicUrl(owner.port));
    expect(welcomes).toHaveLength(2);
    expect(client.clientId).toBe(welcomes[1]);
    expect(owner.app.get(ConnectionPool).get(client.clientId!)).toBeDefined();
    const here = owner.app.get<string>(INSTANCE_ID);
    expect(memberInstances(roomId)).toEqual(new Map([[first.clientId, here], [client.clientId!, here]]));
    expect(room.id).toBe(roomId);

    // A drop: the SDK comes back to the room's instance and resumes there.
    const resumed = new Promise((resolve) => client.on('resumed', resolve));
    owner.app.get(ConnectionPool).get(client.clientId!)!.socket.terminate();
    await resumed;
    expect(memberInstances(roomId).get(client.clientId!)).toBe(here);
    expect(owner.app.get(ConnectionPool).get(client.clientId!)).toBeDefined();
  });

  it('should not move an SDK client that is already in a room: it joins where it is', async () => {
    const roomId = 'placed-busy';
    await roomOnOwner(roomId);
    const client = new GameClient(other.wsUrl, { WebSocket: WebSocket as never, followRoomOwner: true });
    sdkClients.push(client);
    await client.connect();
    await client.join('placed-busy-lobby', { userId: 'busy' });
    await client.join(roomId, { userId: 'busy' });
    expect(client.url).toBe(other.wsUrl);
    expect(memberInstances(roomId).get(client.clientId!)).toBe(other.app.get(INSTANCE_ID));
  });
});
