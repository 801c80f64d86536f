import { Logger } from '@nestjs/common';
import { BehaviorSubject } from 'rxjs';
import type { BusTopic } from './bus-topic';
import type { Bus, BusHandler, BusStats, BusStatus } from './bus.port';
import { LocalHandlers } from './local-handlers';

/** The embedded default: one instance, delivery by direct synchronous call, nothing serialized. */
export class InMemoryBus implements Bus {
  private readonly handlers = new LocalHandlers(new Logger(InMemoryBus.name));
  private readonly counts: BusStats = { published: 0, received: 0, dropped: 0, failed: 0 };
  readonly status$ = new BehaviorSubject<BusStatus>('connected');

  /** `instanceId` is what handlers get as `origin`. */
  constructor(private readonly instanceId = 'local') {}

  publish<T>(channel: string, topic: BusTopic<T>, message: T): void {
    this.counts.published += 1;
    this.counts.failed += this.handlers.deliver(channel, topic.name, message, this.instanceId);
  }

  subscribe<T>(channel: string, topic: BusTopic<T>, handler: BusHandler<T>): () => void {
    return this.handlers.add(channel, topic, handler);
  }

  /** Channels with at least one handler (for tests and metrics). */
  channelCount(): number {
    return this.handlers.channelCount;
  }

  isReady(): boolean {
    return true;
  }

  stats(): Readonly<BusStats> {
    return this.counts;
  }

  async close(): Promise<void> {
    this.handlers.clear();
    this.status$.complete();
  }
}
