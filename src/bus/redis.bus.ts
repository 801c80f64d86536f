import { Logger } from '@nestjs/common';
import { BehaviorSubject, distinctUntilChanged, type Observable } from 'rxjs';
import type { MetricsService } from '../metrics';
import type { RedisClient, RedisConnections } from '../redis';
import { BusEnvelopeCodec } from './bus-envelope.codec';
import type { BusMessage } from './bus-message';
import type { Bus, BusHandler, BusStatus } from './bus.port';
import { LocalHandlers } from './local-handlers';

/** Counters of what the bus could not do; exported for metrics and asserted by tests. */
export interface RedisBusStats {
  published: number;
  received: number;
  /** Published while Redis was away (or rejected by it): dropped, never queued. */
  dropped: number;
  /** Received bytes that were not an envelope, or a handler that threw. */
  failed: number;
}

/** One publish in this many is timed for `bus_publish_duration_seconds`: enough for percentiles, no cost per message. */
const PUBLISH_TIMING_SAMPLE = 64;

/**
 * The bus between instances over Redis pub/sub: PUBLISH/SUBSCRIBE on a standalone server,
 * sharded SPUBLISH/SSUBSCRIBE on a Cluster (a room's channel lives on one shard, so bus traffic
 * scales with the number of masters instead of being copied to every node).
 *
 * Keeps the `Bus` guarantees: handlers on this instance get a message synchronously at publish,
 * like the in-memory bus, and the Redis echo is skipped by origin id; so local members are served
 * even while Redis is down. Each channel is subscribed in Redis exactly while it has a handler
 * here; after a reconnection every such channel is subscribed again before the status turns
 * `connected`.
 */
export class RedisBus implements Bus {
  private readonly logger = new Logger(RedisBus.name);
  private readonly handlers: LocalHandlers;
  private readonly codec: BusEnvelopeCodec;
  private readonly status = new BehaviorSubject<BusStatus>('disconnected');
  readonly status$: Observable<BusStatus> = this.status.pipe(distinctUntilChanged());
  readonly stats: RedisBusStats = { published: 0, received: 0, dropped: 0, failed: 0 };
  private closed = false;

  constructor(
    private readonly redis: RedisConnections,
    readonly instanceId: string,
    private readonly metrics?: MetricsService,
  ) {
    this.codec = new BusEnvelopeCodec(instanceId);
    this.handlers = new LocalHandlers(this.logger);
    const sub = redis.sub;
    sub.on(redis.cluster ? 'smessageBuffer' : 'messageBuffer', (channel: Buffer, data: Buffer) => this.onMessage(channel, data));
    for (const client of [redis.cmd, sub]) {
      client.on('ready', () => void this.restore());
      client.on('close', () => this.updateStatus());
      client.on('end', () => this.updateStatus());
    }
    if (this.isUp(redis.cmd) && this.isUp(sub)) void this.restore();
  }

  publish(channel: string, message: BusMessage): void {
    this.dispatch(channel, message);
    if (this.closed) return;
    if (!this.isUp(this.redis.cmd)) {
      this.stats.dropped += 1;
      return;
    }
    const bytes = this.codec.encode(message);
    const wire = this.wire(channel);
    const cmd = this.redis.cmd;
    const sent = this.redis.cluster ? cmd.spublish(wire, bytes) : cmd.publish(wire, bytes);
    this.stats.published += 1;
    if (this.metrics && this.stats.published % PUBLISH_TIMING_SAMPLE === 0) this.timePublish(sent, this.metrics);
    sent.catch(() => (this.stats.dropped += 1));
  }

  subscribe(channel: string, handler: BusHandler): () => void {
    return this.handlers.add(
      channel,
      handler,
      () => this.command('subscribe', [channel]),
      () => this.command('unsubscribe', [channel]),
    );
  }

  isReady(): boolean {
    return this.status.value === 'connected';
  }

  /** Channels with at least one handler on this instance. */
  channelCount(): number {
    return this.handlers.channelCount;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.handlers.clear();
    this.status.next('disconnected');
    this.status.complete();
  }

  /** Time until Redis acknowledged the publish (a failed one is counted as dropped, not timed). */
  private timePublish(sent: Promise<unknown>, metrics: MetricsService): void {
    const started = performance.now();
    sent.then(
      () => metrics.busPublishDuration(performance.now() - started),
      () => undefined,
    );
  }

  private onMessage(channel: Buffer, data: Buffer): void {
    const name = channel.toString('utf8').slice(this.redis.settings.keyPrefix.length);
    if (!this.handlers.has(name)) return;
    let decoded: ReturnType<BusEnvelopeCodec['decode']>;
    try {
      decoded = this.codec.decode(data);
    } catch (error) {
      this.stats.failed += 1;
      this.logger.warn(`undecodable bus message on ${name}: ${(error as Error).message}`);
      return;
    }
    // Local handlers already had it at publish time.
    if (decoded.origin === this.instanceId) return;
    this.stats.received += 1;
    this.dispatch(name, decoded.message);
  }

  private dispatch(channel: string, message: BusMessage): void {
    this.stats.failed += this.handlers.deliver(channel, message);
  }

  /** (Re)subscribes every channel with handlers, then reports the state of both connections. */
  private async restore(): Promise<void> {
    if (this.closed) return;
    const channels = [...this.handlers.channels()];
    // Subscribing in batches keeps one command per ~500 rooms instead of one per room.
    for (let i = 0; i < channels.length; i += 500) await this.command('subscribe', channels.slice(i, i + 500));
    this.updateStatus();
  }

  private command(verb: 'subscribe' | 'unsubscribe', channels: string[]): Promise<void> {
    if (channels.length === 0 || this.closed || !this.isUp(this.redis.sub)) return Promise.resolve();
    const sub = this.redis.sub;
    const wire = channels.map((channel) => this.wire(channel));
    // Sharded channels of one SSUBSCRIBE must share a slot: one command per channel there.
    const sent = this.redis.cluster
      ? Promise.all(wire.map((c) => (verb === 'subscribe' ? sub.ssubscribe(c) : sub.sunsubscribe(c))))
      : verb === 'subscribe'
        ? sub.subscribe(...wire)
        : sub.unsubscribe(...wire);
    // A failure (Redis went away meanwhile) is repaired by `restore` on the next 'ready'.
    return sent.then(
      () => undefined,
      (error: Error) => this.logger.debug(`${verb} failed: ${error.message}`),
    );
  }

  private updateStatus(): void {
    if (this.closed) return;
    this.status.next(this.isUp(this.redis.cmd) && this.isUp(this.redis.sub) ? 'connected' : 'disconnected');
  }

  private isUp(client: RedisClient): boolean {
    return client.status === 'ready';
  }

  private wire(channel: string): string {
    return this.redis.settings.keyPrefix + channel;
  }
}
