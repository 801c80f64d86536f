import { Logger } from '@nestjs/common';
import { BehaviorSubject } from 'rxjs';
import type { BusMessage } from './bus-message';
import type { Bus, BusHandler, BusStatus } from './bus.port';
import { LocalHandlers } from './local-handlers';

/** The embedded default: one instance, delivery by direct synchronous call, nothing serialized. */
export class InMemoryBus implements Bus {
  private readonly handlers = new LocalHandlers(new Logger(InMemoryBus.name));
  readonly status$ = new BehaviorSubject<BusStatus>('connected');

  publish(channel: string, message: BusMessage): void {
    this.handlers.deliver(channel, message);
  }

  subscribe(channel: string, handler: BusHandler): () => void {
    return this.handlers.add(channel, handler);
  }

  /** Channels with at least one handler (for tests and metrics). */
  channelCount(): number {
    return this.handlers.channelCount;
  }

  isReady(): boolean {
    return true;
  }

  async close(): Promise<void> {
    this.handlers.clear();
    this.status$.complete();
  }
}
