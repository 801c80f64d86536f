import type { Observable } from 'rxjs';
import type { BusMessage } from './bus-message';

export type BusHandler = (message: BusMessage) => void;
export type BusStatus = 'connected' | 'disconnected';

/** DI token of the `Bus` implementation chosen by `BusModule.forRoot()`. */
export const BUS = Symbol('GAME:BUS');

/**
 * Carries every room broadcast and cross-client delivery between gateway instances.
 *
 * Guarantees every implementation keeps (the bus contract spec holds each to them):
 * - a published message reaches every handler subscribed to its channel at publish time, on
 *   every instance (this one included), at most once;
 * - messages published by one instance on one channel arrive in publish order;
 * - `publish` never throws and never blocks: while the transport is down messages are dropped
 *   (and counted) rather than queued without bound;
 * - handlers are called one at a time; a throwing handler does not affect the others.
 */
export interface Bus {
  publish(channel: string, message: BusMessage): void;
  /** Returns the function that removes this handler again. */
  subscribe(channel: string, handler: BusHandler): () => void;
  /** Whether the transport can currently reach the other instances. */
  readonly status$: Observable<BusStatus>;
  isReady(): boolean;
  close(): Promise<void>;
}
