import { type RunningGateway, startGateway } from '../support/gateway';
import { useGatewayPair } from '../support/gateway-pair';
import { eventually, redisCli, type Topology } from '../support/redis';
import { TestClient } from '../support/test-client';

/** The cross-instance contract, against a standalone Redis and a 3-master Redis Cluster. */
describe.each<Topology>(['standalone', 'cluster'])('two gateway instances bridged by Redis (%s)', (topology) => {
  const { redis, gateways: [gw1, gw2] } = useGatewayPair(topology, { TICK_RATE: '20' });
  const clients: TestClient[] = [];
  const connect = async (gw: RunningGateway, codec: 'json' | 'proto' = 'json') => {
    const result = await TestClient.connectWelcomed(gw.wsUrl, { codec });
    clients.push(result.client);
    return result;
  };
  /** Subscribers of a room channel, summed over the Redis nodes. */
  const roomSubscribers = async (roomId: string) => {
    const verb = topology === 'cluster' ? 'SHARDNUMSUB' : 'NUMSUB';
    const counts = await Promise.all(redis.nodes.map((n) => redisCli(n.port, 'PUBSUB', verb, `gw:room:${roomId}`)));
    return counts.reduce((sum, out) => sum + Number(out.split('\n')[1] ?? 0), 0);
  };

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });

  /** A on instance 1 joins first (so instance 1 runs the room), then B on instance 2. */
  async function pairInRoom(roomId: string, codecB: 'json' | 'proto' = 'json') {
    const a = await connect(gw1);
    const b = await connect(gw2, codecB);
    a.client.send('join_room', { room_id: roomId, user_id: 'alice' });
    await a.client.next('room_joined', undefined, 10000);
    b.client.send('join_room', { room_id: roomId, user_id: 'bob' });
    const bJoined = await b.client.next('room_joined', undefined, 10000);
    return { a, b, bJoined };
  }

  it('should list members of both instances in room_joined and tell the others once', async () => {
    const { a, b, bJoined } = await pairInRoom(`join-${topology}`, 'proto');
    expect(bJoined.payload.players.map((p) => p.player_id).sort()).toEqual(['alice', 'bob']);
    expect(new Set(bJoined.payload.players.map((p) => p.entity_id)).size).toBe(2);
    const seen = await a.client.next('player_joined', undefined, 10000);
    expect(seen.payload).toEqual(expect.objectContaining({ player_id: 'bob', client_id: b.clientId }));
    expect(seen.offset).toBe(bJoined.payload.offset);
    await a.client.barrier();
    await b.client.barrier();
    expect(a.client.received('player_joined')).toHaveLength(1);
    expect(b.client.received('player_joined')).toHaveLength(0);
  });

  it('should carry room chat both ways with one offset sequence', async () => {
    const room = `chat-${topology}`;
    const { a, b } = await pairInRoom(room);
    b.client.send('chat', { room_id: room, text: 'from bob' }, 'c1');
    const atA = await a.client.next('chat', (f) => f.payload.text === 'from bob', 10000);
    const atB = await b.client.next('chat', (f) => f.payload.text === 'from bob', 10000);
    expect(atA.payload).toEqual(expect.objectContaining({ from_client_id: b.clientId, player_id: 'bob', room_id: room }));
    expect(atA.offset).toBe(atB.offset);
    a.client.send('chat', { room_id: room, text: 'from alice' });
    const second = await b.client.next('chat', (f) => f.payload.text === 'from alice', 10000);
    expect(second.offset).toBe(atA.offset! + 1);
  });

  // DIRECT_MESSAGE_SCOPE=room (the default) across instances: instance 1 runs the room and knows
  // bob's seat itself; instance 2 answers for alice from the room's shared presence. Deliberate
  // break this caught: BridgedRoomRouter.sharesRoom answering only from this instance's seats
  // (no presence lookup) refused bob's message to alice.
  it('should deliver a direct message to a room-mate on the other instance (both ways, with a seq), and refuse one to a client of no shared room', async () => {
    const { a, b } = await pairInRoom(`dm-${topology}`);
    const stranger = await connect(gw2);
    a.client.send('chat', { to_client_id: b.clientId, text: 'psst' }, 'dm');
    const got = await b.client.next('chat', (f) => f.payload.text === 'psst', 10000);
    expect(got.payload).toEqual(expect.objectContaining({ text: 'psst', from_client_id: a.clientId, to_client_id: b.clientId }));
    expect(got.seq).toBe(1);
    await a.client.next('ack', (f) => f.payload.id === 'dm', 10000);
    b.client.send('chat', { to_client_id: a.clientId, text: 'back' }, 'dm-back');
    expect((await a.client.next('chat', (f) => f.payload.text === 'back', 10000)).seq).toBe(1);
    await b.client.next('ack', (f) => f.payload.id === 'dm-back', 10000);

    for (const [from, to] of [[a, stranger], [b, stranger], [stranger, a]] as const) {
      from.client.send('chat', { to_client_id: to.clientId, text: 'hi stranger' }, `dm-${to.clientId}`);
      const refused = await from.client.next('error', (f) => f.payload.ref_id === `dm-${to.clientId}`, 10000);
      expect(refused.payload).toEqual(expect.objectContaining({ code: 'INVALID_PAYLOAD', message: `no recipient "${to.clientId}": a direct message reaches a client in one of your rooms` }));
    }
    await Promise.all([a, stranger].map(({ client }) => client.barrier()));
    expect(stranger.client.received('chat')).toHaveLength(0);
    expect(a.client.received('chat').map((f) => f.payload.text)).toEqual(['back']);
  });

  it("should apply a member's action on the instance running the room and sync it to both", async () => {
    const room = `sync-${topology}`;
    const { a, b } = await pairInRoom(room, 'proto');
    b.client.send('game_action', { room_id: room, action: 'move', position: { x: 7, y: 8, z: 0 }, input_seq: 3 });
    const atA = await a.client.next('sync', (f) => f.payload.players.some((p) => p.last_input_seq === 3), 10000);
    const atB = await b.client.next('sync', (f) => f.payload.frame_num === atA.payload.frame_num, 10000);
    expect(atA.payload.players.find((p) => p.player_id === 'bob')!.position).toEqual({ x: 7, y: 8, z: 0 });
    expect(atB.payload.players).toEqual(atA.payload.players);
  });

  it('should unsubscribe an instance from a room when its last member leaves', async () => {
    const room = `unsub-${topology}`;
    const { a, b } = await pairInRoom(room);
    await eventually(async () => (await roomSubscribers(room)) === 2, 'both instances subscribed');
    b.client.send('leave_room', { room_id: room });
    const left = await a.client.next('player_left', undefined, 10000);
    expect(left.payload).toEqual(expect.objectContaining({ player_id: 'bob', reason: 'left' }));
    await eventually(async () => (await roomSubscribers(room)) === 1, 'only instance 1 subscribed');
  });

  // Deliberate break tried: RedisConnections.key() ignoring REDIS_KEY_PREFIX (every key and channel
  // under "gw:") makes the two deployments share the room, and this test fails.
  it('should keep two deployments sharing one Redis apart when their REDIS_KEY_PREFIX differs', async () => {
    const room = `shared-name-${topology}`;
    const other = await startGateway({ ...redis.env, REDIS_KEY_PREFIX: 'other:' });
    try {
      const { a, b } = await pairInRoom(room);
      const zoe = await connect(other);
      zoe.client.send('join_room', { room_id: room, user_id: 'zoe' });
      const joined = await zoe.client.next('room_joined', undefined, 10000);
      expect(joined.payload.players.map((p) => p.player_id)).toEqual(['zoe']);
      zoe.client.send('chat', { room_id: room, text: 'anyone from the other deployment?' });
      await zoe.client.next('chat', undefined, 10000);
      a.client.send('chat', { room_id: room, text: 'only for gw: deployment' });
      await b.client.next('chat', (f) => f.payload.text === 'only for gw: deployment', 10000);
      a.client.send('chat', { to_client_id: zoe.clientId, text: 'across?' }, 'dm-across');
      expect((await a.client.next('error', undefined, 10000)).payload).toEqual(expect.objectContaining({ code: 'INVALID_PAYLOAD', ref_id: 'dm-across' }));
      await Promise.all([a, b, zoe].map(({ client }) => client.barrier()));
      expect(zoe.client.received('chat').map((f) => f.payload.text)).toEqual(['anyone from the other deployment?']);
      expect(zoe.client.received('player_joined')).toHaveLength(0);
      expect(a.client.received('chat').map((f) => f.payload.text)).toEqual(['only for gw: deployment']);
      // Its keys live under its own prefix.
      await eventually(async () => (await redis.cli('EXISTS', `other:{r:${room}}:history`)) === '1', "the other deployment's history key");
    } finally {
      await other.close();
    }
  });
});
