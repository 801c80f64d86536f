import { SignJWT } from 'jose';
import { useGateway } from '../support/gateway';
import { scrapeMetrics, sampleValue } from '../support/prometheus-text';
import { eventually } from '../support/redis';
import { serverApi } from '../support/server-api';
import { TestClient, useClients } from '../support/test-client';

const KEY = 'server-api-key-0123456789';
const ADMIN_KEY = 'admin-api-key-0123456789';

describe('server API off by default', () => {
  const gateway = useGateway();
  const api = serverApi(() => gateway.httpUrl, KEY);

  it.each(['/api/rooms', '/api/instances', '/api/players/alice', '/api/docs-json'])('should answer 404 at %s and say how to turn it on', async (path) => {
    const { status, body } = await api.get(path);
    expect(status).toBe(404);
    if (path !== '/api/docs-json') expect(body).toEqual({ statusCode: 404, error: 'API_OFF', message: expect.stringContaining('SERVER_API_KEY') });
  });

  it('should refuse a kick the same way and leave the player connected', async () => {
    const { client } = await TestClient.connectWelcomed(gateway.wsUrl);
    client.send('join_room', { room_id: 'off', user_id: 'alice' });
    await client.next('room_joined');
    expect((await api.post('/api/players/alice/kick')).status).toBe(404);
    await client.barrier();
    expect(client.socket.readyState).toBe(client.socket.OPEN);
    await client.close();
  });
});

