// @ts-check
'use strict';
// The load tester's parent process: spreads the clients over worker processes (none near the
// per-process file limit) and source addresses, walks them through the phases, measures the
// servers from /proc, prints the progress line, merges the workers' reports. Every run stops by
// itself: each phase has a deadline, and a watchdog ends the run past their sum.
const { fork } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const path = require('node:path');
const { codecNames, createCodec } = require('./codecs');
const { DEFAULTS } = require('./options');
const { roleShares, sourceAddresses, workerRanges } = require('./plan');
const { cpuSeconds, machineJiffies, openFileLimit, rssBytes } = require('./proc');
const { ProgressLine } = require('./progress');
const { buildReport } = require('./report');

/** Sockets a worker keeps below the open-file limit for its own files (node, IPC, stdio). */
const FILE_HEADROOM = 500;

/**
 * @typedef {object} RunHooks
 * @property {(phase: string) => void} [onPhase]      connect, warmup, measure, quiesce, verify, done
 * @property {(line: string) => void} [log]            progress and notices (default: stderr)
 * @property {Promise<unknown>} [endWindow]             ends the measurement window early when it settles
 *   (a caller that measures something of its own inside the window, e.g. bench/run.mjs's join storm)
 * @property {() => Promise<unknown>} [connected]       awaited once every client is connected, before the
 *   warmup: runs started together (bench/run.mjs --paired) hold here until all are, so their windows match
 */

/**
 * Runs one load test and resolves with its report (see report.js). Throws on bad options.
 * @example const report = await runLoad({ url: 'ws://127.0.0.1:8080/ws', scenario: 'lobby', clients: 200, churn: 0.02 });
 * @param {Partial<typeof DEFAULTS>} input @param {RunHooks} [hooks]
 */
async function runLoad(input, hooks = {}) {
  const o = validate(worldDefaults({ ...DEFAULTS, ...input, startedAt: new Date().toISOString() }));
  const urls = String(o.url).split(',');
  const codec = createCodec(o.codec, { batch: o.batch, modulePath: o.codecModule || undefined });
  const workerCount = o.workers || Math.max(1, Math.ceil(o.clients / o.perWorker));
  const pids = String(o.serverPid || '').split(',').filter(Boolean).map(Number);
  const pidOf = (/** @type {number} */ i) => pids[i] ?? NaN;
  const log = hooks.log ?? ((/** @type {string} */ line) => process.stderr.write(`${line}\n`));
  const plan = {
    shares: roleShares(o.scenario, o.mix), roomSize: o.roomSize, lobbySize: o.lobbySize, urls: urls.length,
    roomPrefix: o.roomPrefix, sourceAddresses: sourceAddresses(o.sourceAddresses, o.clients, urls), mirrorShare: o.mirrorShare,
  };
  if (plan.sourceAddresses.length) log(`source addresses: ${plan.sourceAddresses.join(', ')}`);
  const phaseTo = (/** @type {string} */ phase) => hooks.onPhase?.(phase);
  const rssBase = urls.map((_, i) => rssBytes(pidOf(i)));

  const workers = workerRanges(o.clients, workerCount).map(({ first, count }, workerIndex) => {
    const cfg = { ...o, plan, first, count, workerIndex, connectRatePerWorker: o.connectRate / workerCount };
    const child = fork(path.join(__dirname, 'worker.js'), [JSON.stringify(cfg)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // e.g. LOADGEN_WORKER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/genprof' to profile a worker
      execArgv: process.env.LOADGEN_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
    });
    /** @type {{ child: import('node:child_process').ChildProcess, ready: boolean, last: any, quiesced: any, final: any, exited: boolean }} */
    const w = { child, ready: false, last: null, quiesced: null, final: null, exited: false };
    child.on('message', (/** @type {any} */ m) => {
      if (m.kind === 'ready') w.ready = true;
      else if (m.kind === 'progress') w.last = m;
      else if (m.kind === 'quiesced') w.quiesced = m;
      else if (m.kind === 'final') w.final = w.last = m;
    });
    child.on('exit', () => (w.exited = true));
    return w;
  });
  const broadcast = (/** @type {object} */ m) => workers.forEach((w) => w.child.connected && w.child.send(m));
  const alive = () => workers.filter((w) => !w.exited);
  const genCpu = () => workers.reduce((a, w) => a + (cpuSeconds(w.child.pid ?? 0) || 0), 0);

  // The watchdog: whatever happens, the run ends.
  const deadline = Date.now() + o.connectTimeoutMs + 1000 + o.warmupMs + o.durationMs + 2 * o.drainMs + 30000;
  let aborted = false;
  const watchdog = setTimeout(() => {
    aborted = true;
    log('run deadline passed: stopping the workers');
    for (const w of alive()) w.child.kill('SIGKILL');
  }, deadline - Date.now());

  const progress = new ProgressLine({ o, workers, log, quiet: o.quiet });
  try {
    phaseTo('connect');
    progress.phase = 'connect';
    const t0 = Date.now();
    await until(() => workers.every((w) => w.ready || w.exited), o.connectTimeoutMs);
    const connectSec = (Date.now() - t0) / 1000;
    await sleep(1000); // let the servers settle (GC, join bursts) before the idle RSS reading
    const rssIdle = urls.map((_, i) => rssBytes(pidOf(i)));
    await hooks.connected?.();

    for (const phase of ['warmup', 'measure']) {
      if (aborted) break;
      broadcast({ cmd: 'phase', phase });
      phaseTo(phase);
      progress.phase = phase;
      if (phase === 'warmup') await sleep(o.warmupMs);
    }
    const cpu0 = urls.map((_, i) => cpuSeconds(pidOf(i)));
    const gen0 = genCpu(), mach0 = machineJiffies(), m0 = Date.now();
    /** @type {NodeJS.Timeout | undefined} */
    let windowTimer;
    await Promise.race([new Promise((r) => (windowTimer = setTimeout(r, o.durationMs))), hooks.endWindow ?? new Promise(() => {})]);
    clearTimeout(windowTimer);
    const cpu1 = urls.map((_, i) => cpuSeconds(pidOf(i)));
    const gen1 = genCpu(), mach1 = machineJiffies(), measuredSec = (Date.now() - m0) / 1000;
    const rssActive = urls.map((_, i) => rssBytes(pidOf(i)));

    phaseTo('quiesce');
    progress.phase = 'quiesce';
    broadcast({ cmd: 'quiesce', drainMs: o.drainMs });
    await until(() => alive().every((w) => w.quiesced), o.drainMs + 5000);
    phaseTo('verify');
    progress.phase = 'verify';
    broadcast({ cmd: 'verify', expected: expectedChats(workers), drainMs: o.drainMs });
    await until(() => alive().every((w) => w.final), o.drainMs + 5000);
    broadcast({ cmd: 'stop' });
    await until(() => workers.every((w) => w.exited), 5000);

    return buildReport(o, workers.map((w) => w.final ?? w.last), {
      connectSec, measuredSec, aborted,
      serverCpuSec: cpu1.map((c, i) => c - cpu0[i]),
      serverRss: urls.map((_, i) => ({ base: rssBase[i], idle: rssIdle[i], active: rssActive[i] })),
      genCpuSec: gen1 - gen0, machineBusySec: (mach1.busy - mach0.busy) / 100,
    }, codec.gatewayProtocol);
  } finally {
    progress.stop();
    clearTimeout(watchdog);
    for (const w of alive()) w.child.kill('SIGKILL');
    phaseTo('done');
  }
}

