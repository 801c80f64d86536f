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

/** `auto`: `pretty` when the destination is a terminal, else `json`. */
export type LogFormat = 'auto' | 'json' | 'pretty';

export interface RootLoggerOptions {
  level: NestLogLevel;
  format: LogFormat;
  instanceId: string;
  /** Where lines go; stdout by default (tests pass a stream to read them). */
  destination?: NodeJS.WritableStream;
}

/** The format `auto` resolves to: colored lines for a person at a terminal, JSON for collectors and pipes. */
export function resolveLogFormat(format: LogFormat, destination: { isTTY?: boolean } = process.stdout): 'json' | 'pretty' {
  if (format !== 'auto') return format;
  return destination.isTTY ? 'pretty' : 'json';
}

/**
 * The process's root logger: one JSON object per line with `level` as a name, an ISO `time`,
 * and `instance` on every line so that lines of several instances can be told apart once
 * collected; errors as data in `err` (type, message, stack). `pretty` is for a developer's
 * terminal (colored where the terminal supports it and NO_COLOR is unset, an error's stack
 * below its line); it writes synchronously (no worker thread).
 */
export function createRootLogger(options: RootLoggerOptions): Logger {
  const format = resolveLogFormat(options.format, (options.destination as { isTTY?: boolean } | undefined) ?? process.stdout);
  const destination =
    format === 'pretty'
      ? pretty({
          sync: true,
          singleLine: true,
          translateTime: 'SYS:HH:MM:ss.l',
          ignore: 'pid,hostname,instance,context',
          messageFormat: '{if context}[{context}] {end}{msg}',
          errorLikeObjectKeys: ['err'],
          destination: options.destination ?? 1,
          // Colors follow the terminal (and NO_COLOR) on stdout; never in a stream a test reads.
          ...(options.destination && { colorize: false }),
        })
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
