import { Inject, Injectable } from '@nestjs/common';
import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import { BUS_EVENT, eventChannel } from './bus-event.topic';
import { type Bus, BUS } from './bus.port';

/**
 * Emits microservice events on the bus, for `@EventPattern` handlers on every instance:
 * `busClient.emit('match.ended', { roomId })`. `send` (request-response) fails with an error that
 * says to use `emit`.
 */
@Injectable()
export class BusEventClient extends ClientProxy {
  constructor(@Inject(BUS) private readonly bus: Bus) {
    super();
  }

  async connect(): Promise<void> {
    // The bus connects itself; emitting while it is down drops the event (and counts it).
  }

  close(): void {}

  unwrap<T>(): T {
    return this.bus as T;
  }

  protected publish(_packet: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    callback({ err: 'request-response is not supported on the gateway bus; use emit() and @EventPattern', isDisposed: true });
    return () => undefined;
  }

  protected async dispatchEvent<T>(packet: ReadPacket): Promise<T> {
    const pattern = this.normalizePattern(packet.pattern);
    this.bus.publish(eventChannel(pattern), BUS_EVENT, { pattern, data: packet.data });
    return undefined as T;
  }
}
