import type { ServerMessage } from '../../src/protocol';
import type { RunningGateway } from '../support/gateway';
import { useGatewayPair } from '../support/gateway-pair';
import { eventually, type Topology } from '../support/redis';
import { TestClient } from '../support/test-client';

type Welcomed = { client: TestClient; welcome: ServerMessage<'welcome'>; clientId: string };
const SECRET = 'redis-resume-e2e-secret-0123456789abcdef';
/** Not the default (300000), so that the TTL seen in Redis can only come from the setting. */
const HISTORY_MAX_AGE_MS = 120000;

/**
 * Sessions in Redis: a client dropped on one instance resumes on the other as if nothing happened,
 * against a standalone Redis and a 3-node Redis Cluster (sessions, de-dup and history keys spread
 * over the slots there).
 */
describe.each<Topology>(['standalone', 'cluster'])('resume across instances bridged by Redis (%s)', (topology) => {
  const env = { RESUME_TOKEN_SECRET: SECRET, RESUME_GRACE_MS: '60000', HISTORY_MAX_AGE_MS: String(HISTORY_MAX_AGE_MS) };
  const { redis, gateways: [gw1, gw2] } = useGatewayPair(topology, env);
  const clients: TestClient[] = [];
  const track = (client: TestClient) => (clients.push(client), client);
  const connect = async (gw: RunningGateway): Promise<Welcomed> => {
    const result = await TestClient.connectWelcomed(gw.wsUrl);
    track(result.client);
    return result;
  };
  const join = async (member: Welcomed, roomId: string, userId: string) => {
    member.client.send('join_room', { room_id: roomId, user_id: userId });
    return member.client.next('room_joined', (f) => f.payload.room_id === roomId, 10000);
  };
  const resume = async (gw: RunningGateway, old: Welcomed, rooms: Record<string, number>, lastSeq = 0) => {
    const client = track(await TestClient.connect(gw.wsUrl));
    const { session_id, resume_token } = old.welcome.payload;
    client.send('resume', { session_id, resume_token, rooms, last_seq: lastSeq });
    return client;
  };

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });

  // The room is run by instance 1 (its first member joins there).
  const moves: [string, () => RunningGateway, () => RunningGateway][] = [
    ['from another instance to the one running the room', () => gw2, () => gw1],
    ['from the instance running the room to another one', () => gw1, () => gw2],
    ['on an instance that does not run the room', () => gw2, () => gw2],
  ];

  it.each(moves)('should resume %s: same client id, missed chat and direct messages once, in order, nobody notices', async (_how, from, to) => {
    const room = `move-${from() === gw1 ? 1 : 2}-${to() === gw1 ? 1 : 2}`;
    const host = await connect(gw1);
    await join(host, room, 'host');
    const watcher = await connect(gw2);
    await join(watcher, room, 'watcher');
    const mover = await connect(from());
    const joined = await join(mover, room, 'mover');
    watcher.client.send('chat', { to_client_id: mover.clientId, text: 'dm1' });
    const firstDm = await mover.client.next('chat', (f) => f.payload.text === 'dm1', 10000);
    mover.client.socket.terminate();

    host.client.send('chat', { room_id: room, text: 'missed 1' });
    watcher.client.send('chat', { room_id: room, text: 'missed 2' });
    const missed = [
      await watcher.client.next('chat', (f) => f.payload.text === 'missed 1', 10000),
      await watcher.client.next('chat', (f) => f.payload.text === 'missed 2', 10000),
    ];
    watcher.client.send('chat', { to_client_id: mover.clientId, text: 'dm2' }, 'dm-away');
    await watcher.client.next('ack', (f) => f.payload.id === 'dm-away', 10000);

    const resumed = await resume(to(), mover, { [room]: joined.payload.offset }, firstDm.seq);
    const welcome = await resumed.next('welcome', (f) => f.payload.client_id === mover.clientId, 10000);
    expect(welcome.payload.session_id).toBe(mover.welcome.payload.session_id);
    const roomChat = resumed.received('chat').filter((f) => f.room_id === room);
    expect(roomChat.map((f) => [f.payload.text, f.offset])).toEqual(missed.map((f) => [f.payload.text, f.offset]));
    const snapshot = resumed.received('room_joined');
    expect(snapshot).toHaveLength(1);
    expect(snapshot[0].payload).toEqual(expect.objectContaining({ recovered: true, epoch: joined.payload.epoch, offset: missed[1].offset }));
    expect(resumed.received('chat').filter((f) => f.seq).map((f) => [f.payload.text, f.seq])).toEqual([['dm2', firstDm.seq! + 1]]);

    // Live both ways under the old client id, exactly once.
    resumed.send('chat', { room_id: room, text: 'back' });
    expect((await host.client.next('chat', (f) => f.payload.text === 'back', 10000)).payload.from_client_id).toBe(mover.clientId);
    host.client.send('chat', { room_id: room, text: 'welcome back' });
    await resumed.next('chat', (f) => f.payload.text === 'welcome back', 10000);
    await resumed.barrier();
    expect(resumed.received('chat').filter((f) => f.payload.text === 'welcome back')).toHaveLength(1);
    for (const other of [host, watcher]) {
      await other.client.barrier();
      expect(other.client.received('player_left')).toHaveLength(0);
      expect(other.client.received('player_joined').filter((f) => f.payload.client_id === mover.clientId)).toHaveLength(1);
    }
  }, 60000);

  it('should answer a message id re-sent on the other instance with ack duplicate and no second broadcast', async () => {
    const room = 'dedup-across';
    const host = await connect(gw1);
    const hostJoined = await join(host, room, 'host');
    const mover = await connect(gw2);
    await join(mover, room, 'mover');
    mover.client.send('chat', { room_id: room, text: 'once' }, 'c-1');
    expect((await mover.client.next('ack', (f) => f.payload.id === 'c-1', 10000)).payload.duplicate).toBeFalsy();
    await host.client.next('chat', (f) => f.payload.text === 'once', 10000);
    mover.client.socket.terminate();

    const resumed = await resume(gw1, mover, { [room]: hostJoined.payload.offset });
    await resumed.next('welcome', (f) => f.payload.client_id === mover.clientId, 10000);
    resumed.send('chat', { room_id: room, text: 'once' }, 'c-1'); // the SDK's outbox re-send
    expect((await resumed.next('ack', (f) => f.payload.id === 'c-1', 10000)).payload).toEqual(expect.objectContaining({ duplicate: true }));
    await host.client.barrier();
    await resumed.barrier();
    expect(host.client.received('chat').filter((f) => f.payload.text === 'once')).toHaveLength(1);
  }, 60000);

  it("should keep a room's history in Redis for HISTORY_MAX_AGE_MS after its last event, no longer", async () => {
    const room = 'history-age';
    const host = await connect(gw1);
    await join(host, room, 'host');
    host.client.send('chat', { room_id: room, text: 'kept for a while' });
    await host.client.next('chat', (f) => f.payload.text === 'kept for a while', 10000);
    const ttl = async (what: string) => Number(await redis.cli('PTTL', `gw:{r:${room}}:${what}`));
    await eventually(async () => (await ttl('history')) > 0, 'history written to Redis');
    for (const what of ['history', 'epoch']) {
      const left = await ttl(what);
      expect(left).toBeGreaterThan(HISTORY_MAX_AGE_MS - 30000);
      expect(left).toBeLessThanOrEqual(HISTORY_MAX_AGE_MS);
    }
  });
});
