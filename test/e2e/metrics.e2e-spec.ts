import { type RunningGateway, startGateway } from '../support/gateway';
import { parsePrometheusText, type Sample, sampleValue } from '../support/prometheus-text';
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
    // Every sync of the two-member room went to both members.
    const syncFrames = json.received('sync').length + proto.received('sync').length;
    expect(sampleValue(samples, 'gateway_messages_sent_total', { type: 'sync' })).toBeGreaterThanOrEqual(syncFrames);
    expect(sampleValue(samples, 'gateway_received_bytes_total')).toBeGreaterThan(0);
    expect(sampleValue(samples, 'gateway_sent_bytes_total')).toBeGreaterThan(0);
    expect(sampleValue(samples, 'gateway_sync_tick_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(samples, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sampleValue(samples, 'process_cpu_seconds_total')).toBeGreaterThan(0);
  });

  it('should keep its counts per app (two gateways in one process do not share a registry)', async () => {
    const other = await startGateway();
    try {
      const samples = parsePrometheusText(await (await fetch(`${other.httpUrl}/metrics`)).text());
      expect(sampleValue(samples, 'gateway_messages_received_total', { type: 'join_room' })).toBe(0);
      expect(sampleValue(samples, 'gateway_connections', { codec: 'json' })).toBe(0);
    } finally {
      await other.close();
    }
  });
});
