/**
 * jest setupFilesAfterEach of both projects: keeps `npm test` quiet. A test that prints an error
 * stack (through the console, Nest's console logger, or pino writing to stdout/stderr) fails, and
 * so does a file whose hooks print one; the failure shows the first lines printed. An expected
 * error is asserted on (a spy on the logger, a rejected promise), not printed: a green run then
 * shows jest's summary and nothing else, and a real stack stands out.
 *
 * It also sets Nest's default logger (the one unit specs get without an app) to errors and
 * warnings: their debug lines describe what a spec does on purpose.
 */
import { Logger } from '@nestjs/common';
import fs from 'node:fs';
import { format } from 'node:util';

/** A stack frame, on its own line or escaped inside a JSON log line. */
const STACK_FRAME = /(?:^|\n|\\n)\s+at \S[^\n]*?:\d+:\d+\)?/;

const printed: string[] = [];

function inspect(text: string): void {
  if (STACK_FRAME.test(text)) printed.push(text);
}

function takeReport(where: string): Error | undefined {
  if (printed.length === 0) return undefined;
  const lines = printed.splice(0).join('\n').split(/\n|\\n/).slice(0, 8).join('\n');
  return new Error(`${where} printed an error stack; npm test must stay quiet (assert on an expected error instead of printing it):\n${lines}`);
}

for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    inspect(String(chunk));
    return write(chunk, ...rest);
  }) as typeof stream.write;
}
// pino's synchronous destination writes to the file descriptors directly.
const writeSync = fs.writeSync as (fd: number, data: unknown, ...rest: unknown[]) => number;
(fs as { writeSync: unknown }).writeSync = (fd: number, data: unknown, ...rest: unknown[]) => {
  if (fd === 1 || fd === 2) inspect(String(data));
  return writeSync(fd, data, ...rest);
};
for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    inspect(args.map((arg) => (arg instanceof Error ? `${arg.stack}` : format(arg))).join(' '));
    original(...args);
  };
}

Logger.overrideLogger(['error', 'warn']);

afterEach(() => {
  const report = takeReport('this test');
  if (report) throw report;
});
afterAll(() => {
  const report = takeReport("this file's setup or teardown");
  if (report) throw report;
});
