import { Inject, Injectable, type LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from './logging.constants';

type PinoLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Nest's own startup chatter (one line per module, route and message handler: about 50 lines)
 * is written at debug: at the default level a person sees the lines that say something.
 */
const NEST_STARTUP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'WebSocketsController',
  'NestApplication',
  'NestMicroservice',
]);

/**
 * Nest's `LoggerService` over the root pino logger: every `new Logger(Class.name)` writes one
 * JSON line with `context` (the class) and whatever fields the call passes (`{ msg, clientId,
 * roomId }`). Deliberately not nestjs-pino: its per-request middleware runs an
 * AsyncLocalStorage, which switches on promise hooks for the whole process and cost the
 * WebSocket hot path measurably in a profile; gateway logs need no request context.
 *
 * Errors go to pino's `err` field (type, message and stack as data, never pasted into `msg`),
 * whichever way a call passes them:
 *
 * @example
 * this.logger.error('upgrade check failed', error);                     // an Error after the message
 * this.logger.error({ msg: 'game logic failed', err: error, roomId });  // or as `err` with other fields
 * this.logger.warn(`could not free the seat of ${clientId}`, error);    // any level
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

  /**
   * Nest passes `(message, ...optionalParams, context)`. Its own error calls pass a stack string
   * before the context (`error(message, stack, context)`); ours may pass the Error itself.
   */
  private write(level: PinoLevel, message: unknown, rest: unknown[]): void {
    const context = rest.length > 0 && typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : undefined;
    if (level === 'info' && context && NEST_STARTUP_CONTEXTS.has(context)) level = 'debug';
    if (!this.root.isLevelEnabled(level)) return;
    const params = context === undefined ? rest : rest.slice(0, -1);
    const error = params.find((param): param is Error => param instanceof Error);
    const stack = !error && level !== 'info' && typeof params[0] === 'string' && isStack(params[0]) ? params[0] : undefined;

    if (message instanceof Error) {
      this.root[level]({ context, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      const { msg, ...fields } = message as { msg?: unknown };
      const text = typeof msg === 'string' ? msg : '';
      this.root[level]({ context, ...fields, ...errField(error, stack, text) }, text);
    } else {
      this.root[level]({ context, ...errField(error, stack, String(message)) }, String(message));
    }
  }
}

/** `{ err }` for an Error, or for a stack string Nest passed (kept with the message it belongs to). */
function errField(error: Error | undefined, stack: string | undefined, message: string): { err?: unknown } {
  if (error) return { err: error };
  if (stack) return { err: { type: 'Error', message, stack } };
  return {};
}

/** Nest passes a stack as the first optional parameter of `error()`; anything else is not one. */
function isStack(text: string): boolean {
  return /\n\s+at /.test(text) || /^\w*Error\b/.test(text);
}
