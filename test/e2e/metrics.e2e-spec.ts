import { type RunningGateway, startGateway } from '../support/gateway';
import { parsePrometheusText, type Sample, sampleValue, scrapeMetrics } from '../support/prometheus-text';
import { TestClient } from '../support/test-client';

describe('GET /metrics', () => {
  let gateway: RunningGateway;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    gateway = await startGateway({ TICK_RATE: '50' });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await gateway.close();
  });

  async function scrape(): Promise<{ contentType: string | null; samples: Sample[] }> {
    const response = await fetch(`${gateway.httpUrl}/metrics`);
    expect(response.status).toBe(200);
    return { contentType: response.headers.get('content-type'), samples: parsePrometheusText(await response.text()) };
  }

  it('should report connections by codec, rooms, traffic by type, errors by code and tick durations', async () => {
    const json = (await TestClient.connectWelcomed(gateway.wsUrl, { codec: 'json' })).client;
    const proto = (await TestClient.connectWelcomed(gateway.wsUrl, { codec: 'proto' })).client;
    clients.push(json, proto);
    json.send('join_room', { room_id: 'metered' });
    await json.next('room_joined');
    proto.send('join_room', { room_id: 'metered' });
    await proto.next('room_joined');
    json.send('game_action', { action: 'move', position: { x: 3, y: 4, z: 0 } });
    await proto.next('sync', (frame) => frame.payload.players.some((p) => p.position.x === 3));
    json.sendRaw('{not json');
    await json.next('error');
    await json.barrier();
    await proto.barrier(); // every sync sent so far has arrived: the room is idle after one move

    const { contentType, samples } = await scrape();
    expect(contentType).toMatch(/^text\/plain;.*version=0\.0\.4/);
    expect(sampleValue(samples, 'gateway_connections', { codec: 'json' })).toBe(1);
    expect(sampleValue(samples, 'gateway_connections', { codec: 'protobuf' })).toBe(1);
    expect(sampleValue(samples, 'gateway_rooms')).toBe(1);
    expect(sampleValue(samples, 'gateway_bus_connected')).toBe(1);
    expect(sampleValue(samples, 'gateway_messages_received_total', { type: 'join_room' })).toBe(2);
    expect(sampleValue(samples, 'gateway_messages_received_total', { type: 'game_action' })).toBe(1);
    expect(sampleValue(samples, 'gateway_messages_received_total', { type: 'rejected' })).toBe(1);
    expect(sampleValue(samples, 'gateway_errors_total', { code: 'BAD_JSON' })).toBe(1);
    expect(sampleValue(samples, 'gateway_messages_sent_total', { type: 'welcome' })).toBe(2);
    // Counted once per recipient, and only what was sent: exactly the syncs the two members got.
    const syncFrames = json.received('sync').length + proto.received('sync').length;
    expect(syncFrames).toBeGreaterThanOrEqual(2);
    expect(sampleValue(samples, 'gateway_messages_sent_total', { type: 'sync' })).toBe(syncFrames);
    expect(sampleValue(samples, 'gateway_received_bytes_total')).toBeGreaterThan(0);
    expect(sampleValue(samples, 'gateway_sent_bytes_total')).toBeGreaterThan(0);
    expect(sampleValue(samples, 'gateway_sync_tick_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    // prom-client's default process metrics are registered on the app's registry (values are its own).
    expect(sampleValue(samples, 'nodejs_eventloop_lag_seconds')).toEqual(expect.any(Number));
    expect(sampleValue(samples, 'process_cpu_seconds_total')).toBeGreaterThan(0);
  });

  it('should keep its counts per app (two gateways in one process do not share a registry)', async () => {
    const other = await startGateway();
    try {
      const samples = await scrapeMetrics(other.httpUrl);
      expect(sampleValue(samples, 'gateway_messages_received_total', { type: 'join_room' })).toBe(0);
      expect(sampleValue(samples, 'gateway_connections', { codec: 'json' })).toBe(0);
    } finally {
      await other.close();
    }
  });
});

/** Counts that their owners keep (limiter, heartbeat, sessions) show up in /metrics. */
describe('GET /metrics: rate limit, closes and resumes', () => {
  let gateway: RunningGateway;
  const clients: TestClient[] = [];
  const track = (client: TestClient) => (clients.push(client), client);

  beforeAll(async () => {
    gateway = await startGateway({
      RATE_LIMIT_PER_SEC: '5',
      RATE_LIMIT_BURST: '5',
      RATE_LIMIT_ABUSE_COUNT: '1000',
      HEARTBEAT_INTERVAL_MS: '250',
      HEARTBEAT_TIMEOUT_MS: '3000',
    });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });
  afterAll(() => gateway.close());

  it('should count frames refused by the rate limit', async () => {
    const { client } = await TestClient.connectWelcomed(gateway.wsUrl);
    track(client);
    for (let t = 0; t < 30; t++) client.send('ping', { t });
    await client.next('error', (f) => f.payload.code === 'RATE_LIMITED');
    const limited = client.received('error').filter((f) => f.payload.code === 'RATE_LIMITED').length;
    expect(sampleValue(await scrapeMetrics(gateway.httpUrl), 'gateway_rate_limited_total')).toBeGreaterThanOrEqual(limited);
  });

  it('should count a heartbeat timeout under closes_total with code 4000', async () => {
    const { client } = await TestClient.connectWelcomed(gateway.wsUrl, { ws: { autoPong: false } });
    expect(sampleValue(await scrapeMetrics(gateway.httpUrl), 'gateway_closes_total', { code: '4000' })).toBe(0);
    expect((await client.closed).code).toBe(4000);
    expect(sampleValue(await scrapeMetrics(gateway.httpUrl), 'gateway_closes_total', { code: '4000' })).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it('should count a successful and a failed resume by result', async () => {
    const old = await TestClient.connectWelcomed(gateway.wsUrl);
    old.client.send('join_room', { room_id: 'metered-resume' });
    await old.client.next('room_joined');
    old.client.socket.terminate();
    const { session_id, resume_token } = old.welcome.payload;

    const resumed = track(await TestClient.connect(gateway.wsUrl));
    resumed.send('resume', { session_id, resume_token, rooms: {}, last_seq: 0 });
    await resumed.next('welcome', (f) => f.payload.client_id === old.clientId);
    const forged = track(await TestClient.connect(gateway.wsUrl));
    forged.send('resume', { session_id, resume_token: `${resume_token}x`, rooms: {}, last_seq: 0 });
    await forged.next('error', (f) => f.payload.code === 'RESUME_FAILED');

    const samples = await scrapeMetrics(gateway.httpUrl);
    expect(sampleValue(samples, 'gateway_resumes_total', { result: 'success' })).toBe(1);
    expect(sampleValue(samples, 'gateway_resumes_total', { result: 'failure' })).toBe(1);
  });
});
