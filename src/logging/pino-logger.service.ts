import { Inject, Injectable, type LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from './logging.constants';

/**
 * Nest's `LoggerService` over the root pino logger: every `new Logger(Class.name)` writes one
 * JSON line with `context` (the class) and whatever fields the call passes (`{ msg, clientId,
 * roomId }`). Deliberately not nestjs-pino: its per-request middleware runs an
 * AsyncLocalStorage, which switches on promise hooks for the whole process and cost the
 * WebSocket hot path measurably in a profile; gateway logs need no request context.
 */
@Injectable()
export class PinoLoggerService implements LoggerService {
  constructor(@Inject(ROOT_LOGGER) private readonly root: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  /** Nest passes `(message, ...optionalParams, context)`; errors also pass a stack before the context. */
  private write(level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal', message: unknown, rest: unknown[]): void {
    if (!this.root.isLevelEnabled(level)) return;
    const context = typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : undefined;
    const stack = level === 'error' && rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    if (message instanceof Error) {
      this.root[level]({ context, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      const { msg, ...fields } = message as { msg?: unknown };
      this.root[level]({ context, ...fields, ...(stack && { stack }) }, typeof msg === 'string' ? msg : '');
    } else {
      this.root[level]({ context, ...(stack && { stack }) }, String(message));
    }
  }
}
