#!/usr/bin/env node
// @ts-check
'use strict';
// game-gateway-load: the load tester's command line (`npx game-gateway-load --help`).
const { writeFileSync } = require('node:fs');
const { parseArgs, usage } = require('./options');
const { pinSelf } = require('./pin');
const { formatReport } = require('./report');
const { runLoad } = require('./run-load');

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${/** @type {Error} */ (e).message}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  if (options.pinCpu && !pinSelf(String(options.pinCpu))) process.stderr.write('taskset not found: not pinned\n');
  let report;
  try {
    report = await runLoad(options);
  } catch (e) {
    process.stderr.write(`${/** @type {Error} */ (e).message}\n`);
    return 2;
  }
  const json = JSON.stringify(report, null, 1);
  if (options.out) writeFileSync(options.out, json);
  process.stdout.write(options.json ? `${json}\n` : `${formatReport(report)}\n`);
  const connected = report.summary.joined === report.summary.clients;
  return connected && report.check.status !== 'failed' ? 0 : 1;
}

main().then((code) => (process.exitCode = code));
