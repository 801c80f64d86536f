import { Inject, Injectable } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { ErrorCode, InternalEvent, MessageType, type ServerMessage } from '../protocol';
import { METRICS_REGISTRY } from './metrics.constants';
import { defineMetrics, type GatewayMetrics, type MetricSources } from './metrics.definitions';
import { PendingCounts } from './pending-counts';
import { ScrapedCounts } from './scraped-counts';

/** Label of `messages_received_total` for frames the adapter rejected. */
export const REJECTED_LABEL = 'rejected';

export type ResumeResult = 'success' | 'failure';
/** How a matchmaking request ended: joined an existing room, created one, or refused (with the error code). */
export type MatchmakingOutcome = 'joined' | 'created' | 'refused';

/**
 * The one thing the rest of the app calls to count: one cheap method per event, no prom-client
 * types at call sites. Per-message counts go to plain-number tallies (`PendingCounts`) that are
 * added to the prom-client counters at scrape time, so a counted message costs a Map lookup and
 * an addition, never a label hash.
 *
 * @example this.metrics.received(message.type, frame.length);
 */
@Injectable()
export class MetricsService {
  readonly metrics: GatewayMetrics;
  private readonly sources: Pick<MetricSources, 'connectionsByCodec' | 'rooms' | 'busReady'> = {
    connectionsByCodec: () => [],
    rooms: () => 0,
    busReady: () => false,
  };
  private readonly rateLimitedCounts = new ScrapedCounts();
  private readonly droppedCounts = new ScrapedCounts();
  private readonly closeCounts = new ScrapedCounts();
  private readonly refusedUpgradeCounts = new ScrapedCounts();
  private readonly receivedByType: PendingCounts;
  private readonly sentByType: PendingCounts;
  private readonly errorsByCode: PendingCounts;
  private bytesReceived = 0;
  private bytesSent = 0;

  constructor(@Inject(METRICS_REGISTRY) readonly registry: Registry) {
    // Indirection so that sources wired later are seen by the collect() callbacks.
    this.metrics = defineMetrics(registry, {
      connectionsByCodec: () => this.sources.connectionsByCodec(),
      rooms: () => this.sources.rooms(),
      busReady: () => this.sources.busReady(),
      rateLimited: () => sum(this.rateLimitedCounts.totals()),
      droppedFrames: () => this.droppedCounts.totals(),
      closes: () => this.closeCounts.totals(),
      upgradesRefused: () => this.refusedUpgradeCounts.totals(),
      flushPending: () => this.flushPending(),
    });
    const types = Object.values(MessageType);
    this.receivedByType = new PendingCounts(this.metrics.messagesReceived, 'type', [...types, REJECTED_LABEL]);
    this.sentByType = new PendingCounts(this.metrics.messagesSent, 'type', types);
    this.errorsByCode = new PendingCounts(this.metrics.errors, 'code', Object.values(ErrorCode));
  }

  /** Where the scrape-time gauges read from; called once by the module that owns the data. */
  setSources(sources: Partial<Pick<MetricSources, 'connectionsByCodec' | 'rooms' | 'busReady'>>): void {
    Object.assign(this.sources, sources);
  }

  // The count* methods register a count its owner keeps in a plain field; it is read at every
  // scrape, so nothing is called per event. Register once, at construction or module init:
  // `this.metrics.countCloses(CloseCode.HeartbeatTimeout, () => this.timeouts)`.

  /** Frames refused by the rate limit (`rate_limited_total`). */
  countRateLimited(read: () => number): void {
    this.rateLimitedCounts.add('', read);
  }

  /** Outbound frames not written, by `reason` from a small fixed set (`dropped_frames_total`). */
  countDropped(reason: string, read: () => number): void {
    this.droppedCounts.add(reason, read);
  }

  /** Connections the server closed with `code` (`closes_total`). */
  countCloses(code: number, read: () => number): void {
    this.closeCounts.add(String(code), read);
  }

  /** Upgrades refused before a connection existed, by `reason` from a small fixed set (`upgrades_refused_total`). */
  countRefusedUpgrades(reason: string, read: () => number): void {
    this.refusedUpgradeCounts.add(reason, read);
  }

  /** One inbound data frame, after decoding (`type` is the message type or the rejected event). */
  received(type: string, bytes: number): void {
    this.receivedByType.add(type === InternalEvent.Rejected ? REJECTED_LABEL : type);
    this.bytesReceived += bytes;
  }

  /** One server message written to `recipients` sockets, `bytes` in total. Call once per broadcast. */
  sent(message: ServerMessage, recipients: number, bytes: number): void {
    if (recipients === 0) return;
    this.sentByType.add(message.type, recipients);
    this.bytesSent += bytes;
    if (message.type === MessageType.Error) this.errorsByCode.add((message as ServerMessage<'error'>).payload.code, recipients);
  }

  /** Duration of one tick over all active rooms. */
  tickDuration(ms: number): void {
    this.metrics.tickDuration.observe(ms / 1000);
  }

  /** Time a bus publish took until the transport accepted it. */
  busPublishDuration(ms: number): void {
    this.metrics.busPublishDuration.observe(ms / 1000);
  }

  /** A resume attempt's outcome (rare: a per-event call is fine). */
  resume(result: ResumeResult): void {
    this.metrics.resumes.labels(result).inc();
  }

  /** A matchmaking request's outcome (`request` is its message type; `reason` the error code when refused). */
  matchmaking(request: string, outcome: MatchmakingOutcome, reason = ''): void {
    this.metrics.matchmaking.labels(request, outcome, reason).inc();
  }

  private flushPending(): void {
    this.receivedByType.flush();
    this.sentByType.flush();
    this.errorsByCode.flush();
    if (this.bytesReceived > 0) this.metrics.bytesReceived.inc(this.bytesReceived);
    if (this.bytesSent > 0) this.metrics.bytesSent.inc(this.bytesSent);
    this.bytesReceived = 0;
    this.bytesSent = 0;
  }
}

function sum(totals: Iterable<readonly [string, number]>): number {
  let total = 0;
  for (const [, n] of totals) total += n;
  return total;
}
