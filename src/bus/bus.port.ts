import type { Observable } from 'rxjs';
import type { BusTopic } from './bus-topic';

/** Called with each message of the topic it subscribed to, and the id of the instance that published it. */
export type BusHandler<T> = (message: T, origin: string) => void;
export type BusStatus = 'connected' | 'disconnected';

/** What a bus did since it started; scraped as metrics, asserted by tests. */
export interface BusStats {
  /** Messages handed to the transport (the in-memory bus: messages published). */
  published: number;
  /** Messages that arrived from other instances. */
  received: number;
  /** Published while the transport was away (or refused by it): dropped, never queued. Always 0 in memory. */
  dropped: number;
  /** Received bytes that were not an envelope or of no known topic, and handlers that threw. */
  failed: number;
}

/** DI token of the `Bus` implementation chosen by `BusModule.forRoot()`. */
export const BUS = Symbol('GAME:BUS');

/**
 * Carries typed, opaque messages between gateway instances on named channels. What a message is
 * is its topic's business (`BusTopic`), never the bus's.
 *
 * Guarantees every implementation keeps (`bus.contract.spec.ts` holds each to them):
 * - a published message reaches every handler subscribed to its channel and topic at publish
 *   time, on every instance (this one included), at most once; handlers on the publishing
 *   instance get it synchronously, inside `publish`;
 * - messages published by one instance on one channel arrive in publish order;
 * - `publish` never throws and never blocks: while the transport is down messages still reach
 *   this instance's handlers, and what could not reach the others is dropped and counted in
 *   `stats().dropped`, never queued without bound;
 * - handlers are called one at a time; a throwing handler is counted in `stats().failed` and does
 *   not affect the others;
 * - the function `subscribe` returns removes that one handler, at once and idempotently.
 */
export interface Bus {
  publish<T>(channel: string, topic: BusTopic<T>, message: T): void;
  /** Returns the function that removes this handler again. */
  subscribe<T>(channel: string, topic: BusTopic<T>, handler: BusHandler<T>): () => void;
  /** Whether the transport can currently reach the other instances. */
  readonly status$: Observable<BusStatus>;
  isReady(): boolean;
  stats(): Readonly<BusStats>;
  close(): Promise<void>;
}
