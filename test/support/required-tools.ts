import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { CHROMIUM_PATH } from './browser';

/** What the suites start on their own, and the Debian package that provides it. */
const REDIS = [
  { what: 'redis-server', pkg: 'redis-server' },
  { what: 'redis-cli', pkg: 'redis-tools' },
];
const CHROMIUM = { what: `Chromium (${CHROMIUM_PATH})`, pkg: 'chromium' };

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => isExecutable(join(dir, command)));
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * jest globalSetup of both projects: before any test runs, checks for the programs the suites
 * start themselves (redis-server and redis-cli for the Redis suites of both projects, Chromium for
 * the browser suites of e2e). A missing one stops the run with one line that says what to install,
 * instead of dozens of suites failing each with its own stack.
 */
export default function checkRequiredTools(_globalConfig: unknown, projectConfig: { displayName?: { name: string } }): void {
  const missing = REDIS.filter(({ what }) => !onPath(what));
  if (projectConfig.displayName?.name === 'e2e' && !isExecutable(CHROMIUM_PATH)) missing.push(CHROMIUM);
  if (missing.length === 0) return;
  const names = missing.map(({ what }) => what);
  const packages = [...new Set(missing.map(({ pkg }) => pkg))];
  const error = new Error(
    `npm test needs ${[names.slice(0, -1).join(', '), names.at(-1)].filter(Boolean).join(' and ')}, not found: ` +
      `apt-get install ${packages.join(' ')} (.ci/run does)${packages.includes('chromium') ? ', or set CHROMIUM_PATH' : ''}`,
  );
  error.stack = error.message; // jest prints the stack of a failed globalSetup: make it this one line
  throw error;
}