/** Room → each member's last confirmed chat number, from every worker's quiesce report. @param {{ quiesced: any }[]} workers */
function expectedChats(workers) {
  /** @type {Record<string, number[]>} */
  const expected = {};
  for (const w of workers) for (const [room, member, n] of w.quiesced?.confirmed ?? []) (expected[room] ??= [])[member] = n;
  for (const list of Object.values(expected)) for (let i = 0; i < list.length; i++) list[i] ??= 0;
  return expected;
}

/** --scenario world: one room of every player, of the kind `world` unless --room-kind says. @param {Record<string, any>} o */
function worldDefaults(o) {
  if (o.players > 0) o.clients = o.players;
  if (o.scenario !== 'world') return o;
  return { ...o, roomSize: o.clients, roomKind: o.roomKind || 'world' };
}

/** Options checked before anything starts; errors name the flag and the fix. @param {Record<string, any>} o @returns {Record<string, any>} */
function validate(o) {
  const urls = String(o.url).split(',');
  for (const u of urls) if (!/^wss?:\/\/[^/]+/.test(u)) throw new Error(`--url: "${u}" is not a ws:// or wss:// URL`);
  if (!codecNames(o.codecModule || undefined).includes(o.codec)) throw new Error(`--codec "${o.codec}": use one of ${codecNames().join(', ')}`);
  roleShares(o.scenario, o.mix);
  if (!['same', 'other'].includes(o.resumeTo)) throw new Error('--resume-to must be same or other');
  if (!['none', 'hint'].includes(o.placement)) throw new Error(`--placement must be none or hint (got "${o.placement}")`);
  if (o.clients < 1 || !Number.isInteger(o.clients)) throw new Error('--clients must be a whole number ≥ 1');
  if (o.roomSize < 1 || o.lobbySize < 1) throw new Error('--room-size and --lobby-size must be ≥ 1');
  if (o.scenario === 'world') {
    if (!(o.density > 0)) throw new Error('--density must be > 0 (players per 100 × 100 cell)');
    const side = Math.sqrt(o.clients / o.density) * 100;
    if (side > 2000) throw new Error(`--players ${o.clients} at --density ${o.density} need a square of ${Math.round(side)} units a side; the world kind is 2000: raise --density to at least ${Math.ceil(o.clients / 400)}`);
  }
  if (!(o.mirrorShare >= 0 && o.mirrorShare <= 1)) throw new Error(`--mirror-share is the share of each room's players that keep a state mirror: 0 to 1 (got ${o.mirrorShare})`);
  if (o.churn > 0.5) throw new Error('--churn is a share of the clients per second: at most 0.5');
  const limit = openFileLimit() - FILE_HEADROOM;
  const workers = o.workers || Math.ceil(o.clients / o.perWorker);
  if (Math.ceil(o.clients / workers) > limit) {
    throw new Error(`${Math.ceil(o.clients / workers)} sockets per worker exceed this process's open-file limit minus ${FILE_HEADROOM} (${limit}): raise --workers or lower --per-worker`);
  }
  if (o.churn > 0 && !createCodec(o.codec, { batch: false, modulePath: o.codecModule || undefined }).gatewayProtocol) {
    throw new Error(`--churn needs a codec that speaks resume; "${o.codec}" is a baseline's subset`);
  }
  return { ...o, roomPrefix: o.roomPrefix || `lt${randomBytes(3).toString('hex')}` };
}

/** @param {() => boolean} done @param {number} timeoutMs */
async function until(done, timeoutMs) {
  const end = Date.now() + timeoutMs;
  while (!done() && Date.now() < end) await sleep(50);
  return done();
}

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

module.exports = { runLoad };
