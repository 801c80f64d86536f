// @ts-check
'use strict';
// Process CPU and memory from /proc (Linux): CPU seconds = (utime + stime) / CLK_TCK.
const { readFileSync } = require('node:fs');

const CLK_TCK = 100; // USER_HZ on every mainstream Linux build

/** CPU seconds used so far by `pid`; NaN when it is gone. @param {number} pid */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // comm may contain spaces
    return (Number(f[11]) + Number(f[12])) / CLK_TCK; // fields 14 and 15 of the full line
  } catch {
    return NaN;
  }
}

/** Resident set size of `pid` in bytes; NaN when it is gone. @param {number} pid */
function rssBytes(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Busy and total jiffies of the whole machine (all CPUs), for "how loaded was the box". */
function machineJiffies() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = f[3] + (f[4] ?? 0); // idle + iowait
  const total = f.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total, steal: f[7] ?? 0 };
}

/** This process's soft limit on open files (sockets count), from /proc/self/limits. */
function openFileLimit() {
  try {
    const m = /Max open files\s+(\d+)/.exec(readFileSync('/proc/self/limits', 'utf8'));
    return m ? Number(m[1]) : Infinity;
  } catch {
    return Infinity;
  }
}

/** The kernel's ephemeral port range: how many outgoing connections one source address can hold. */
function ephemeralPortCount() {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return high - low + 1;
  } catch {
    return 28232; // Linux default 32768-60999
  }
}

module.exports = { cpuSeconds, rssBytes, machineJiffies, openFileLimit, ephemeralPortCount };
