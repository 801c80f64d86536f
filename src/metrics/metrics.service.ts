import { Inject, Injectable } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { ErrorCode, InternalEvent, MessageType, type ServerMessage } from '../protocol';
import { METRICS_REGISTRY } from './metrics.constants';
import { defineMetrics, type GatewayMetrics, type MetricSources } from './metrics.definitions';
import { PendingCounts } from './pending-counts';

/** Label of `messages_received_total` for frames the adapter rejected. */
export const REJECTED_LABEL = 'rejected';

export type ResumeResult = 'success' | 'failure';

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
  private readonly sources: Omit<MetricSources, 'flushPending'> = {
    connectionsByCodec: () => [],
    rooms: () => 0,
    busReady: () => false,
  };
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
      flushPending: () => this.flushPending(),
    });
    const types = Object.values(MessageType);
    this.receivedByType = new PendingCounts(this.metrics.messagesReceived, 'type', [...types, REJECTED_LABEL]);
    this.sentByType = new PendingCounts(this.metrics.messagesSent, 'type', types);
    this.errorsByCode = new PendingCounts(this.metrics.errors, 'code', Object.values(ErrorCode));
  }

  /** Where the scrape-time gauges read from; called once by the module that owns the data. */
  setSources(sources: Partial<Omit<MetricSources, 'flushPending'>>): void {
    Object.assign(this.sources, sources);
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

  /** A client message refused by the connection's rate limit. */
  rateLimited(): void {
    this.metrics.rateLimited.inc();
  }

  /** An outbound frame not written (`reason` from a small fixed set, e.g. "slow_consumer"). */
  dropped(reason: string, frames = 1): void {
    this.metrics.droppedFrames.labels(reason).inc(frames);
  }

  /** Duration of one tick over all active rooms. */
  tickDuration(ms: number): void {
    this.metrics.tickDuration.observe(ms / 1000);
  }

  /** Time a bus publish took until the transport accepted it. */
  busPublishDuration(ms: number): void {
    this.metrics.busPublishDuration.observe(ms / 1000);
  }

  resume(result: ResumeResult): void {
    this.metrics.resumes.labels(result).inc();
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
