import { hostname } from 'node:os';
import { randomId } from './ids';

/**
 * A name for this gateway process, unique across restarts: host, pid and a random suffix (a
 * restarted container keeps its host name and often its pid).
 */
export function newInstanceId(): string {
  return `${hostname()}-${process.pid}-${randomId(3)}`;
}

/**
 * DI token of this gateway instance's id (`newInstanceId()`), provided once by the logging
 * module: it is in every log line and stamped as `origin` on everything the bus publishes.
 */
export const INSTANCE_ID = Symbol('GAME:INSTANCE_ID');
