import pino, { type Level, type Logger } from 'pino';
import pretty from 'pino-pretty';

/** Nest's level names, least severe last. */
export type NestLogLevel = 'error' | 'warn' | 'log' | 'debug' | 'verbose';

const PINO_LEVEL: Record<NestLogLevel, Level> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };
const ORDER: NestLogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** The pino level that writes `level` and everything more severe. */
export function pinoLevelOf(level: NestLogLevel): Level {
  return PINO_LEVEL[level];
}

/** The least severe level of a Nest `logger: [...]` list (`false` or `[]`: nothing at all). */
export function pinoLevelOfList(levels: false | readonly NestLogLevel[]): Level | 'silent' {
  if (!levels || levels.length === 0) return 'silent';
  const least = ORDER.filter((level) => levels.includes(level)).at(-1) as NestLogLevel;
  return PINO_LEVEL[least];
}

export interface RootLoggerOptions {
  level: NestLogLevel;
  format: 'json' | 'pretty';
  instanceId: string;
  /** Where lines go; stdout by default (tests pass a stream to read them). */
  destination?: NodeJS.WritableStream;
}

/**
 * The process's root logger: one JSON object per line with `level` as a name, an ISO `time`,
 * and `instance` on every line so that lines of several instances can be told apart once
 * collected. `pretty` is for a developer's terminal; it writes synchronously (no worker thread).
 */
export function createRootLogger(options: RootLoggerOptions): Logger {
  const destination =
    options.format === 'pretty'
      ? pretty({ sync: true, colorize: true, singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', destination: options.destination ?? 1 })
      : (options.destination ?? pino.destination({ dest: 1, sync: true }));
  return pino(
    {
      level: pinoLevelOf(options.level),
      base: { instance: options.instanceId },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
