import { Controller, type INestApplication, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import { BusEventTransport } from '../../src/bus';
import { GatewayClient, GatewayClientModule, type InstanceSummary, LifecycleEvent, NodeRegistry, type PlayerLeftEvent } from '../../src/server-api';
import { withEnv } from '../support/gateway';
import { useGatewayPair } from '../support/gateway-pair';
import { eventually } from '../support/redis';
import { serverApi } from '../support/server-api';
import { TestClient } from '../support/test-client';

const KEY = 'server-api-key-0123456789';

/** What a backend process heard of the gateways' lifecycle events. */
const heard: PlayerLeftEvent[] = [];

@Controller()
class KickWatcher {
  @EventPattern(LifecycleEvent.PlayerKicked)
  kicked(@Payload() event: PlayerLeftEvent): void {
    heard.push(event);
  }
}

@Module({ imports: [GatewayClientModule.forRemote()], controllers: [KickWatcher] })
class RemoteBackend {}

/** An instance that announces itself as a gateway but never answers: what a hung instance looks like. */
@Injectable()
class SilentNode implements OnModuleInit {
  constructor(private readonly nodes: NodeRegistry) {}

  onModuleInit(): void {
    const summary = () => ({ instance_id: this.nodes.instanceId }) as InstanceSummary;
    this.nodes.serve(summary, summary);
  }
}

@Module({ imports: [GatewayClientModule.forRemote()], providers: [SilentNode] })
class SilentInstance {}

/**
 * The server API across two gateway instances sharing a redis-server started here, and a backend
 * service in "another process" (its own Nest app, reaching the gateways only through Redis): a
 * call made on one instance finds and acts on a player connected to the other.
 */
describe('server API across two instances (Redis)', () => {
  let backend: INestApplication;
  const clients: TestClient[] = [];
  // Before the pair's: clients and backend close before the instances (jest runs afterAll hooks in the order declared).
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await backend?.close();
  });
  const env = { SERVER_API_KEY: KEY, TICK_RATE: '20', NODE_HEARTBEAT_MS: '500', SERVER_API_GATHER_TIMEOUT_MS: '1000' };
  const { redis, gateways: [gw1, gw2] } = useGatewayPair('standalone', env);
  const api1 = serverApi(() => gw1.httpUrl, KEY);
  const api2 = serverApi(() => gw2.httpUrl, KEY);
  const instanceIdOf = async (api: typeof api1) => (await api.get('/api/instances')).body.instances[0].instance_id as string;

  beforeAll(async () => {
    backend = await startBackend(RemoteBackend);
    const seesBoth = async (api: typeof api1) => (await api.get('/api/instances')).body.instances?.length === 2;
    await eventually(async () => (await seesBoth(api1)) && (await seesBoth(api2)), 'each instance sees the other', 20000);
    await eventually(async () => (await backend.get(GatewayClient).instances()).length === 2, 'the backend sees both instances', 20000);
  }, 60000);

  /** Starts a Nest app of `module` as another process would, on the gateways' Redis. */
  const startBackend = (module: object) =>
    withEnv({ REDIS_URL: redis.url, NODE_HEARTBEAT_MS: '500' }, async () => {
      const app = await NestFactory.create(module as never, { logger: ['error'], abortOnError: false });
      app.connectMicroservice({ strategy: app.get(BusEventTransport) });
      await app.startAllMicroservices();
      await app.init();
      return app;
    });

  /** alice on instance 2 creates the room (so instance 2 runs it), bob joins it on instance 1. */
  async function split(roomId: string, alice = 'alice', bob = 'bob') {
    const a = await TestClient.connectWelcomed(gw2.wsUrl);
    const b = await TestClient.connectWelcomed(gw1.wsUrl);
    clients.push(a.client, b.client);
    a.client.send('join_room', { room_id: roomId, user_id: alice });
    await a.client.next('room_joined', undefined, 10000);
    b.client.send('join_room', { room_id: roomId, user_id: bob });
    await b.client.next('room_joined', undefined, 10000);
    await a.client.next('player_joined', undefined, 10000);
    return { a, b };
  }

  it("should list a room run on the other instance, with each member's instance", async () => {
    const { a, b } = await split('spread');
    const [id1, id2] = [await instanceIdOf(api1), await instanceIdOf(api2)];
    const rooms = await api1.get('/api/rooms');
    expect(rooms.body.rooms).toEqual([expect.objectContaining({ room_id: 'spread', instance: id2, clients: 2 })]);
    expect(rooms.body.missing_instances).toEqual([]);
    const detail = await api1.get('/api/rooms/spread');
    expect(detail.body.members.map((m: { client_id: string; instance: string }) => [m.client_id, m.instance])).toEqual([
      [a.clientId, id2],
      [b.clientId, id1],
    ]);
  });

  it('should find a player connected to the other instance, with its rooms', async () => {
    await split('where', 'carol', 'dave');
    const { status, body } = await api1.get('/api/players/carol');
    expect(status).toBe(200);
    expect(body.connections).toEqual([expect.objectContaining({ player_id: 'carol', instance: await instanceIdOf(api2), rooms: ['where'] })]);
  });

  it('should publish to a room run elsewhere and to a player connected elsewhere', async () => {
    const { a, b } = await split('remote-publish', 'erin', 'frank');
    const room = await api1.post('/api/rooms/remote-publish/events', { name: 'news', data: { n: 1 } });
    expect(room.status).toBe(200);
    for (const member of [a, b]) expect((await member.client.next('room_event', undefined, 10000)).offset).toBe(room.body.offset);
    const direct = await api1.post('/api/players/erin/events', { name: 'reward', data: { coins: 3 } });
    expect([direct.status, direct.body.delivered]).toEqual([200, 1]);
    expect((await a.client.next('room_event', (f) => f.payload.name === 'reward', 10000)).payload.data).toEqual({ coins: 3 });
  });

  it('should kick a player connected to the other instance: closed with 4102, the other member told, a backend process hears it once', async () => {
    const { a, b } = await split('remote-kick', 'gina', 'hal');
    const { status, body } = await api1.post('/api/players/gina/kick', { reason: 'spam' });
    expect([status, body.kicked]).toEqual([200, 1]);
    expect(await a.client.closed).toEqual({ code: 4102, reason: 'spam' });
    expect((await b.client.next('player_left', undefined, 10000)).payload).toEqual(expect.objectContaining({ player_id: 'gina', reason: 'kicked' }));
    expect((await api1.get('/api/players/gina')).status).toBe(404);
    // Once: the room's owner emits it, not every instance. hal's kick comes from the same owner on
    // the same channel after gina's, so once it is heard a second gina event would have been too.
    // (Checked to fail with LifecycleEvents emitting each event twice.)
    await api2.post('/api/players/hal/kick');
    await eventually(() => heard.some((e) => e.player_id === 'hal'), 'the backend process heard the second kick');
    expect(heard.filter((e) => e.player_id === 'gina').map((e) => [e.room_id, e.reason])).toEqual([['remote-kick', 'kicked']]);
  });

  it('should serve a backend process: presence and a kick through GatewayClient over Redis', async () => {
    const { a } = await split('from-backend', 'ivy', 'jack');
    const client = backend.get(GatewayClient);
    const presence = await client.presence('jack');
    expect(presence.connections).toEqual([expect.objectContaining({ instance: await instanceIdOf(api1), rooms: ['from-backend'] })]);
    await expect(client.kick('ivy', { reason: 'from the backend' })).resolves.toEqual({ kicked: 1 });
    expect(await a.client.closed).toEqual({ code: 4102, reason: 'from the backend' });
    await expect(client.presence('nobody-here')).rejects.toMatchObject({ code: 'UNKNOWN_PLAYER' });
  });

  it('should answer without an instance that does not answer in time, and name it; 503 when it might have had the room', async () => {
    await split('while-silent', 'kim', 'lou');
    const silent = await startBackend(SilentInstance);
    try {
      const silentId = silent.get(NodeRegistry).instanceId;
      await eventually(async () => (await api1.get('/api/instances')).body.instances.length === 3, 'the silent instance is known', 10000);
      const rooms = await api1.get('/api/rooms');
      expect(rooms.status).toBe(200);
      expect(rooms.body.missing_instances).toEqual([silentId]);
      expect(rooms.body.rooms.map((r: { room_id: string }) => r.room_id)).toContain('while-silent');
      const unknown = await api1.get('/api/rooms/maybe-on-the-silent-one');
      expect([unknown.status, unknown.body.error]).toEqual([503, 'INSTANCES_UNAVAILABLE']);
      expect(unknown.body.message).toContain(silentId);
    } finally {
      await silent.close(); // says it is leaving: no longer waited for
    }
    await eventually(async () => (await api1.get('/api/rooms/maybe-on-the-silent-one')).status === 404, 'the silent instance forgotten once it left', 10000);
  });
});
