#!/usr/bin/env node
// Load generator: spreads N clients over worker processes (≤ perWorker sockets each, so none nears
// the 20,000-file limit) and over loopback source addresses, then aggregates their measurements
// with the server's CPU and RSS read from /proc.
//   node bench/loadgen/index.mjs --url ws://127.0.0.1:9000/ws --client json --clients 500 --room-size 50 --server-pid 1234
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Histogram } from './histogram.mjs';
import { cpuSeconds, machineJiffies, rssBytes } from './proc.mjs';

export const DEFAULTS = {
  url: 'ws://127.0.0.1:9000/ws', client: 'json', clients: 100, roomSize: 50, moveRate: 10, chatRate: 0,
  warmupMs: 3000, durationMs: 10000, connectTimeoutMs: 60000, perWorker: 5000, maxInFlight: 200,
  driverMs: 5, noJoin: false, serverPid: 0, tickRate: 20, quiet: false, spreadAddresses: 10000,
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function runLoad(options) {
  const o = { ...DEFAULTS, ...options };
  const log = o.quiet ? () => {} : (s) => console.log(s);
  const workerCount = Math.max(1, Math.ceil(o.clients / o.perWorker));
  const rssBase = rssBytes(o.serverPid);
  const workers = [];
  for (let w = 0, first = 0; w < workerCount; w++) {
    const count = Math.floor(o.clients / workerCount) + (w < o.clients % workerCount ? 1 : 0);
    // Large runs bind each worker to its own 127.0.0.x so no single source address runs out of ports.
    const localAddress = o.clients >= o.spreadAddresses ? `127.0.0.${2 + w}` : undefined;
    const cfg = { ...o, first, count, localAddress };
    const child = fork(fileURLToPath(new URL('./worker.mjs', import.meta.url)), [JSON.stringify(cfg)], {
      stdio: 'inherit',
      // e.g. BENCH_WORKER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/genprof' to profile the generator itself
      execArgv: process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
    });
    const state = { child, ready: false, progress: null, final: null };
    child.on('message', (m) => {
      if (m.kind === 'ready') state.ready = true;
      else if (m.kind === 'progress') state.progress = m;
      else if (m.kind === 'final') state.final = m;
    });
    workers.push(state);
    first += count;
  }
  const sum = (key) => workers.reduce((a, w) => a + ((w.final ?? w.progress)?.[key] ?? 0), 0);
  const genCpu = () => workers.reduce((a, w) => a + (cpuSeconds(w.child.pid) || 0), 0);

  // Connect phase.
  const t0 = Date.now();
  while (!workers.every((w) => w.ready) && Date.now() - t0 < o.connectTimeoutMs) {
    await sleep(250);
    if ((Date.now() - t0) % 2000 < 250) log(`  connecting: opened ${sum('opened')} joined ${sum('joined')} / ${o.clients}`);
  }
  const connectSec = (Date.now() - t0) / 1000;
  await sleep(1000); // let the server settle (GC, join bursts) before the idle RSS reading
  const rssIdle = rssBytes(o.serverPid);

  // Warmup + measure; every worker times its own phases from the same 'go'.
  for (const w of workers) w.child.send({ cmd: 'go', warmupMs: o.warmupMs, durationMs: o.durationMs });
  await sleep(o.warmupMs);
  const cpu0 = cpuSeconds(o.serverPid), gen0 = genCpu(), mach0 = machineJiffies(), m0 = Date.now();
  let prev = { t: m0, frames: 0, cpu: cpu0 };
  while (Date.now() - m0 < o.durationMs) {
    await sleep(1000);
    const t = Date.now(), frames = sum('frames'), cpu = cpuSeconds(o.serverPid);
    const dt = (t - prev.t) / 1000;
    log(`  [${((t - m0) / 1000).toFixed(0)}s] frames/s ${Math.round((frames - prev.frames) / dt)} moves ${sum('moves')} chat recv ${sum('chatsRecv')} server cpu ${Math.round(((cpu - prev.cpu) / dt) * 100)}% errors ${JSON.stringify(mergeErrors(workers))}`);
    prev = { t, frames, cpu };
  }
  const cpu1 = cpuSeconds(o.serverPid), gen1 = genCpu(), mach1 = machineJiffies(), measuredSec = (Date.now() - m0) / 1000;
  const rssActive = rssBytes(o.serverPid);
  const tEnd = Date.now();
  while (!workers.every((w) => w.final) && Date.now() - tEnd < 15000) await sleep(100);
  for (const w of workers) if (!w.final) w.child.kill();
  await Promise.all(workers.map((w) => (w.child.exitCode === null ? new Promise((r) => w.child.once('exit', r)) : null)));
  return summarize(o, workers, { connectSec, measuredSec, rssBase, rssIdle, rssActive, serverCpuSec: cpu1 - cpu0, genCpuSec: gen1 - gen0, machineBusySec: (mach1.busy - mach0.busy) / 100, stealSec: (mach1.steal - mach0.steal) / 100 });
}

function mergeErrors(workers) {
  const out = {};
  for (const w of workers) for (const [k, v] of Object.entries((w.final ?? w.progress)?.errors ?? {})) out[k] = (out[k] ?? 0) + v;
  return out;
}

function summarize(o, workers, m) {
  const h = { delivery: new Histogram(), input: new Histogram(), chat: new Histogram() };
  let frames = 0, gaps = 0, pings = 0, moves = 0, chatsRecv = 0, joined = 0, lagP99Ms = 0;
  for (const w of workers) {
    const f = w.final;
    if (!f) continue;
    for (const k of Object.keys(h)) h[k].add(f[k]);
    frames += f.frames; gaps += f.gaps; pings += f.pings; moves += f.moves; chatsRecv += f.chatsRecv; joined += f.joined;
    lagP99Ms = Math.max(lagP99Ms, f.lagP99Ms);
  }
  const sec = o.durationMs / 1000; // workers count over exactly their own durationMs window
  const delivered = frames + chatsRecv;
  // One tick of slack per client: the measuring window is not aligned to the server's ticks.
  const expectedFrames = joined * (o.tickRate * sec - 1);
  return {
    client: o.client, clients: o.clients, joined, roomSize: o.roomSize, moveRate: o.moveRate, chatRate: o.chatRate,
    workers: workers.length, connectSec: m.connectSec,
    framesPerSec: frames / sec, framesPerClientPerSec: joined ? frames / sec / joined : 0, missedFrameNums: gaps,
    // Share of the TICK_RATE syncs a joined client did not get (rooms change every tick under load).
    tickShortfallPct: !o.noJoin && o.moveRate > 0 && expectedFrames ? Math.max(0, 100 * (1 - frames / expectedFrames)) : 0,
    deliveryP50: h.delivery.percentile(50), deliveryP99: h.delivery.percentile(99), deliveryMax: h.delivery.max,
    inputP50: h.input.percentile(50), inputP99: h.input.percentile(99), inputSamples: h.input.n,
    chatPerSec: chatsRecv / sec, chatP50: h.chat.percentile(50), chatP99: h.chat.percentile(99),
    movesPerSec: moves / sec, heartbeatPingsPerSec: pings / sec,
    serverCpuPct: (100 * m.serverCpuSec) / m.measuredSec,
    serverCpuUsPerFrame: delivered ? (m.serverCpuSec * 1e6) / (delivered * (m.measuredSec / sec)) : NaN,
    genCpuPct: (100 * m.genCpuSec) / m.measuredSec, genLagP99Ms: lagP99Ms,
    // CPU (in % of one core) used by everything else on the box: other tenants, kernel threads.
    otherCpuPct: (100 * (m.machineBusySec - m.serverCpuSec - m.genCpuSec)) / m.measuredSec,
    stealPct: (100 * m.stealSec) / m.measuredSec,
    rssBaseMB: m.rssBase / 2 ** 20, rssIdleMB: m.rssIdle / 2 ** 20, rssActiveMB: m.rssActive / 2 ** 20,
    rssPerIdleConnKB: (m.rssIdle - m.rssBase) / 1024 / o.clients, rssPerActiveConnKB: (m.rssActive - m.rssBase) / 1024 / o.clients,
    errors: mergeErrors(workers),
  };
}

/** Best guess at what capped a run, from the numbers above (thresholds in % of one core). */
export function limiter(r) {
  const out = [];
  if (r.serverCpuPct >= 85) out.push('server CPU');
  if (r.genCpuPct >= 85 * r.workers || r.genLagP99Ms >= 50) out.push('generator');
  if (r.otherCpuPct >= 40) out.push(`other load ${Math.round(r.otherCpuPct)}%`);
  if (r.joined < r.clients) out.push('connect');
  return out.join(' + ') || 'none';
}

export function parseArgs(argv, defaults = DEFAULTS) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) continue;
    const key = argv[i].slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    const next = argv[i + 1];
    const value = next === undefined || next.startsWith('--') ? true : (i++, next);
    const d = defaults[key];
    out[key] = typeof d === 'number' ? Number(value) : typeof d === 'boolean' ? value === true || value === 'true' : value;
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2), { ...DEFAULTS, json: false, pinCpu: '' });
  const { pinCpu, json, ...opts } = args;
  if (pinCpu !== '' && pinCpu !== undefined) {
    const { pinSelf } = await import('./pin.mjs');
    pinSelf(String(pinCpu));
  }
  const result = await runLoad({ ...opts, quiet: json });
  if (json) console.log(JSON.stringify(result));
  else console.table(Object.fromEntries(Object.entries(result).map(([k, v]) => [k, typeof v === 'number' ? +v.toFixed(2) : JSON.stringify(v)])));
}
