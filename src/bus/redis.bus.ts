import { Logger } from '@nestjs/common';
import { BehaviorSubject, distinctUntilChanged, type Observable } from 'rxjs';
import type { MetricsService } from '../metrics';
import { type RedisConnections, ShardedSubscriber } from '../redis';
import { type BusEnvelope, BusEnvelopeCodec } from './bus-envelope.codec';
import type { BusTopic } from './bus-topic';
import type { Bus, BusHandler, BusStats, BusStatus } from './bus.port';
import { LocalHandlers } from './local-handlers';

/** One publish in this many is timed for `bus_publish_duration_seconds`: enough for percentiles, no cost per message. */
const PUBLISH_TIMING_SAMPLE = 64;

/**
 * The bus between instances over Redis pub/sub: PUBLISH/SUBSCRIBE on a standalone server,
 * sharded SPUBLISH/SSUBSCRIBE on a Cluster (a room's channel lives on one shard, so bus traffic
 * scales with the number of masters instead of being copied to every node).
 *
 * Keeps the `Bus` guarantees: handlers on this instance get a message synchronously at publish,
 * like the in-memory bus, and the Redis echo is skipped by origin id; so local members are served
 * even while Redis is down. A message is encoded once per publish (its topic's bytes in a
 * `busproto.v2.Envelope`) and decoded once per receiving instance, whatever the number of
 * handlers. Each channel is subscribed in Redis exactly while it has a handler here; after a
 * reconnection every such channel is subscribed again before the status turns `connected` (on a
 * Cluster the `ShardedSubscriber` does that itself, per master, and is `ready` only then).
 */
export class RedisBus implements Bus {
  private readonly logger = new Logger(RedisBus.name);
  private readonly handlers: LocalHandlers;
  private readonly codec = new BusEnvelopeCodec();
  private readonly status = new BehaviorSubject<BusStatus>('disconnected');
  readonly status$: Observable<BusStatus> = this.status.pipe(distinctUntilChanged());
  private readonly counts: BusStats = { published: 0, received: 0, dropped: 0, failed: 0 };
  private closed = false;

  constructor(
    private readonly redis: RedisConnections,
    readonly instanceId: string,
    private readonly metrics?: MetricsService,
  ) {
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

  publish<T>(channel: string, topic: BusTopic<T>, message: T): void {
    this.counts.failed += this.handlers.deliver(channel, topic.name, message, this.instanceId);
    if (this.closed) return;
    if (!this.isUp(this.redis.cmd)) {
      this.counts.dropped += 1;
      return;
    }
    let bytes: Buffer;
    try {
      bytes = this.codec.encode({ origin: this.instanceId, topic: topic.name, payload: topic.encode(message) });
    } catch (error) {
      // A topic that cannot encode its own message is a bug; publish still never throws.
      this.counts.failed += 1;
      this.logger.error(`could not encode a ${topic.name} message for ${channel}: ${(error as Error).stack}`);
      return;
    }
    const wire = this.wire(channel);
    const cmd = this.redis.cmd;
    const sent = this.redis.cluster ? cmd.spublish(wire, bytes) : cmd.publish(wire, bytes);
    this.counts.published += 1;
    if (this.metrics && this.counts.published % PUBLISH_TIMING_SAMPLE === 0) this.timePublish(sent, this.metrics);
    sent.catch(() => (this.counts.dropped += 1));
  }

  subscribe<T>(channel: string, topic: BusTopic<T>, handler: BusHandler<T>): () => void {
    return this.handlers.add(
      channel,
      topic,
      handler,
      () => this.command('subscribe', [channel]),
      () => this.command('unsubscribe', [channel]),
    );
  }

  isReady(): boolean {
    return this.status.value === 'connected';
  }

  stats(): Readonly<BusStats> {
    return this.counts;
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
    let envelope: BusEnvelope;
    let message: unknown;
    try {
      envelope = this.codec.decode(data);
      // Local handlers already had it at publish time.
      if (envelope.origin === this.instanceId) return;
      const topic = this.handlers.topic(name, envelope.topic);
      if (!topic) return; // nobody here listens to that topic on this channel
      message = topic.decode(envelope.payload);
    } catch (error) {
      this.counts.failed += 1;
      this.logger.warn(`undecodable bus message on ${name}: ${(error as Error).message}`);
      return;
    }
    this.counts.received += 1;
    this.counts.failed += this.handlers.deliver(name, envelope.topic, message, envelope.origin);
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
    if (channels.length === 0 || this.closed) return Promise.resolve();
    const sub = this.redis.sub;
    const wire = channels.map((channel) => this.wire(channel));
    if (sub instanceof ShardedSubscriber) {
      // It keeps what is wanted, up or not, and (re)subscribes each on its shard's master.
      if (verb === 'subscribe') sub.add(wire);
      else sub.remove(wire);
      return Promise.resolve();
    }
    if (!this.isUp(sub)) return Promise.resolve();
    const sent = verb === 'subscribe' ? sub.subscribe(...wire) : sub.unsubscribe(...wire);
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

  private isUp(client: { status: string }): boolean {
    return client.status === 'ready';
  }

  private wire(channel: string): string {
    return this.redis.settings.keyPrefix + channel;
  }
}
