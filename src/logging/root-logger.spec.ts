import { PassThrough } from 'node:stream';
import { createRootLogger, pinoLevelOfList, resolveLogFormat } from './root-logger';

function capture() {
  const stream = new PassThrough();
  const lines: Record<string, unknown>[] = [];
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
  });
  return { stream, lines };
}

describe(createRootLogger, () => {
  it('should write one JSON object per line with level name, time and instance id', () => {
    const { stream, lines } = capture();
    const logger = createRootLogger({ level: 'log', format: 'json', instanceId: 'gw-1', destination: stream });
    logger.info({ clientId: 'c1', roomId: 'r1' }, 'joined');
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', instance: 'gw-1', clientId: 'c1', roomId: 'r1', msg: 'joined', time: expect.any(String) }),
    ]);
    expect(Number.isNaN(Date.parse(lines[0].time as string))).toBe(false);
  });

  it('should drop lines below LOG_LEVEL (log → no debug)', () => {
    const { stream, lines } = capture();
    const logger = createRootLogger({ level: 'log', format: 'json', instanceId: 'gw-1', destination: stream });
    logger.debug('per-message detail');
    logger.warn('kept');
    expect(lines.map((line) => line.msg)).toEqual(['kept']);
  });
});

describe(pinoLevelOfList, () => {
  it.each([
    [['error'], 'error'],
    [['error', 'warn', 'log'], 'info'],
    [['verbose', 'error'], 'trace'],
    [[], 'silent'],
    [false, 'silent'],
  ] as const)('should map Nest levels %j to pino level %s', (levels, expected) => {
    expect(pinoLevelOfList(levels)).toBe(expected);
  });
});

describe(resolveLogFormat, () => {
  it.each([
    ['auto', true, 'pretty'],
    ['auto', false, 'json'],
    ['auto', undefined, 'json'],
    ['json', true, 'json'],
    ['pretty', false, 'pretty'],
  ] as const)('should resolve LOG_FORMAT=%s with isTTY %s to %s', (format, isTTY, expected) => {
    expect(resolveLogFormat(format, { isTTY })).toBe(expected);
  });

  it('should write colorless readable lines in pretty format to a stream that is not a terminal', () => {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    createRootLogger({ level: 'log', format: 'pretty', instanceId: 'gw-1', destination: stream }).info({ context: 'Gateway' }, 'listening');
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: \[Gateway\] listening\n$/);
  });
});
