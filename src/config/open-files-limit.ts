import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Assumed when the limit cannot be read (Windows, a minimal image without `sh`). */
export const FALLBACK_OPEN_FILES_LIMIT = 1024;
/** Read from a soft limit of "unlimited": a generous bound, far above what one process serves. */
const UNLIMITED = 1_048_576;
/**
 * Descriptors kept free of WebSocket connections: Redis (two connections, more with a Cluster),
 * the HTTP listener, health and readiness probes, metric scrapes, logs, the JWKS fetch and Node's
 * own handful. At least this many, or 5 % of a large limit.
 */
export const RESERVED_FILES_MIN = 100;
export const RESERVED_FILES_SHARE = 0.05;

/**
 * The process's soft limit on open files (`ulimit -n`): from /proc/self/limits on Linux, else
 * from `sh -c 'ulimit -n'` (macOS, BSDs), else FALLBACK_OPEN_FILES_LIMIT.
 */
export function openFilesLimit(): number {
  try {
    const line = /^Max open files\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    if (line) return parseLimit(line[1]);
  } catch {
    // not Linux: ask the shell
  }
  try {
    return parseLimit(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8', timeout: 2000 }).trim());
  } catch {
    return FALLBACK_OPEN_FILES_LIMIT;
  }
}

function parseLimit(text: string): number {
  if (text === 'unlimited') return UNLIMITED;
  const limit = Number(text);
  return Number.isInteger(limit) && limit > 0 ? limit : FALLBACK_OPEN_FILES_LIMIT;
}

/**
 * The default MAX_CONNECTIONS for an open-files limit: the limit minus the reserve (at least
 * RESERVED_FILES_MIN, or RESERVED_FILES_SHARE of it), and at least half the limit when the limit
 * is so small that the reserve would eat it. Each WebSocket costs one descriptor.
 *
 * @example defaultMaxConnections(20_000) // 19,000
 * @example defaultMaxConnections(1024)   // 924
 */
export function defaultMaxConnections(limit: number): number {
  const reserve = Math.max(RESERVED_FILES_MIN, Math.ceil(limit * RESERVED_FILES_SHARE));
  return Math.max(Math.floor(limit / 2), limit - reserve);
}
