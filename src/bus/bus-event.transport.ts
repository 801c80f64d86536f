import { Inject, Injectable } from '@nestjs/common';
import { BaseRpcContext, type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { BUS_EVENT, eventChannel } from './bus-event.topic';
import { type Bus, BUS } from './bus.port';

/**
 * The bus as a Nest microservice transport: a backend module's `@EventPattern('match.ended')`
 * handler receives what any instance `emit`s through `BusEventClient`, once per subscribed
 * instance. Connected as a hybrid app in bootstrap.ts when REDIS_URL is set.
 *
 * Events only: request-response (`@MessagePattern`) has no single answering instance here.
 *
 * @example
 * ```ts
 * @Controller()
 * export class MatchEvents {
 *   @EventPattern('match.ended')
 *   onMatchEnded(@Payload() data: { roomId: string }) { ... }
 * }
 * ```
 */
@Injectable()
export class BusEventTransport extends Server implements CustomTransportStrategy {
  private readonly unsubscribers: (() => void)[] = [];

  constructor(@Inject(BUS) private readonly bus: Bus) {
    super();
  }

  listen(callback: (...optionalParams: unknown[]) => void): void {
    for (const [pattern, handler] of this.getHandlers()) {
      if (!handler.isEventHandler) {
        this.logger.warn(`@MessagePattern('${pattern}') ignored: the bus carries events only; use @EventPattern`);
        continue;
      }
      this.unsubscribers.push(
        this.bus.subscribe(eventChannel(pattern), BUS_EVENT, (event) => {
          this.handleEvent(pattern, { pattern, data: event.data }, new BaseRpcContext([])).catch((error: Error) =>
            this.logger.error(`@EventPattern('${pattern}') failed: ${error.stack}`),
          );
        }),
      );
    }
    callback();
  }

  close(): void {
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
  }

  on(): void {
    // Status is the bus's `status$`; no transport-specific events.
  }

  unwrap<T>(): T {
    return this.bus as T;
  }
}
