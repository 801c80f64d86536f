// CPU pinning with taskset when available, so generator and server do not steal each other's core.
import { execFileSync } from 'node:child_process';

export function hasTaskset() {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Pins this process (children forked later inherit it). Returns false if taskset is missing. */
export function pinSelf(cpus) {
  if (!hasTaskset()) return false;
  execFileSync('taskset', ['-a', '-pc', cpus, String(process.pid)], { stdio: 'ignore' });
  return true;
}
