import { Inject, Injectable } from '@nestjs/common';
import type { Counter, Registry } from 'prom-client';
import { ErrorCode, InternalEvent, MessageType, type ServerMessage } from '../protocol';
import { METRICS_REGISTRY } from './metrics.constants';
import { defineMetrics, type GatewayMetrics, type MetricSources } from './metrics.definitions';

/** Label of `messages_received_total` for frames the adapter rejected. */
export const REJECTED_LABEL = 'rejected';

export type ResumeResult = 'success' | 'failure';

/**
 * The one thing the rest of the app calls to count: one cheap method per event, no prom-client
 * types at call sites. Label children are bound once (per message type, per error code) so that
 * a counted message costs a Map lookup and an addition, never a label-object hash.
 *
 * @example this.metrics.received(message.type, frame.length);
 */
@Injectable()
export class MetricsService {
  readonly metrics: GatewayMetrics;
  private readonly sources: MetricSources = {
    connectionsByCodec: () => [],
    rooms: () => 0,
    busReady: () => false,
  };
  private readonly receivedByType: Map<string, Counter.Internal>;
  private readonly sentByType: Map<string, Counter.Internal>;
  private readonly errorsByCode: Map<string, Counter.Internal>;

  constructor(@Inject(METRICS_REGISTRY) readonly registry: Registry) {
    // Indirection so that sources wired later are seen by the collect() callbacks.
    this.metrics = defineMetrics(registry, {
      connectionsByCodec: () => this.sources.connectionsByCodec(),
      rooms: () => this.sources.rooms(),
      busReady: () => this.sources.busReady(),
    });
    const types = Object.values(MessageType);
    this.receivedByType = bind(this.metrics.messagesReceived, types);
    this.receivedByType.set(InternalEvent.Rejected, bind(this.metrics.messagesReceived, [REJECTED_LABEL]).get(REJECTED_LABEL)!);
    this.sentByType = bind(this.metrics.messagesSent, types);
    this.errorsByCode = bind(this.metrics.errors, Object.values(ErrorCode));
  }

  /** Where the scrape-time gauges read from; called once by the module that owns the data. */
  setSources(sources: Partial<MetricSources>): void {
    Object.assign(this.sources, sources);
  }

  /** One inbound data frame, after decoding (`type` is the message type or the rejected event). */
  received(type: string, bytes: number): void {
    (this.receivedByType.get(type) ?? child(this.receivedByType, this.metrics.messagesReceived, type)).inc();
    this.metrics.bytesReceived.inc(bytes);
  }

  /** One server message written to `recipients` sockets, `bytes` in total. Call once per broadcast. */
  sent(message: ServerMessage, recipients: number, bytes: number): void {
    if (recipients === 0) return;
    (this.sentByType.get(message.type) ?? child(this.sentByType, this.metrics.messagesSent, message.type)).inc(recipients);
    this.metrics.bytesSent.inc(bytes);
    if (message.type === MessageType.Error) {
      const code = (message as ServerMessage<'error'>).payload.code;
      (this.errorsByCode.get(code) ?? child(this.errorsByCode, this.metrics.errors, code)).inc(recipients);
    }
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
}

/** Binds one child per known label value and exports it at 0, so that `rate()` sees a series from the start. */
function bind<L extends string>(counter: Counter<L>, values: readonly string[]): Map<string, Counter.Internal> {
  return new Map(
    values.map((value) => {
      const bound = counter.labels(value);
      bound.inc(0);
      return [value, bound];
    }),
  );
}

/** A label value not known in advance: bound once, then cached like the others. */
function child<L extends string>(cache: Map<string, Counter.Internal>, counter: Counter<L>, value: string) {
  const bound = counter.labels(value);
  cache.set(value, bound);
  return bound;
}
