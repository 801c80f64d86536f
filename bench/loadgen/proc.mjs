// Process CPU and memory from /proc (Linux): CPU seconds = (utime + stime) / CLK_TCK.
import { readFileSync } from 'node:fs';

const CLK_TCK = 100; // USER_HZ on every mainstream Linux build

export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // comm may contain spaces
    return (Number(f[11]) + Number(f[12])) / CLK_TCK; // fields 14 and 15 of the full line
  } catch {
    return NaN;
  }
}

export function rssBytes(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Busy and total jiffies of the whole machine (all CPUs), for "how loaded was the box". */
export function machineJiffies() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = f[3] + (f[4] ?? 0); // idle + iowait
  const total = f.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total, steal: f[7] ?? 0 };
}
