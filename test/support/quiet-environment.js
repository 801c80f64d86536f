// jest testEnvironment of both projects: node's, plus the watch that keeps `npm test` quiet. It
// records every write to stdout and stderr (and pino's direct writes to their file descriptors)
// that carries a stack frame, while this test file runs; quiet-output.ts fails the test that
// printed it, and this environment fails the file for what its setup or teardown printed (checked
// after every afterAll hook, which setup files cannot do). The writes are restored after the file.
'use strict';
const fs = require('node:fs');
const { TestEnvironment } = require('jest-environment-node');

/** A stack frame, on its own line or escaped inside a JSON log line. */
const STACK_FRAME = /(?:^|\n|\\n)\s+at \S[^\n]*?:\d+:\d+\)?/;
/** Late lines of a file's own teardown (a client closed as a gateway stops) still count for it. */
const TEARDOWN_SETTLE_MS = 25;

class QuietEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.printed = [];
    this.restore = [];
    this.global.__quietOutput = {
      inspect: (text) => this.inspect(text),
      take: (where) => this.take(where),
    };
  }

  inspect(text) {
    if (STACK_FRAME.test(text)) this.printed.push(text);
  }

  /** An Error describing what was printed since the last call, or undefined if nothing was. */
  take(where) {
    if (this.printed.length === 0) return undefined;
    const lines = this.printed.splice(0).join('\n').split(/\n|\\n/).slice(0, 8).join('\n');
    const error = new Error(`${where} printed an error stack; npm test must stay quiet (assert on an expected error instead of printing it):\n${lines}`);
    error.stack = error.message; // the lines are the point, not where this check runs
    return error;
  }

  async setup() {
    await super.setup();
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write;
      stream.write = (chunk, ...rest) => {
        this.inspect(String(chunk));
        return write.call(stream, chunk, ...rest);
      };
      this.restore.push(() => (stream.write = write));
    }
    const writeSync = fs.writeSync;
    fs.writeSync = (fd, data, ...rest) => {
      if (fd === 1 || fd === 2) this.inspect(String(data));
      return writeSync(fd, data, ...rest);
    };
    this.restore.push(() => (fs.writeSync = writeSync));
  }

  async teardown() {
    for (const undo of this.restore.splice(0).reverse()) undo();
    await super.teardown();
  }

  async handleTestEvent(event, state) {
    if (event.name !== 'run_finish') return;
    await new Promise((resolve) => setTimeout(resolve, TEARDOWN_SETTLE_MS));
    const report = this.take("this file's setup or teardown (beforeAll/afterAll)");
    if (report) state.unhandledErrors.push(report);
  }
}

module.exports = QuietEnvironment;