describe('server API over HTTP (one instance)', () => {
  const gateway = useGateway({ SERVER_API_KEY: KEY, ADMIN_API_KEY: ADMIN_KEY, SERVER_API_MAX_EVENT_BYTES: '256', TICK_RATE: '50', NODE_HEARTBEAT_MS: '200' });
  const api = serverApi(() => gateway.httpUrl, KEY);
  const { connect } = useClients(() => gateway.wsUrl);

  /** Two players in one room: alice (JSON, v2) and bob. */
  async function pair(roomId: string) {
    const alice = await connect({ protocol: 'game.v2.json' });
    alice.client.send('join_room', { room_id: roomId, user_id: 'alice', kind: 'arena' });
    await alice.client.next('room_joined');
    const bob = await connect();
    bob.client.send('join_room', { room_id: roomId, user_id: 'bob' });
    await bob.client.next('room_joined');
    await alice.client.next('player_joined');
    // A joiner's entity is committed by the room's next tick (until then a keyframe lacks it).
    await bob.client.next('sync', (f) => f.payload.players.length === 2);
    return { alice, bob };
  }

  describe('credentials', () => {
    it.each([
      ['no Authorization header', {}, 'missing credentials'],
      ['a wrong key', { authorization: `Bearer ${KEY}x` }, 'wrong credentials'],
      ['a key without "Bearer"', { authorization: KEY }, 'missing credentials'],
    ])('should answer 401 UNAUTHORIZED to %s', async (_what, headers, message) => {
      const anonymous = serverApi(() => gateway.httpUrl, undefined);
      const { status, body } = await anonymous.call('GET', '/api/rooms', undefined, headers as Record<string, string>);
      expect(status).toBe(401);
      expect(body).toEqual({ statusCode: 401, error: 'UNAUTHORIZED', message: expect.stringContaining(message) });
    });

    it('should accept the admin key on the server API too (the console uses it)', async () => {
      expect((await serverApi(() => gateway.httpUrl, ADMIN_KEY).get('/api/rooms')).status).toBe(200);
    });

    it('should change nothing on a kick with a wrong key', async () => {
      const { alice } = await pair('wrong-key');
      const { status } = await serverApi(() => gateway.httpUrl, 'not-the-key-at-all').post('/api/players/alice/kick');
      expect(status).toBe(401);
      expect((await api.get('/api/players/alice')).body.connections).toHaveLength(1);
      await alice.client.barrier();
      expect(alice.client.received('player_left')).toHaveLength(0);
    });
  });

  it('should list this instance with its connections, rooms and bus state', async () => {
    await pair('instances');
    const { status, body } = await api.get('/api/instances');
    expect(status).toBe(200);
    expect(body.instances).toHaveLength(1);
    expect(body.instances[0]).toEqual(
      expect.objectContaining({ connections: 2, rooms: 1, bus: expect.objectContaining({ ready: true }), cpu_percent: expect.any(Number), event_loop_lag_ms: expect.any(Number) }),
    );
  });

  it('should list rooms and describe one: members with their instance, state as clients see it', async () => {
    const { alice, bob } = await pair('detail');
    const rooms = await api.get('/api/rooms');
    expect(rooms.status).toBe(200);
    const [instance] = (await api.get('/api/instances')).body.instances;
    expect(rooms.body.rooms).toEqual([expect.objectContaining({ room_id: 'detail', kind: 'arena', clients: 2, instance: instance.instance_id })]);
    expect(rooms.body.missing_instances).toEqual([]);

    // The state is the one last published: the players' entities appear with the first tick after their joins.
    let detail = await api.get('/api/rooms/detail');
    await eventually(async () => (detail = await api.get('/api/rooms/detail')).body.state?.entity_count === 3, 'the joins published by a tick');
    const { status, body } = detail;
    expect(status).toBe(200);
    expect(body.members.map((m: { player_id: string; client_id: string; instance: string; parked: boolean }) => [m.player_id, m.client_id, m.instance, m.parked])).toEqual([
      ['alice', alice.clientId, instance.instance_id, false],
      ['bob', bob.clientId, instance.instance_id, false],
    ]);
    // arena: the room entity and one entity per player, with their fields.
    expect(body.state.entity_count).toBe(3);
    expect(body.state.entities.filter((e: { type: string }) => e.type !== 'room')).toHaveLength(2);
    expect(body.state.entities[1].fields).toEqual(expect.objectContaining({ x: expect.any(Number) }));
  });

  it("should report a busy room's tick time and the bytes/s of its frames", async () => {
    const { alice } = await pair('busy');
    let x = 0;
    // Moves keep frames flowing; the rate is taken between two heartbeats (NODE_HEARTBEAT_MS 200 here).
    await eventually(async () => {
      alice.client.send('game_action', { action: 'move', position: { x: ++x % 50, y: 1, z: 0 } });
      const busy = (await api.get('/api/rooms')).body.rooms.find((r: { room_id: string }) => r.room_id === 'busy');
      return busy.tick_ms > 0 && busy.bytes_per_second > 0;
    }, 'tick time and bytes/s above 0', 10000);
  });

  it('should answer 404 UNKNOWN_ROOM for every call on a room that does not exist', async () => {
    for (const [method, path] of [
      ['GET', '/api/rooms/nowhere'],
      ['GET', '/api/rooms/nowhere/history'],
      ['POST', '/api/rooms/nowhere/events'],
      ['POST', '/api/rooms/nowhere/close'],
    ]) {
      const { status, body } = await api.call(method, path, method === 'POST' ? { name: 'x', data: {} } : undefined);
      expect([path, status, body.error]).toEqual([path, 404, 'UNKNOWN_ROOM']);
    }
  });

  it('should publish a reliable room_event with an offset to every member, kept in the history', async () => {
    const { alice, bob } = await pair('publish');
    const { status, body } = await api.post('/api/rooms/publish/events', { name: 'announcement', data: { text: 'Double XP!' } });
    expect(status).toBe(200);
    const got = await bob.client.next('room_event');
    expect(got).toEqual(expect.objectContaining({ offset: body.offset, payload: { room_id: 'publish', name: 'announcement', data: { text: 'Double XP!' } } }));
    expect((await alice.client.next('room_event')).offset).toBe(body.offset);

    const history = await api.get(`/api/rooms/publish/history?since=${body.offset - 1}`);
    expect(history.status).toBe(200);
    expect(history.body).toEqual(expect.objectContaining({ room_id: 'publish', offset: body.offset, complete: true }));
    expect(history.body.events).toEqual([expect.objectContaining({ type: 'room_event', offset: body.offset })]);
    const all = await api.get('/api/rooms/publish/history');
    expect(all.body.events.map((e: { type: string }) => e.type)).toEqual(['player_joined', 'player_joined', 'room_event']);
  });

  it('should publish a transient room_event without an offset, not kept in the history', async () => {
    const { bob } = await pair('transient');
    const { status, body } = await api.post('/api/rooms/transient/events', { name: 'ping', data: {}, reliable: false });
    expect([status, body.offset]).toEqual([200, 0]);
    const got = await bob.client.next('room_event');
    expect(got.offset).toBeUndefined();
    expect((await api.get('/api/rooms/transient/history')).body.events.map((e: { type: string }) => e.type)).not.toContain('room_event');
  });

  it.each([
    ['an array body', '[1,2]', 400, 'INVALID_BODY', 'JSON object'],
    ['data that is not an object', { name: 'x', data: [1] }, 400, 'INVALID_BODY', '"data"'],
    ['a bad event name', { name: 'has spaces', data: {} }, 400, 'INVALID_BODY', '"name"'],
    ['reliable that is not a boolean', { name: 'x', data: {}, reliable: 'yes' }, 400, 'INVALID_BODY', '"reliable"'],
    ['data over SERVER_API_MAX_EVENT_BYTES', { name: 'x', data: { blob: 'y'.repeat(300) } }, 413, 'PAYLOAD_TOO_LARGE', 'SERVER_API_MAX_EVENT_BYTES'],
  ])('should refuse %s with a JSON error and publish nothing', async (_what, request, code, error, message) => {
    const { bob } = await pair(`bad-${code}-${error}-${String(_what).length}`);
    const roomId = `bad-${code}-${error}-${String(_what).length}`;
    const { status, body } = await api.post(`/api/rooms/${roomId}/events`, request);
    expect([status, body.error]).toEqual([code, error]);
    expect(body.message).toContain(message);
    await bob.client.barrier();
    expect(bob.client.received('room_event')).toHaveLength(0);
    expect((await api.get(`/api/rooms/${roomId}/history`)).body.events.map((e: { type: string }) => e.type)).toEqual(['player_joined', 'player_joined']);
  });

  it('should answer 413 for a body over the HTTP body limit, before anything is read', async () => {
    const { bob } = await pair('huge');
    const { status, body } = await api.post('/api/rooms/huge/events', { name: 'x', data: { blob: 'y'.repeat(200_000) } });
    expect(body).toEqual({ statusCode: 413, error: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('HTTP body limit') });
    expect(status).toBe(413);
    await bob.client.barrier();
    expect(bob.client.received('room_event')).toHaveLength(0);
  });

  it('should answer 400 naming the problem for a body that is not JSON', async () => {
    await pair('not-json');
    const { status, body } = await api.call('POST', '/api/rooms/not-json/events', '{not json', { 'content-type': 'application/json' });
    // Nest's own answer (its JSON parser): the position of the fault in the text.
    expect([status, body.error]).toEqual([400, 'Bad Request']);
    expect(body.message).toMatch(/in JSON at position 1/);
  });

  it("should tell a player's presence: instance and rooms", async () => {
    const { alice } = await pair('presence');
    const [instance] = (await api.get('/api/instances')).body.instances;
    const { status, body } = await api.get('/api/players/alice');
    expect(status).toBe(200);
    expect(body).toEqual({
      player_id: 'alice',
      connections: [expect.objectContaining({ client_id: alice.clientId, player_id: 'alice', instance: instance.instance_id, rooms: ['presence'], protocol: 2 })],
      missing_instances: [],
    });
    expect((await api.get(`/api/players/${alice.clientId}`)).body.connections[0].player_id).toBe('alice');
  });

  it('should answer 404 UNKNOWN_PLAYER for a player connected nowhere', async () => {
    for (const [method, path] of [
      ['GET', '/api/players/nobody'],
      ['POST', '/api/players/nobody/events'],
      ['POST', '/api/players/nobody/kick'],
    ]) {
      const { status, body } = await api.call(method, path, method === 'POST' ? { name: 'x', data: {} } : undefined);
      expect([path, status, body.error]).toEqual([path, 404, 'UNKNOWN_PLAYER']);
    }
  });

  it('should send a player a direct room_event (sequenced like a direct message)', async () => {
    const { alice, bob } = await pair('direct');
    const { status, body } = await api.post('/api/players/bob/events', { name: 'reward', data: { coins: 50 } });
    expect([status, body.delivered]).toEqual([200, 1]);
    const got = await bob.client.next('room_event');
    expect(got.payload).toEqual({ room_id: '', name: 'reward', data: { coins: 50 } });
    expect(got.seq).toBeGreaterThan(0);
    await alice.client.barrier();
    expect(alice.client.received('room_event')).toHaveLength(0);
  });

  it('should kick a player: closed with 4102 and the reason, the others told, gone from presence and the room', async () => {
    const { alice, bob } = await pair('kick');
    const { status, body } = await api.post('/api/players/bob/kick', { reason: 'cheating' });
    expect([status, body.kicked]).toEqual([200, 1]);
    expect(await bob.client.closed).toEqual({ code: 4102, reason: 'cheating' });
    expect((await alice.client.next('player_left')).payload).toEqual(expect.objectContaining({ player_id: 'bob', reason: 'kicked' }));
    expect((await api.get('/api/players/bob')).status).toBe(404);
    expect((await api.get('/api/rooms/kick')).body.members.map((m: { player_id: string }) => m.player_id)).toEqual(['alice']);
  });

  it.each([
    ['a close code outside 1000 and 4000-4999', { code: 1001 }, '"code"'],
    ['a close code that is not a number', { code: 'kick' }, '"code"'],
    ['a reason over 120 bytes', { reason: 'r'.repeat(121) }, '"reason"'],
  ])('should refuse a kick with %s and leave the player where it was', async (_what, request, message) => {
    const { bob } = await pair(`bad-kick-${JSON.stringify(request).length}`);
    const { status, body } = await api.post('/api/players/bob/kick', request);
    expect([status, body.error]).toEqual([400, 'INVALID_BODY']);
    expect(body.message).toContain(message);
    await bob.client.barrier();
    expect(bob.client.socket.readyState).toBe(bob.client.socket.OPEN);
  });

  it('should close a room: every member told it was kicked with the reason, the room gone', async () => {
    const { alice, bob } = await pair('closing');
    const { status, body } = await api.post('/api/rooms/closing/close', { reason: 'maintenance' });
    expect([status, body.removed]).toEqual([200, 2]);
    for (const member of [alice, bob]) {
      const left = await member.client.next('player_left', (f) => f.payload.client_id === member.clientId);
      expect(left.payload).toEqual(expect.objectContaining({ reason: 'kicked', detail: 'room closed: maintenance' }));
    }
    expect((await api.get('/api/rooms/closing')).status).toBe(404);
    // Still connected, in no room: they may join another.
    expect((await api.get('/api/players/alice')).body.connections[0].rooms).toEqual([]);
  });

  it('should serve the OpenAPI document with every route', async () => {
    const { status, body } = await api.get('/api/docs-json');
    expect(status).toBe(200);
    expect(Object.keys(body.paths).sort()).toEqual([
      '/api/instances',
      '/api/players/{playerId}',
      '/api/players/{playerId}/events',
      '/api/players/{playerId}/kick',
      '/api/rooms',
      '/api/rooms/{roomId}',
      '/api/rooms/{roomId}/close',
      '/api/rooms/{roomId}/events',
      '/api/rooms/{roomId}/history',
    ]);
    expect((await fetch(`${gateway.httpUrl}/api/docs`)).status).toBe(200);
  });

  it('should count API calls by route pattern and status', async () => {
    await api.get('/api/rooms/counted-nowhere');
    await api.get('/api/rooms/counted-nowhere-either');
    const samples = await scrapeMetrics(gateway.httpUrl);
    expect(sampleValue(samples, 'gateway_api_requests_total', { route: '/api/rooms/:roomId', method: 'GET', status: '404' })).toBeGreaterThanOrEqual(2);
    expect(sampleValue(samples, 'gateway_api_requests_total', { route: '/api/rooms', method: 'GET', status: '401' })).toBeGreaterThanOrEqual(1);
  });
});

describe('server API with a JWT role', () => {
  const SECRET = 'jwt-secret-for-the-api-0123456789';
  const gateway = useGateway({ AUTH_SECRET: SECRET, SERVER_API_JWT_ROLE: 'gateway-api' });
  const token = (claims: Record<string, unknown>) =>
    new SignJWT({ sub: 'matchmaker', ...claims }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode(SECRET));

  it('should open /api to a token with the role and refuse one without it', async () => {
    expect((await serverApi(() => gateway.httpUrl, await token({ role: 'gateway-api' })).get('/api/rooms')).status).toBe(200);
    expect((await serverApi(() => gateway.httpUrl, await token({ roles: ['x', 'gateway-api'] })).get('/api/rooms')).status).toBe(200);
    const refused = await serverApi(() => gateway.httpUrl, await token({ role: 'player' })).get('/api/rooms');
    expect([refused.status, refused.body.error]).toEqual([401, 'UNAUTHORIZED']);
  });
});
