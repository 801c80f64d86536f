import { collectDefaultMetrics, Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Prefix of every gateway metric; the default process metrics keep their standard names. */
export const METRIC_PREFIX = 'gateway_';

/**
 * Every metric the gateway exposes, defined in one place so that names, help texts, labels and
 * buckets can be reviewed together. Gauges whose value already lives elsewhere (connections,
 * rooms, bus state) are read at scrape time through `collect()`; nothing on the hot path keeps
 * them up to date. The per-message counters are tallied in plain numbers by `MetricsService`
 * and flushed into prom-client by their `collect()` (the first one collected flushes them all).
 */
export function defineMetrics(registry: Registry, sources: MetricSources) {
  const registers = [registry];
  collectDefaultMetrics({ register: registry }); // includes nodejs_eventloop_lag_seconds

  return {
    connections: new Gauge({
      name: `${METRIC_PREFIX}connections`,
      help: 'Open WebSocket connections on this instance, by codec',
      labelNames: ['codec'] as const,
      registers,
      collect() {
        this.reset();
        for (const [codec, count] of sources.connectionsByCodec()) this.labels(codec).set(count);
      },
    }),
    rooms: new Gauge({
      name: `${METRIC_PREFIX}rooms`,
      help: 'Rooms run by this instance',
      registers,
      collect() {
        this.set(sources.rooms());
      },
    }),
    busConnected: new Gauge({
      name: `${METRIC_PREFIX}bus_connected`,
      help: '1 while the bus reaches the other instances (always 1 on the in-memory bus), else 0',
      registers,
      collect() {
        this.set(sources.busReady() ? 1 : 0);
      },
    }),
    messagesReceived: new Counter({
      name: `${METRIC_PREFIX}messages_received_total`,
      help: 'Client messages received, by type ("rejected" for frames that failed decoding or validation)',
      labelNames: ['type'] as const,
      registers,
      collect: sources.flushPending,
    }),
    messagesSent: new Counter({
      name: `${METRIC_PREFIX}messages_sent_total`,
      help: 'Server frames written to sockets, by message type (a broadcast counts once per recipient)',
      labelNames: ['type'] as const,
      registers,
      collect: sources.flushPending,
    }),
    bytesReceived: new Counter({
      name: `${METRIC_PREFIX}received_bytes_total`,
      help: 'Bytes of inbound WebSocket data frames',
      registers,
      collect: sources.flushPending,
    }),
    bytesSent: new Counter({
      name: `${METRIC_PREFIX}sent_bytes_total`,
      help: 'Bytes of outbound WebSocket data frames',
      registers,
      collect: sources.flushPending,
    }),
    errors: new Counter({
      name: `${METRIC_PREFIX}errors_total`,
      help: '`error` frames sent to clients, by error code',
      labelNames: ['code'] as const,
      registers,
      collect: sources.flushPending,
    }),
    rateLimited: new Counter({
      name: `${METRIC_PREFIX}rate_limited_total`,
      help: 'Client messages refused by the per-connection rate limit',
      registers,
      collect() {
        this.reset();
        this.inc(sources.rateLimited());
      },
    }),
    droppedFrames: new Counter({
      name: `${METRIC_PREFIX}dropped_frames_total`,
      help: 'Outbound frames not written, by reason (slow_consumer: a sync skipped for a client past SEND_BUFFER_SOFT_BYTES; bus_down: a bus message published while Redis was away)',
      labelNames: ['reason'] as const,
      registers,
      collect() {
        setByLabel(this, 'reason', sources.droppedFrames());
      },
    }),
    closes: new Counter({
      name: `${METRIC_PREFIX}closes_total`,
      help: 'Connections the server closed, by close code (4000 heartbeat timeout, 4001 idle, 4002 lifetime, 4003 slow consumer, 4101 token expired)',
      labelNames: ['code'] as const,
      registers,
      collect() {
        setByLabel(this, 'code', sources.closes());
      },
    }),
    upgradesRefused: new Counter({
      name: `${METRIC_PREFIX}upgrades_refused_total`,
      help: 'WebSocket upgrades refused before a connection existed, by reason (unauthorized, token_expired: closed with 4100/4101 at once; full: MAX_CONNECTIONS; per_address: MAX_CONNECTIONS_PER_IP; origin; shutting_down; auth_unavailable)',
      labelNames: ['reason'] as const,
      registers,
      collect() {
        setByLabel(this, 'reason', sources.upgradesRefused());
      },
    }),
    tickDuration: new Histogram({
      name: `${METRIC_PREFIX}sync_tick_duration_seconds`,
      help: 'Duration of one tick over every active room (apply actions, simulate, publish sync)',
      // A tick at the default 20 Hz has 50 ms; the buckets resolve well below that, finest where a
      // big room's tick lands (10-35 ms: its last member's frame is written that late).
      buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.015, 0.02, 0.025, 0.035, 0.05, 0.1, 0.25],
      registers,
    }),
    busPublishDuration: new Histogram({
      name: `${METRIC_PREFIX}bus_publish_duration_seconds`,
      help: 'Time from publishing a bus message until the transport accepted it',
      buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
      registers,
    }),
    resumes: new Counter({
      name: `${METRIC_PREFIX}resumes_total`,
      help: 'Session resume attempts, by result',
      labelNames: ['result'] as const,
      registers,
    }),
    matchmaking: new Counter({
      name: `${METRIC_PREFIX}matchmaking_total`,
      help: 'Matchmaking requests (join_or_create, create_room), by outcome (joined an existing room, created one, refused) and, when refused, the error code',
      labelNames: ['request', 'outcome', 'reason'] as const,
      registers,
    }),
  };
}

export type GatewayMetrics = ReturnType<typeof defineMetrics>;

/**
 * Where scrape-time gauges read their values. Set by the layer that owns the data (the gateway
 * module wires connections, rooms and bus); until then they read as zero.
 */
export interface MetricSources {
  connectionsByCodec(): Iterable<readonly [string, number]>;
  rooms(): number;
  busReady(): boolean;
  /** Totals kept by their owners (see `ScrapedCounts`). */
  rateLimited(): number;
  droppedFrames(): Iterable<readonly [string, number]>;
  closes(): Iterable<readonly [string, number]>;
  upgradesRefused(): Iterable<readonly [string, number]>;
  /** Adds the hot-path tallies to their counters; called before a scrape reads them. */
  flushPending(): void;
}

/** Sets a counter to totals its owners keep: reset, then add each (a counter has no `set`). */
function setByLabel(counter: Counter<string>, label: string, totals: Iterable<readonly [string, number]>): void {
  counter.reset();
  for (const [value, total] of totals) counter.inc({ [label]: value }, total);
}
