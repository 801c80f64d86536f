import { Logger } from '@nestjs/common';
import { PassThrough } from 'node:stream';
import { PinoLoggerService } from './pino-logger.service';
import { createRootLogger, type NestLogLevel } from './root-logger';

describe(PinoLoggerService.name, () => {
  let lines: Record<string, unknown>[];
  let service: PinoLoggerService;

  const useLevel = (level: NestLogLevel) => {
    const stream = new PassThrough();
    lines = [];
    stream.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    });
    service = new PinoLoggerService(createRootLogger({ level, format: 'json', instanceId: 'gw-1', destination: stream }));
    Logger.overrideLogger(service);
  };
  beforeEach(() => useLevel('log'));
  afterAll(() => Logger.overrideLogger(false));

  describe('log', () => {
    it('should write the class context of a Nest Logger and keep structured fields', () => {
      new Logger('RoomsService').error({ msg: 'logic failed', roomId: 'r1' });
      new Logger('Gateway').log('listening');
      expect(lines).toEqual([
        expect.objectContaining({ level: 'error', context: 'RoomsService', roomId: 'r1', msg: 'logic failed', instance: 'gw-1' }),
        expect.objectContaining({ level: 'info', context: 'Gateway', msg: 'listening' }),
      ]);
    });

    it('should drop levels below LOG_LEVEL', () => {
      service.debug('per-message detail', 'SyncService');
      expect(lines).toEqual([]);
    });

    it("should write Nest's module and route loading at debug, not at the default level", () => {
      new Logger('InstanceLoader').log('AppModule dependencies initialized');
      new Logger('RouterExplorer').log('Mapped {/metrics, GET} route');
      new Logger('Gateway').log('listening');
      expect(lines.map((line) => line.msg)).toEqual(['listening']);

      useLevel('debug');
      new Logger('InstanceLoader').log('AppModule dependencies initialized');
      expect(lines).toEqual([expect.objectContaining({ level: 'debug', context: 'InstanceLoader' })]);
    });
  });

  describe('error', () => {
    const stackOf = (line: Record<string, unknown>) => (line.err as { stack?: string } | undefined)?.stack;

    it('should put an Error passed after the message in err, with its stack as data, not in msg', () => {
      new Logger('GameWsAdapter').error('upgrade check failed', new TypeError('boom'));
      expect(lines).toEqual([
        expect.objectContaining({
          level: 'error',
          context: 'GameWsAdapter',
          msg: 'upgrade check failed',
          err: expect.objectContaining({ type: 'TypeError', message: 'boom', stack: expect.stringContaining('TypeError: boom\n    at ') }),
        }),
      ]);
    });

    it('should put an Error passed as the err field in err and keep the other fields', () => {
      new Logger('RoomsService').error({ msg: 'game logic "arena" failed', err: new Error('bug'), roomId: 'r1' });
      expect(lines).toEqual([expect.objectContaining({ msg: 'game logic "arena" failed', roomId: 'r1', err: expect.objectContaining({ message: 'bug' }) })]);
      expect(stackOf(lines[0])).toContain('Error: bug');
    });

    it('should log a thrown Error as the message with its own text as msg', () => {
      new Logger('ExceptionHandler').error(new RangeError('out of range'));
      expect(lines).toEqual([expect.objectContaining({ msg: 'out of range', err: expect.objectContaining({ type: 'RangeError' }) })]);
    });

    it('should keep the stack Nest passes as a string (error(message, stack, context)) in err', () => {
      service.error('boom', 'Error: boom\n    at x', 'ExceptionsHandler');
      expect(lines).toEqual([expect.objectContaining({ level: 'error', msg: 'boom', context: 'ExceptionsHandler' })]);
      expect(stackOf(lines[0])).toContain('at x');
    });

    it('should take a warning with an Error the same way', () => {
      new Logger('RoomSeats').warn('could not free the seat of c1', new Error('Redis down'));
      expect(lines).toEqual([expect.objectContaining({ level: 'warn', msg: 'could not free the seat of c1', err: expect.objectContaining({ message: 'Redis down' }) })]);
    });

    it('should not take a plain string after the message for a stack', () => {
      new Logger('Gateway').error('no stack here', 'just a detail');
      expect(lines).toEqual([expect.objectContaining({ msg: 'no stack here' })]);
      expect(lines[0]).not.toHaveProperty('err');
    });
  });
});
