import { Registry } from 'prom-client';
import { ErrorCode, InternalEvent, MessageType, serverMessage } from '../protocol';
import { parsePrometheusText, sampleValue } from '../../test/support/prometheus-text';
import { MetricsService } from './metrics.service';

async function value(registry: Registry, name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  return sampleValue(parsePrometheusText(await registry.metrics()), name, labels);
}

describe(MetricsService, () => {
  let registry: Registry;
  let metrics: MetricsService;

  beforeEach(() => {
    registry = new Registry();
    metrics = new MetricsService(registry);
  });

  describe('received', () => {
    it('should count messages by type and bytes, and rejected frames under "rejected"', async () => {
      metrics.received(MessageType.JoinRoom, 40);
      metrics.received(MessageType.JoinRoom, 2);
      metrics.received(InternalEvent.Rejected, 7);
      expect(await value(registry, 'gateway_messages_received_total', { type: 'join_room' })).toBe(2);
      expect(await value(registry, 'gateway_messages_received_total', { type: 'rejected' })).toBe(1);
      expect(await value(registry, 'gateway_received_bytes_total')).toBe(49);
    });

    it('should add counts since the last scrape exactly once', async () => {
      metrics.received(MessageType.Chat, 1);
      metrics.received(MessageType.Chat, 1);
      expect(await value(registry, 'gateway_messages_received_total', { type: 'chat' })).toBe(2);
      expect(await value(registry, 'gateway_messages_received_total', { type: 'chat' })).toBe(2);
      metrics.received(MessageType.Chat, 1);
      expect(await value(registry, 'gateway_messages_received_total', { type: 'chat' })).toBe(3);
      expect(await value(registry, 'gateway_received_bytes_total')).toBe(3);
    });
  });

  describe('sent', () => {
    it('should count a broadcast once with its recipient count', async () => {
      metrics.sent(serverMessage(MessageType.Pong, { t: 1 }), 30, 600);
      expect(await value(registry, 'gateway_messages_sent_total', { type: 'pong' })).toBe(30);
      expect(await value(registry, 'gateway_sent_bytes_total')).toBe(600);
    });

    it('should count error frames by code', async () => {
      metrics.sent(serverMessage(MessageType.Error, { code: ErrorCode.BadJson, message: 'x' }), 1, 10);
      expect(await value(registry, 'gateway_errors_total', { code: 'BAD_JSON' })).toBe(1);
      expect(await value(registry, 'gateway_errors_total', { code: 'INTERNAL' })).toBe(0);
    });

    it('should count nothing for a broadcast that reached nobody', async () => {
      metrics.sent(serverMessage(MessageType.Pong, { t: 1 }), 0, 0);
      expect(await value(registry, 'gateway_messages_sent_total', { type: 'pong' })).toBe(0);
    });
  });

  describe('setSources', () => {
    it('should read connections, rooms and bus state at scrape time', async () => {
      let connections = 3;
      metrics.setSources({ connectionsByCodec: () => [['json', connections], ['protobuf', 1]], rooms: () => 2, busReady: () => true });
      expect(await value(registry, 'gateway_connections', { codec: 'json' })).toBe(3);
      connections = 5;
      expect(await value(registry, 'gateway_connections', { codec: 'json' })).toBe(5);
      expect(await value(registry, 'gateway_connections', { codec: 'protobuf' })).toBe(1);
      expect(await value(registry, 'gateway_rooms')).toBe(2);
      expect(await value(registry, 'gateway_bus_connected')).toBe(1);
    });
  });

  describe('counts kept by their owners', () => {
    it('should read rate limits, drops and closes from their owners at every scrape', async () => {
      const owner = { limited: 2, dropped: 3, busDropped: 0, heartbeat: 1, idle: 4, idleElsewhere: 1 };
      metrics.countRateLimited(() => owner.limited);
      metrics.countDropped('slow_consumer', () => owner.dropped);
      metrics.countDropped('bus_down', () => owner.busDropped);
      metrics.countCloses(4000, () => owner.heartbeat);
      metrics.countCloses(4001, () => owner.idle);
      metrics.countCloses(4001, () => owner.idleElsewhere);
      expect(await value(registry, 'gateway_rate_limited_total')).toBe(2);
      expect(await value(registry, 'gateway_dropped_frames_total', { reason: 'slow_consumer' })).toBe(3);
      expect(await value(registry, 'gateway_dropped_frames_total', { reason: 'bus_down' })).toBe(0);
      expect(await value(registry, 'gateway_closes_total', { code: '4000' })).toBe(1);
      expect(await value(registry, 'gateway_closes_total', { code: '4001' })).toBe(5);
      owner.limited = 7;
      owner.heartbeat = 2;
      expect(await value(registry, 'gateway_rate_limited_total')).toBe(7);
      expect(await value(registry, 'gateway_closes_total', { code: '4000' })).toBe(2);
    });
  });

  describe('the metrics other layers call', () => {
    it('should record tick and bus latency, resumes', async () => {
      metrics.tickDuration(2);
      metrics.busPublishDuration(1);
      metrics.resume('success');
      metrics.resume('failure');
      expect(await value(registry, 'gateway_sync_tick_duration_seconds_count')).toBe(1);
      expect(await value(registry, 'gateway_sync_tick_duration_seconds_sum')).toBeCloseTo(0.002);
      expect(await value(registry, 'gateway_bus_publish_duration_seconds_count')).toBe(1);
      expect(await value(registry, 'gateway_resumes_total', { result: 'failure' })).toBe(1);
    });

    it('should include the default process metrics with event-loop lag', async () => {
      const text = await registry.metrics();
      expect(text).toContain('nodejs_eventloop_lag_seconds');
      expect(text).toContain('process_resident_memory_bytes');
    });
  });
});
