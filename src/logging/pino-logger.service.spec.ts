import { Logger } from '@nestjs/common';
import { PassThrough } from 'node:stream';
import { PinoLoggerService } from './pino-logger.service';
import { createRootLogger } from './root-logger';

describe(PinoLoggerService.name, () => {
  let lines: Record<string, unknown>[];
  let service: PinoLoggerService;

  beforeEach(() => {
    const stream = new PassThrough();
    lines = [];
    stream.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    });
    service = new PinoLoggerService(createRootLogger({ level: 'log', format: 'json', instanceId: 'gw-1', destination: stream }));
  });

  describe('log', () => {
    it('should write the class context of a Nest Logger and keep structured fields', () => {
      Logger.overrideLogger(service);
      new Logger('RoomsService').error({ msg: 'logic failed', roomId: 'r1' });
      new Logger('Gateway').log('listening');
      expect(lines).toEqual([
        expect.objectContaining({ level: 'error', context: 'RoomsService', roomId: 'r1', msg: 'logic failed', instance: 'gw-1' }),
        expect.objectContaining({ level: 'info', context: 'Gateway', msg: 'listening' }),
      ]);
    });

    it('should keep a stack passed with an error message and drop levels below LOG_LEVEL', () => {
      service.error('boom', 'Error: boom\n    at x', 'SyncService');
      service.debug('per-message detail', 'SyncService');
      expect(lines).toEqual([expect.objectContaining({ level: 'error', msg: 'boom', stack: expect.stringContaining('at x'), context: 'SyncService' })]);
    });
  });
});
