#!/usr/bin/env node
// `npm start`: compiles the server (tsc, type-checked, incremental) and bundles the demo page only
// when their sources changed since the last build, then runs dist/main.js in this process.
// Unchanged sources start in about a second instead of a full compile every time.
//
// "Changed" is judged by modification times: the newest file or folder among the inputs (a folder's
// time moves when a file in it is added, removed or renamed) against the time of a stamp written
// after the last successful build. Removing dist/ or demo/dist/ forces a full build.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const at = (...parts) => path.join(root, ...parts);

const SERVER = {
  what: 'server',
  inputs: [at('src'), at('tsconfig.json'), at('tsconfig.build.json'), at('package-lock.json')],
  outputs: [at('dist/main.js')],
  stamp: at('dist/.start-build'),
};
const DEMO = {
  what: 'demo page',
  inputs: [at('demo'), at('client/src'), at('package-lock.json')],
  skip: [at('demo/dist')],
  outputs: [at('demo/dist/demo.js'), at('demo/dist/index.html')],
  stamp: at('demo/dist/.start-build'),
};

/** Newest modification time (ms) of these files and folders and everything under the folders. */
function newestMtime(paths, skip = []) {
  let newest = 0;
  const visit = (p) => {
    if (skip.includes(p)) return;
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return; // an optional input (no package-lock.json yet)
    }
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
  };
  paths.forEach(visit);
  return newest;
}

function isStale(target) {
  if (![target.stamp, ...target.outputs].every((file) => fs.existsSync(file))) return true;
  return newestMtime(target.inputs, target.skip) > fs.statSync(target.stamp).mtimeMs;
}

function writeStamp(target) {
  fs.mkdirSync(path.dirname(target.stamp), { recursive: true });
  fs.writeFileSync(target.stamp, `${new Date().toISOString()}\n`);
}

/**
 * Compiles src/ to dist/ with tsc when a source changed. `quiet` (for tests) keeps tsc's output
 * for the error instead of printing it. Throws when the sources do not compile.
 */
function buildServerIfStale({ quiet = false } = {}) {
  if (!isStale(SERVER)) return false;
  if (!quiet) process.stderr.write('compiling the server (first start, or sources changed since the last build)...\n');
  const tsc = require.resolve('typescript/bin/tsc');
  const args = [tsc, '-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', 'dist/.tsbuildinfo'];
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (result.status !== 0) {
    const output = quiet ? `\n${result.stdout}${result.stderr}` : ' (see above)';
    throw Object.assign(new Error(`the server did not compile${output}`), { name: 'CompileError' });
  }
  writeStamp(SERVER);
  return true;
}

/** Bundles the demo page (demo/build.js) when the demo or the SDK sources changed. */
async function buildDemoIfStale() {
  if (!isStale(DEMO)) return false;
  process.stderr.write('bundling the demo page...\n');
  await require(at('demo/build.js')).buildDemo();
  writeStamp(DEMO);
  return true;
}

module.exports = { buildServerIfStale, buildDemoIfStale };

if (require.main === module) {
  buildDemoIfStale()
    .then(() => {
      buildServerIfStale();
      require(at('dist/main.js'));
    })
    .catch((error) => {
      process.stderr.write(error.name === 'CompileError' ? `${error.message}: fix it and run npm start again\n` : `${error.stack ?? error}\n`);
      process.exit(1);
    });
}
