#!/usr/bin/env node
// The big run (issue #15 item 2): several gateway instances bridged through Redis (a standalone
// redis-server, then a 3-node Redis Cluster, both started here on ports of their own), a mixed
// load from the load tester (game rooms at 20 Hz spanning the instances, lobby chat, idle
// sockets with heartbeats at the default interval, steady resume churn), a per-instance report,
// then a second load in which one instance is killed with SIGKILL halfway through the window:
// how many of its sessions resumed elsewhere, how long that took, and the exactly-once check.
// Room placement: the steady load runs once per `--placement` (none: players stay where the load
// balancer put them, rooms span the instances; hint: joins ask for a redirect and follow
// ROOM_ELSEWHERE to the instance that runs the room), to measure what the cross-instance hop costs.
// Every run stops by itself. Needs `npm run build` first (it runs dist/main.js).
//
//   node bench/big-run.mjs                                   full scale: 4 × 19,500 (quiet machine, many minutes)
//   node bench/big-run.mjs --per-instance 500 --duration-ms 15000 --warmup-ms 3000    small validation
//   options: --instances 4 --per-instance 19500 --redis standalone,cluster --mix room:10,lobby:30,idle:60
//            --room-size 10 --lobby-size 50 --move-rate 10 --chat-rate 0.1 --churn 0.002 --codec json
//            --warmup-ms 10000 --duration-ms 60000 --drain-ms 30000 --failover true
//            --failover-per-instance N (default: min(per-instance, 14,500), so three survivors can
//            take the victim's clients under the 20,000-file limit) --failover-drain-ms 60000
//            --connect-rate 1000 --per-worker 5000 --port 9500 --out-dir bench/results
//            --placement none,hint (steady loads, in order; the failover load uses the first)
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { redisCounters, redisRates, startRedis } from './redis-servers.mjs';
import { startServer, stopServer } from './servers.mjs';

const require = createRequire(import.meta.url);
const { runLoad, formatReport } = require('./loadgen/index.js');

const defaults = {
  instances: 4, perInstance: 19500, redis: 'standalone,cluster', mix: 'room:10,lobby:30,idle:60', roomSize: 10, lobbySize: 50,
  moveRate: 10, chatRate: 0.1, churn: 0.002, codec: 'json', warmupMs: 10000, durationMs: 60000, drainMs: 30000,
  failover: true, failoverPerInstance: 0, failoverDrainMs: 60000, connectRate: 1000, perWorker: 5000, port: 9500, placement: 'none,hint',
  outDir: fileURLToPath(new URL('./results/', import.meta.url)),
};
const o = { ...defaults, ...parseArgs(process.argv.slice(2), defaults) };
const failoverPerInstance = o.failoverPerInstance || Math.min(o.perInstance, 14500);
const placements = String(o.placement).split(',');
if (!placements.length || placements.some((p) => !['none', 'hint'].includes(p))) throw new Error(`--placement: none, hint or both (none,hint), got "${o.placement}"`);
const startedAt = new Date().toISOString();
const f = (v, d = 1) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : '-');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const results = { startedAt, options: o, cores: cpus().length, modes: [] };
const printed = [];
const say = (line = '') => {
  printed.push(line);
  console.log(line);
};

say(`# big run: ${o.instances} instances × ${o.perInstance} clients (${o.mix}), rooms of ${o.roomSize} at 20 Hz, churn ${o.churn}/s, Redis: ${o.redis}, placement: ${placements.join(', ')}`);
mkdirSync(o.outDir, { recursive: true });
const out = `${o.outDir}big-run-${o.instances}x${o.perInstance}-${startedAt.replace(/[:.]/g, '-')}.json`;
const save = () => {
  writeFileSync(out, JSON.stringify(results, null, 1));
  writeFileSync(out.replace(/\.json$/, '.out.txt'), `node bench/big-run.mjs ${process.argv.slice(2).join(' ')}\n\n${printed.join('\n')}\n`);
};
for (const mode of String(o.redis).split(',')) {
  // A mode that fails (a gateway that does not start, Redis gone) is reported, and the run goes on.
  results.modes.push(await runMode(mode).catch((error) => {
    say(`\n**${mode}: failed: ${error.message}** (gateway logs: /tmp/big-run-${mode}-gw*.log)`);
    return { mode, error: error.message };
  }));
  save(); // what is measured so far survives whatever comes next
}
say(`\nresults: ${out} (and .out.txt)`);
save();

