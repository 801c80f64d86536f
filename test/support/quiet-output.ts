/**
 * jest setupFilesAfterEach of both projects, with quiet-environment.js: keeps `npm test` quiet. A
 * test that prints an error stack (through the console, Nest's console logger, or pino writing to
 * stdout/stderr) fails, showing the first lines printed. An expected error is asserted on (a spy
 * on the logger, a rejected promise), not printed: a green run shows jest's summary and nothing
 * else, and a real stack stands out.
 *
 * It also sets Nest's default logger (the one unit specs get without an app) to errors and
 * warnings: their debug lines describe what a spec does on purpose.
 */
import { Logger } from '@nestjs/common';
import { format } from 'node:util';

interface QuietOutput {
  inspect(text: string): void;
  take(where: string): Error | undefined;
}
const quiet = (globalThis as unknown as { __quietOutput: QuietOutput }).__quietOutput;

// jest prints console output itself (from the parent process): watch it here.
for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    quiet.inspect(args.map((arg) => (arg instanceof Error ? `${arg.stack}` : format(arg))).join(' '));
    original(...args);
  };
}

Logger.overrideLogger(['error', 'warn']);

afterEach(() => {
  const report = quiet.take('this test');
  if (report) throw report;
});
