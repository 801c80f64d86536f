import type { BusTopic } from './bus-topic';

/** A Nest microservice event (`ClientProxy.emit` → `@EventPattern`). */
export interface BusEvent {
  pattern: string;
  data: unknown;
}

/** Microservice events: JSON, not on the hot path. */
export const BUS_EVENT: BusTopic<BusEvent> = {
  name: 'event',
  encode: (event) => Buffer.from(JSON.stringify(event)),
  decode: (bytes) => JSON.parse(Buffer.from(bytes).toString('utf8')) as BusEvent,
};

/** Microservice events of one pattern. */
export const eventChannel = (pattern: string): string => `event:${pattern}`;