/** One Redis mode: start Redis and the gateways, the steady load, then the failover load. */
async function runMode(mode) {
  const cluster = mode === 'cluster';
  say(`\n## Redis ${cluster ? '3-node Cluster' : 'standalone'}`);
  const redis = await startRedis(o.port + 100, { masters: cluster ? 3 : 0 });
  const gateways = [];
  try {
    const env = {
      REDIS_URL: redis.url, REDIS_CLUSTER: String(cluster), REDIS_KEY_PREFIX: `big-${mode}:`,
      // Every instance must share it: a client resumes on whichever instance it reaches.
      RESUME_TOKEN_SECRET: 'big-run-resume-secret-0123456789abcdefghij',
    };
    for (let i = 0; i < o.instances; i++) {
      const port = o.port + i;
      // PUBLIC_URL: what ROOM_ELSEWHERE names, exactly the URL the load tester has for this instance.
      const publicUrl = `ws://127.0.0.1:${port}/ws`;
      gateways.push(await startServer('gateway', { port, env: { ...env, PUBLIC_URL: publicUrl }, logFile: `/tmp/big-run-${mode}-gw${i}.log` }));
    }
    await waitReady(gateways);
    const steadyRuns = [];
    for (const placement of placements) {
      say(`\n### steady load, placement ${placement}`);
      const steady = await measured(redis, gateways, { clients: o.instances * o.perInstance, churn: o.churn, drainMs: o.drainMs, placement });
      say(formatReport(steady.report));
      say(redisLine(steady.redis));
      say(saturationLine(steady.report, steady.redis));
      steadyRuns.push({ placement, ...steady });
    }
    if (steadyRuns.length > 1) say(placementLines(steadyRuns));
    let failover;
    if (o.failover) {
      say(`\n### failover: ${o.instances} × ${failoverPerInstance} clients (placement ${placements[0]}), instance 0 killed with SIGKILL halfway through the window`);
      failover = await measured(redis, gateways, { clients: o.instances * failoverPerInstance, churn: 0, drainMs: o.failoverDrainMs, kill: true, placement: placements[0] });
      say(formatReport(failover.report));
      say(failoverLine(failover));
    }
    return { mode, steady: steadyRuns[0], steadyRuns, failover };
  } finally {
    for (const g of gateways) await stopServer(g);
    await redis.stop();
  }
}

/** One load run with Redis counters read around the window; `kill` kills instance 0 halfway through it. */
async function measured(redis, gateways, { clients, churn, drainMs, kill = false, placement = 'none' }) {
  let before, after, windowStart, windowEnd, killedAt, killTimer;
  const report = await runLoad(
    {
      url: gateways.map((g) => g.url).join(','), serverPid: gateways.map((g) => g.pid).join(','),
      scenario: 'mixed', mix: o.mix, clients, roomSize: o.roomSize, lobbySize: o.lobbySize, moveRate: o.moveRate, chatRate: o.chatRate,
      churn, placement, codec: o.codec, warmupMs: o.warmupMs, durationMs: o.durationMs, drainMs, connectRate: o.connectRate, perWorker: o.perWorker,
      connectTimeoutMs: Math.max(120000, (2 * clients * 1000) / o.connectRate),
    },
    {
      onPhase: (phase) => {
        if (phase === 'measure') {
          windowStart = Date.now();
          redisCounters(redis).then((c) => (before = c), () => (before = null));
          if (kill) killTimer = setTimeout(() => {
            killedAt = Date.now();
            gateways[0].child.kill('SIGKILL');
          }, o.durationMs / 2);
        }
        if (phase === 'quiesce') {
          windowEnd = Date.now();
          redisCounters(redis).then((c) => (after = c), () => (after = null));
        }
      },
    },
  );
  clearTimeout(killTimer);
  // The window's Redis counters: read when the window ended (the run may have been cut before).
  for (let waited = 0; windowEnd && (after === undefined || before === undefined) && waited < 30000; waited += 50) await sleep(50);
  const sec = windowStart && windowEnd ? (windowEnd - windowStart) / 1000 : NaN;
  const rates = before && after ? redisRates(before, after, sec) : { cpuPct: NaN };
  return { report, redis: rates, killedAt, victimClients: kill ? Math.ceil(clients / o.instances) : 0 };
}

