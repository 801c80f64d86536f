import type { Logger } from '@nestjs/common';
import type { BusMessage } from './bus-message';
import type { BusHandler } from './bus.port';

/**
 * The handlers of this instance by channel, shared by every `Bus` implementation: adding the
 * first handler of a channel and removing its last are reported (a transport subscribes and
 * unsubscribes there), and delivery isolates handlers from each other (a throwing handler is
 * logged and the others still run, as the port promises).
 */
export class LocalHandlers {
  private readonly byChannel = new Map<string, Set<BusHandler>>();

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

  /**
   * Adds a handler; `onFirst` runs when the channel had none. Returns the remover, which runs
   * `onLast` when it removed the channel's last handler.
   */
  add(channel: string, handler: BusHandler, onFirst?: () => void, onLast?: () => void): () => void {
    let handlers = this.byChannel.get(channel);
    if (!handlers) {
      this.byChannel.set(channel, (handlers = new Set()));
      onFirst?.();
    }
    handlers.add(handler);
    return () => {
      handlers.delete(handler);
      if (handlers.size === 0 && this.byChannel.get(channel) === handlers) {
        this.byChannel.delete(channel);
        onLast?.();
      }
    };
  }

  /** Calls every handler of `channel`; returns how many threw. */
  deliver(channel: string, message: BusMessage): number {
    const handlers = this.byChannel.get(channel);
    if (!handlers) return 0;
    let failed = 0;
    for (const handler of handlers) {
      try {
        handler(message);
      } catch (error) {
        failed += 1;
        this.logger.error(`handler on ${channel} failed: ${(error as Error).stack}`);
      }
    }
    return failed;
  }

  clear(): void {
    this.byChannel.clear();
  }
}
