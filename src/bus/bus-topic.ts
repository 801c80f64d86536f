/**
 * One kind of payload on the bus, declared by the feature that owns the payload (the room core's
 * broadcasts, the bridge's room commands, microservice events): the bus carries it without knowing
 * what it is. The in-memory bus passes the object itself; the Redis bus puts `encode`'s bytes in
 * its envelope under `name` and has the subscriber's topic `decode` them on the other side.
 *
 * @example
 * export const SCORE_TOPIC: BusTopic<{ roomId: string; score: number }> = {
 *   name: 'score',
 *   encode: (m) => Buffer.from(JSON.stringify(m)),
 *   decode: (bytes) => JSON.parse(Buffer.from(bytes).toString('utf8')),
 * };
 */
export interface BusTopic<T> {
  /** Unique on the bus; travels in every envelope, so keep it short. */
  readonly name: string;
  encode(message: T): Uint8Array;
  /** Throws on bytes it cannot read; the bus counts the message as failed and drops it. */
  decode(bytes: Uint8Array): T;
}
