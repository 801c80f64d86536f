// @ts-check
'use strict';
// CPU pinning with taskset when available, so generator and server do not steal each other's core.
const { execFileSync } = require('node:child_process');

function hasTaskset() {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Pins this process (children forked later inherit it). Returns false if taskset is missing. @param {string} cpus */
function pinSelf(cpus) {
  if (!hasTaskset()) return false;
  execFileSync('taskset', ['-a', '-pc', cpus, String(process.pid)], { stdio: 'ignore' });
  return true;
}

module.exports = { hasTaskset, pinSelf };
