import { type RunningGateway, startGateway, useGateway } from '../support/gateway';
import { type RedisServer, startRedis } from '../support/redis';
import { type TestClient, useClients } from '../support/test-client';

/** Sends `messages` in one TCP write, so that the gateway reads them in one go (same event-loop turn). */
function sendTogether(client: TestClient, messages: [type: string, payload: object, id?: string][]): void {
  const tcp = (client.socket as unknown as { _socket: { cork(): void; uncork(): void } })._socket;
  tcp.cork();
  for (const [type, payload, id] of messages) client.send(type, payload, id);
  tcp.uncork();
}

/**
 * A connection's messages take effect in the order they arrived, whether or not they carry an
 * `id` (which waits for its de-duplication claim). Before, a `game_action` without an id sent
 * right after a `join_room` with one ran first and was refused with NOT_IN_ROOM (issue 16, bug 1).
 * Checked by breaking it: with the queue bypassed, every test here fails.
 */
describe.each(['json', 'proto'] as const)('message order on one connection (%s)', (codec) => {
  const gateway = useGateway();
  const { connect } = useClients(() => gateway.wsUrl, { codec });

  it('should apply a game_action without id sent right after a join_room with id, after the join', async () => {
    const { client } = await connect();
    sendTogether(client, [
      ['join_room', { room_id: `order-${codec}` }, 'j1'],
      ['game_action', { action: 'move', position: { x: 5, y: 0, z: 0 }, input_seq: 1 }],
    ]);
    await client.next('ack', (ack) => ack.payload.id === 'j1');
    const sync = await client.next('sync', (s) => s.payload.players.some((p) => p.last_input_seq === 1));
    expect(sync.payload.players[0].position.x).toBe(5);
    expect(client.received('error')).toEqual([]);
  });

  it('should keep id-less and id-carrying messages in arrival order across several pending claims', async () => {
    const { client } = await connect();
    const room = `order-many-${codec}`;
    sendTogether(client, [
      ['join_room', { room_id: room }, 'j'],
      ['chat', { text: 'first' }],
      ['chat', { text: 'second' }, 'c2'],
      ['chat', { text: 'third' }],
      ['leave_room', { room_id: room }, 'l'],
      ['chat', { text: 'after leaving' }],
    ]);
    const refused = await client.next('error');
    expect(refused.payload).toEqual(expect.objectContaining({ code: 'NOT_IN_ROOM', ref_type: 'chat' }));
    expect(client.received('chat').map((chat) => chat.payload.text)).toEqual(['first', 'second', 'third']);
    expect(client.received('ack').map((ack) => ack.payload.id)).toEqual(['j', 'c2', 'l']);
  });
});

/**
 * Bridged by Redis, a join goes through the room bridge (a lease in Redis) and settles later than
 * the frame that follows it; the next message waits for it, with or without ids.
 */
describe('message order on one connection, bridged by Redis', () => {
  let redis: RedisServer;
  let gateway: RunningGateway;
  const { connect } = useClients(() => gateway.wsUrl);

  beforeAll(async () => {
    redis = await startRedis();
    gateway = await startGateway({ REDIS_URL: redis.url });
  }, 30000);
  afterAll(async () => {
    await gateway?.close();
    await redis?.close();
  });

  it.each([
    ['with an id', 'j1'],
    ['without an id', undefined],
  ])('should apply a game_action sent right after a join_room %s, after the join', async (_name, joinId) => {
    const { client } = await connect();
    const room = `order-bridged-${joinId ?? 'none'}`;
    sendTogether(client, [
      ['join_room', { room_id: room }, joinId],
      ['game_action', { action: 'move', position: { x: 7, y: 0, z: 0 }, input_seq: 1 }],
    ]);
    await client.next('room_joined', () => true, 10000);
    const sync = await client.next('sync', (s) => s.payload.players.some((p) => p.last_input_seq === 1), 10000);
    expect(sync.payload.players[0].position.x).toBe(7);
    expect(client.received('error')).toEqual([]);
  });
});
