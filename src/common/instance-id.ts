import { hostname } from 'node:os';
import { randomId } from './ids';

/**
 * A name for this gateway process, unique across restarts: host, pid and a random suffix (a
 * restarted container keeps its host name and often its pid).
 */
export function newInstanceId(): string {
  return `${hostname()}-${process.pid}-${randomId(3)}`;
}
