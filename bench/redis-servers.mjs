// Throwaway redis-servers for the benchmarks (never the system one on 6379): a standalone server
// or a Redis Cluster of its own on given ports, and what they did (CPU, pub/sub, bytes) in a window.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';

const { cpuSeconds } = createRequire(import.meta.url)('./loadgen/proc.js');
const run = promisify(execFile);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function listening(port) {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1', () => { s.end(); resolve(true); });
    s.on('error', () => resolve(false));
  });
}

/** `redis-cli -p port args…` → trimmed output. */
export async function redisCli(port, ...args) {
  const { stdout } = await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args]);
  return stdout.trim();
}

function startNode(port, extra = []) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-redis-'));
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, ...extra], { stdio: 'ignore' });
  return { port, child, dir };
}

async function waitUp(node) {
  for (let i = 0; i < 100; i++) {
    if (node.child.exitCode !== null) throw new Error(`redis-server exited with ${node.child.exitCode} (is port ${node.port} free?)`);
    if (await listening(node.port)) return;
    await sleep(100);
  }
  throw new Error(`redis-server on ${node.port} did not start`);
}

/**
 * A standalone redis-server (`masters` = 0) or a Redis Cluster of `masters` nodes without
 * replicas, on consecutive ports from `port`. `url` is what the gateway's REDIS_URL takes.
 */
export async function startRedis(port, { masters = 0 } = {}) {
  const cluster = masters > 0;
  // On a shared machine another benchmark may hold a port: its Redis would answer our probes.
  for (let p = port; p < port + Math.max(1, masters); p++) {
    if (await listening(p)) throw new Error(`port ${p} is in use (another benchmark running?): pick other ports (--port)`);
  }
  const nodes = Array.from({ length: cluster ? masters : 1 }, (_, i) =>
    startNode(port + i, cluster ? ['--cluster-enabled', 'yes', '--cluster-node-timeout', '2000'] : []));
  const stop = async () => {
    for (const n of nodes) if (n.child.exitCode === null) n.child.kill('SIGKILL');
    await sleep(100);
    for (const n of nodes) rmSync(n.dir, { recursive: true, force: true });
  };
  try {
    await Promise.all(nodes.map(waitUp));
    if (cluster) {
      await run('redis-cli', ['--cluster', 'create', ...nodes.map((n) => `127.0.0.1:${n.port}`), '--cluster-replicas', '0', '--cluster-yes']);
      for (let i = 0; i < 200; i++) {
        const infos = await Promise.all(nodes.map((n) => redisCli(n.port, 'CLUSTER', 'INFO')));
        if (infos.every((info) => info.includes('cluster_state:ok'))) break;
        await sleep(100);
      }
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { cluster, nodes, url: `redis://127.0.0.1:${port}`, pids: nodes.map((n) => n.child.pid), child: nodes[0].child, stop };
}

/** Counters of every node, summed: CPU seconds, publishes (plain and sharded), bytes in and out. */
export async function redisCounters(redis) {
  const out = { cpuSec: 0, publish: 0, spublish: 0, netInBytes: 0, netOutBytes: 0, channels: 0, shardChannels: 0, commands: 0 };
  for (const n of redis.nodes) {
    out.cpuSec += cpuSeconds(n.child.pid);
    const info = await redisCli(n.port, 'INFO', 'all').catch(() => '');
    const num = (re) => Number(re.exec(info)?.[1] ?? 0);
    out.publish += num(/cmdstat_publish:calls=(\d+)/);
    out.spublish += num(/cmdstat_spublish:calls=(\d+)/);
    out.netInBytes += num(/total_net_input_bytes:(\d+)/);
    out.netOutBytes += num(/total_net_output_bytes:(\d+)/);
    out.channels += num(/pubsub_channels:(\d+)/);
    out.shardChannels += num(/pubsubshard_channels:(\d+)/);
    out.commands += num(/total_commands_processed:(\d+)/);
  }
  return out;
}

/** What Redis did between two `redisCounters` readings `sec` seconds apart, per second. */
export function redisRates(a, b, sec) {
  return {
    cpuPct: (100 * (b.cpuSec - a.cpuSec)) / sec,
    publishPerSec: (b.publish - a.publish) / sec,
    spublishPerSec: (b.spublish - a.spublish) / sec,
    commandsPerSec: (b.commands - a.commands) / sec,
    netInMBps: (b.netInBytes - a.netInBytes) / sec / 2 ** 20,
    netOutMBps: (b.netOutBytes - a.netOutBytes) / sec / 2 ** 20,
    channels: b.channels,
    shardChannels: b.shardChannels,
  };
}
