import { Logger } from '@nestjs/common';
import { BehaviorSubject } from 'rxjs';
import type { BusMessage } from './bus-message';
import type { Bus, BusHandler, BusStatus } from './bus.port';

/** The embedded default: one instance, delivery by direct synchronous call, nothing serialized. */
export class InMemoryBus implements Bus {
  private readonly logger = new Logger(InMemoryBus.name);
  private readonly handlers = new Map<string, Set<BusHandler>>();
  readonly status$ = new BehaviorSubject<BusStatus>('connected');

  publish(channel: string, message: BusMessage): void {
    const handlers = this.handlers.get(channel);
    if (!handlers) return;
    for (const handler of handlers) {
      try {
        handler(message);
      } catch (error) {
        this.logger.error(`handler on ${channel} failed: ${(error as Error).stack}`);
      }
    }
  }

  subscribe(channel: string, handler: BusHandler): () => void {
    let handlers = this.handlers.get(channel);
    if (!handlers) this.handlers.set(channel, (handlers = new Set()));
    handlers.add(handler);
    return () => {
      handlers.delete(handler);
      if (handlers.size === 0 && this.handlers.get(channel) === handlers) this.handlers.delete(channel);
    };
  }

  /** Channels with at least one handler (for tests and metrics). */
  channelCount(): number {
    return this.handlers.size;
  }

  isReady(): boolean {
    return true;
  }

  async close(): Promise<void> {
    this.handlers.clear();
    this.status$.complete();
  }
}
