import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { CHROMIUM_PATH } from './browser';

/** What the suites start on their own, and the Debian package that provides it. */
const REDIS = [
  { what: 'redis-server', pkg: 'redis-server' },
  { what: 'redis-cli', pkg: 'redis-tools' },
];
const CHROMIUM = { what: `Chromium (${CHROMIUM_PATH})`, pkg: 'chromium' };
/** Debian's Python, which has the Debian packages' modules (a pyenv python3 first on PATH lacks them). */
export const DEBIAN_PYTHON = '/usr/bin/python3';
/** What the Python client's suite (clients/python) runs: protoc for game_pb2, and two modules. */
const PYTHON_CLIENT = [
  { what: 'protoc', pkg: 'protobuf-compiler', present: () => onPath('protoc') },
  { what: `${DEBIAN_PYTHON} with google.protobuf`, pkg: 'python3-protobuf', present: () => pythonImports('google.protobuf') },
  { what: `${DEBIAN_PYTHON} with websockets`, pkg: 'python3-websockets', present: () => pythonImports('websockets') },
];

function pythonImports(module: string): boolean {
  return spawnSync(DEBIAN_PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

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
 * the browser suites of e2e, protoc and Debian's Python modules for the Python client's suite). A missing one stops the run with one line that says what to install,
 * instead of dozens of suites failing each with its own stack.
 */
export default function checkRequiredTools(_globalConfig: unknown, projectConfig: { displayName?: { name: string } }): void {
  const missing = REDIS.filter(({ what }) => !onPath(what));
  if (projectConfig.displayName?.name === 'e2e') {
    if (!isExecutable(CHROMIUM_PATH)) missing.push(CHROMIUM);
    missing.push(...PYTHON_CLIENT.filter(({ present }) => !present()));
  }
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
