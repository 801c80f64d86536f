import type { Logger } from '@nestjs/common';
import type { BusTopic } from './bus-topic';
import type { BusHandler } from './bus.port';

interface Subscription {
  readonly topic: BusTopic<unknown>;
  readonly handler: BusHandler<unknown>;
}

/**
 * The handlers of this instance by channel, shared by every `Bus` implementation: adding the
 * first handler of a channel and removing its last are reported (a transport subscribes and
 * unsubscribes there), and delivery isolates handlers from each other (a throwing handler is
 * logged and the others still run, as the port promises).
 */
export class LocalHandlers {
  private readonly byChannel = new Map<string, Set<Subscription>>();

  constructor(private readonly logger: Logger) {}

  /** Channels with at least one handler. */
  get channelCount(): number {
    return this.byChannel.size;
  }

  channels(): IterableIterator<string> {
    return this.byChannel.keys();
  }

  has(channel: string): boolean {
    return this.byChannel.has(channel);
  }

  /** The topic named `name` as a handler of `channel` declared it (to decode bytes from elsewhere). */
  topic(channel: string, name: string): BusTopic<unknown> | undefined {
    for (const subscription of this.byChannel.get(channel) ?? []) if (subscription.topic.name === name) return subscription.topic;
    return undefined;
  }

  /**
   * Adds a handler; `onFirst` runs when the channel had none. Returns the remover, which runs
   * `onLast` when it removed the channel's last handler; calling it again does nothing.
   */
  add<T>(channel: string, topic: BusTopic<T>, handler: BusHandler<T>, onFirst?: () => void, onLast?: () => void): () => void {
    let subscriptions = this.byChannel.get(channel);
    if (!subscriptions) {
      this.byChannel.set(channel, (subscriptions = new Set()));
      onFirst?.();
    }
    const subscription = { topic, handler } as Subscription;
    subscriptions.add(subscription);
    return () => {
      if (!subscriptions.delete(subscription)) return;
      if (subscriptions.size === 0 && this.byChannel.get(channel) === subscriptions) {
        this.byChannel.delete(channel);
        onLast?.();
      }
    };
  }

  /** Calls every handler of `channel` subscribed to topic `name`; returns how many threw. */
  deliver(channel: string, name: string, message: unknown, origin: string): number {
    const subscriptions = this.byChannel.get(channel);
    if (!subscriptions) return 0;
    let failed = 0;
    for (const { topic, handler } of subscriptions) {
      if (topic.name !== name) continue;
      try {
        handler(message, origin);
      } catch (error) {
        failed += 1;
        this.logger.error(`handler of ${name} on ${channel} failed: ${(error as Error).stack}`);
      }
    }
    return failed;
  }

  clear(): void {
    this.byChannel.clear();
  }
}