async function waitReady(gateways) {
  for (let i = 0; i < 200; i++) {
    const ok = await Promise.all(gateways.map((g) => fetch(g.url.replace(/^ws/, 'http').replace(/\/ws$/, '/ready')).then((r) => r.ok, () => false)));
    if (ok.every(Boolean)) return;
    await sleep(100);
  }
  throw new Error('gateways not ready (bus to Redis) within 20 s: see /tmp/big-run-*.log');
}

function redisLine(r) {
  return `Redis: CPU ${f(r.cpuPct, 0)} % of a core, PUBLISH ${f(r.publishPerSec, 0)}/s, SPUBLISH ${f(r.spublishPerSec, 0)}/s, commands ${f(r.commandsPerSec, 0)}/s, ` +
    `in ${f(r.netInMBps, 2)} MB/s, out ${f(r.netOutMBps, 2)} MB/s, channels ${r.channels} + shard channels ${r.shardChannels}`;
}

/** Who used the CPU in the window, against what the machine has: the honest answer to "what saturates". */
function saturationLine(report, redis) {
  const s = report.summary;
  const parts = { gateways: s.serverCpuPct, 'load tester': s.genCpuPct, redis: redis.cpuPct, other: s.otherCpuPct };
  const total = Object.values(parts).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  const top = Object.entries(parts).sort((a, b) => b[1] - a[1])[0][0];
  return `CPU in the window: ${Object.entries(parts).map(([k, v]) => `${k} ${f(v, 0)} %`).join(' + ')} = ${f(total, 0)} % of ${results.cores * 100} %` +
    ` (largest: ${top}); load tester loop lag p99 ${f(s.genLagP99Ms)} ms${total >= results.cores * 90 ? ' — the machine is saturated: latencies include queueing on the CPU' : ''}`;
}

/** The placement comparison: what following ROOM_ELSEWHERE changed (delivery, gateway CPU, Redis). */
function placementLines(runs) {
  const rows = runs.map(({ placement, report, redis }) => {
    const s = report.summary;
    const followed = s.redirects?.followed ?? 0;
    return `| ${placement} | ${followed} | ${f(s.deliveryP50)} / ${f(s.deliveryP99)} | ${f(s.inputP50)} / ${f(s.inputP99)} | ${f(s.chatP50)} / ${f(s.chatP99)} | ` +
      `${f(s.serverCpuPct, 0)} | ${f(s.serverCpuUsPerFrame)} | ${f(redis.cpuPct, 0)} | ${f((redis.publishPerSec || 0) + (redis.spublishPerSec || 0), 0)} | ${f(redis.netOutMBps, 2)} |`;
  });
  return ['\nplacement comparison (steady loads):', '',
    '| placement | redirects followed | frame delivery p50/p99 ms | input→frame p50/p99 ms | chat p50/p99 ms | gateway CPU % | µs/deliv | Redis CPU % | (S)PUBLISH/s | Redis out MB/s |',
    '|---|---|---|---|---|---|---|---|---|---|', ...rows].join('\n');
}

function failoverLine({ report, victimClients }) {
  const a = report.resume.afterClose;
  return `failover: ${victimClients} clients were on the killed instance; ${a.resumed} sessions resumed elsewhere (p50/p99/max ${f(a.p50Ms, 0)}/${f(a.p99Ms, 0)}/${f(a.maxMs, 0)} ms after their close), ` +
    `${a.failed} resumes failed (RESUME_FAILED: the session was unknown elsewhere) and ${a.rejoined} of those were back in a fresh session after p50/p99/max ` +
    `${f(a.rejoinP50Ms, 0)}/${f(a.rejoinP99Ms, 0)}/${f(a.rejoinMaxMs, 0)} ms; exactly-once check ${report.check.status}`;
}

function parseArgs(argv, d) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) continue;
    const key = argv[i].slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (!(key in d)) throw new Error(`unknown option ${argv[i]} (see the header of bench/big-run.mjs)`);
    const next = argv[i + 1];
    const value = next === undefined || next.startsWith('--') ? true : (i++, next);
    out[key] = typeof d[key] === 'number' ? Number(value) : typeof d[key] === 'boolean' ? value === true || value === 'true' : value;
  }
  return out;
}
