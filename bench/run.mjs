#!/usr/bin/env node
// Benchmark scenarios: gateway vs bare-ws (encode once) vs Socket.IO, interleaved step by step so
// ratios hold on a noisy machine. Every run is bounded and stops by itself.
//   npm run bench                       all scenarios, full steps (several minutes)
//   npm run bench:quick                 ~1-minute smoke run
//   npm run bench -- --scenario fanout  one scenario (idle | fanout | fanout-v2 | chat | multi-instance | world | join-storm)
//   options: --quick --codec json|proto|v2-json|v2-proto --servers gateway,bare-ws,socketio --profile --json
//            --steps 250,500 --keep-going (measure every step) --max-step N --chat-clients N --progress
//            --attempts N (fan-out tries per step when noise made it fail; default 3, quick 1)
//            --room-size 50 (fanout) --baseline-codec proto (what bare-ws / Socket.IO clients speak when
//            --codec is v2: the baselines only know v1) --world-steps 100,1000,2000 --density 5
//            --world-at 1000 --rounds 2 (world comparisons) --storm-rounds 2 (join-storm)
//            --scenario profile (only the profile) --profile-at N (clients, default 1500, quick 1000)
//            --profile-server gateway|bare-ws (whose CPU profile; then bench/profile-window.mjs on it)
//            a server `name:codec` (--servers gateway:v2-proto,bare-ws,gateway:proto) gives that server's clients that codec
//            --mirror-share 0.1 (world, fanout-v2: the share of each room's v2 players that keep a full state
//            mirror; the others read only frame numbers, bytes and times, so the tester stays below the server)
//            --paired (fanout, fanout-v2): at each step every server runs AT ONCE, each with N clients of its own,
//            all servers on the server core: host speed drifting between windows (BENCHMARKS.md, 08:27–08:45 runs)
//            then moves every server alike, and the ratio of CPU per frame is read within one window
// fanout-v2: the fan-out with gateway clients on game.v2.proto and bare-ws on game.v1.proto
// (issue 10's CPU target). world: one interest-managed room at --world-steps players and constant
// density, then at --world-at players the same room with interest management off (world-flat) and
// rooms of 10, interleaved (issue 11). join-storm: 100 joins in one second into busy rooms.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { limiter, runLoad } = require('./loadgen/index.js');
const { createCodec } = require('./loadgen/codecs/index.js');
const { cpuSeconds, machineJiffies } = require('./loadgen/proc.js');
import WebSocket from 'ws';
const { hasTaskset, pinSelf } = require('./loadgen/pin.js');
import { startServer, stopServer } from './servers.mjs';
import { startRedis } from './redis-servers.mjs';
import { topSelfTime } from './profile-top.mjs';

const args = parseArgs(process.argv.slice(2), {
  scenario: 'all', quick: false, codec: 'json', servers: 'gateway,bare-ws,socketio', profile: false, json: false, port: 9400, maxStep: 0, steps: '', keepGoing: false,
  progress: false, chatClients: 0, attempts: 0, roomSize: 50, baselineCodec: '', worldSteps: '', density: 5, worldAt: 0, rounds: 0, stormRounds: 0,
  profileAt: 0, profileServer: 'gateway', mirrorShare: 1, paired: false,
});
const quick = args.quick ?? false;
const codec = args.codec ?? 'json';
const servers = (args.servers ?? 'gateway,bare-ws,socketio').split(',');
const port = args.port ?? 9400;
const scenarios = args.scenario && args.scenario !== 'all' ? String(args.scenario).split(',') : ['idle', 'fanout', 'fanout-v2', 'chat', 'multi-instance', 'world', 'join-storm'];
const P99_LIMIT_MS = 50;
const results = { startedAt: new Date().toISOString(), quick, codec, idle: [], fanout: [], fanoutV2: [], chat: [], world: [], joinStorm: [], profile: null, skipped: [] };

// Generator on core 0, servers on core 1 (2-core machine); without taskset both float.
const pinned = hasTaskset() && pinSelf('0');
const SERVER_CPU = pinned ? 1 : undefined;
console.log(`# bench ${quick ? '(quick)' : ''} codec=${codec} servers=${servers.join(',')} pinning=${pinned ? 'generator cpu0, server cpu1' : 'none (no taskset)'}`);

// Baselines speak v1 only: with a v2 codec their clients use --baseline-codec (default: the v1 of the same encoding).
const baselineCodec = (c) => args.baselineCodec || (c === 'v2-proto' ? 'proto' : c === 'v2-json' ? 'json' : c);
// `name:codec` (e.g. gateway:v2-proto) runs server `name` with clients on `codec`: one fan-out run
// can then interleave the same server in two wire versions with a baseline, step by step.
const clientFor = (name, c = codec) => {
  const [base, own] = name.split(':');
  if (own) return own;
  return base === 'socketio' ? 'sio' : base.startsWith('gateway') ? c : baselineCodec(c);
};

/** One run of the load tester (bench/loadgen), flattened to its summary plus the exactly-once verdict. */
async function load(options, hooks) {
  // Rooms `bench-N` and players `p<g>`, as in the results so far: frame sizes stay comparable.
  const report = await runLoad({ drainMs: 10000, roomPrefix: 'bench', ...options }, hooks);
  return { ...report.summary, check: report.check.status };
}

async function measure(name, options, { env, profileDir, codec: c, serverPort = port, connected } = {}) {
  const server = await startServer(name.split(':')[0], { port: serverPort, cpu: SERVER_CPU, env, profileDir });
  // The gateway's own tick durations within the measurement window (its /metrics histogram read
  // at the window's start and end): the server's share of delivery latency, without the tester's.
  const ticks = name.startsWith('gateway') ? tickWindow(server.url) : undefined;
  try {
    const r = { server: name, ...(await load({ url: server.url, codec: clientFor(name, c), serverPid: String(server.pid), ...options }, { ...ticks?.hooks, connected })) };
    if (ticks) Object.assign(r, await ticks.result());
    return { ...r, limitedBy: limiter(r) };
  } finally {
    await stopServer(server);
  }
}

/** Reads `gateway_sync_tick_duration_seconds` at the measure phase's start and at its end; `result` gives the window's ticks. */
function tickWindow(wsUrl) {
  const metricsUrl = wsUrl.replace(/^ws/, 'http').replace(/\/ws$/, '/metrics');
  const read = async () => {
    const text = await (await fetch(metricsUrl)).text();
    const buckets = [...text.matchAll(/^gateway_sync_tick_duration_seconds_bucket\{le="([^"]+)"\} (\d+)/gm)].map((m) => [Number(m[1]), Number(m[2])]);
    const sum = Number(/^gateway_sync_tick_duration_seconds_sum (\S+)/m.exec(text)?.[1] ?? 0);
    return { buckets, sum };
  };
  let start, end;
  const hooks = {
    onPhase: (phase) => {
      if (phase === 'measure') start = read().catch(() => undefined);
      if (phase === 'quiesce') end = read().catch(() => undefined);
    },
  };
  return {
    hooks,
    result: async () => {
      const [a, b] = [await start, await end];
      if (!a || !b || a.buckets.length !== b.buckets.length) return {};
      const counts = b.buckets.map(([le, n], i) => [le, n - a.buckets[i][1]]);
      const total = counts.at(-1)[1];
      if (!(total > 0)) return {};
      // The upper bound of the bucket holding the quantile (Prometheus buckets are cumulative).
      const upTo = (q) => (counts.find(([, n]) => n >= q * total)?.[0] ?? Infinity) * 1000;
      const over = (ms) => total - (counts.find(([le]) => le * 1000 >= ms)?.[1] ?? total);
      return { tickMeanMs: ((b.sum - a.sum) / total) * 1000, tickP50UpToMs: upTo(0.5), tickP99UpToMs: upTo(0.99), ticks: total, ticksOver25Ms: over(25), ticksOver50Ms: over(50) };
    },
  };
}

const f = (v, d = 1) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : '-');
/** ` mirrored=M/N` when some v2 players kept no state mirror (--mirror-share < 1), else nothing. */
const mirrored = (r) => (r.lightClients ? ` mirrored=${r.mirroredClients}/${r.mirroredClients + r.lightClients}` : '');
const line = (r) =>
  `  ${r.server.padEnd(8)} N=${r.clients} joined=${r.joined} fps=${f(r.framesPerSec, 0)} deliv p50/p99=${f(r.deliveryP50)}/${f(r.deliveryP99)}ms input p50/p99=${f(r.inputP50)}/${f(r.inputP99)}ms ` +
  `shortfall=${f(r.tickShortfallPct)}% gaps=${r.missedFrameNums} bytes/frame=${f(r.stateBytesPerFrame)} check=${r.check} srvCPU=${f(r.serverCpuPct, 0)}% ${f(r.serverCpuUsPerFrame)}us/frame genCPU=${f(r.genCpuPct, 0)}% genLag99=${f(r.genLagP99Ms)}ms ` +
  `other=${f(r.otherCpuPct, 0)}% RSS/conn idle/active=${f(r.rssPerIdleConnKB)}/${f(r.rssPerActiveConnKB)}KB errors=${JSON.stringify(r.errors)}${mirrored(r)}${tickLine(r)} limit: ${r.limitedBy}`;
/** ` tick mean/p50/p99=…` for the gateway: its own tick durations in the window (p50/p99 as the bucket bounds holding them). */
const tickLine = (r) =>
  r.ticks ? ` tick mean/p50/p99=${f(r.tickMeanMs)}/≤${f(r.tickP50UpToMs, 0)}/≤${f(r.tickP99UpToMs, 0)}ms (${r.ticksOver25Ms} and ${r.ticksOver50Ms} of ${r.ticks} over 25 and 50 ms)` : '';

async function idle() {
  const n = quick ? 2000 : 15000;
  console.log(`\n## idle: ${n} connections (welcome only, no room), HEARTBEAT_INTERVAL_MS=1000, ${quick ? 4 : 10} s`);
  for (const name of servers) {
    const r = await measure(name, { scenario: 'idle', clients: n, warmupMs: 1000, durationMs: quick ? 4000 : 10000, quiet: true }, { env: { HEARTBEAT_INTERVAL_MS: '1000' } });
    results.idle.push(r);
    console.log(`${line(r)} pings/s=${f(r.heartbeatPingsPerSec, 0)}`);
  }
}

const failed = (r) => r.joined < r.clients || !(r.deliveryP99 <= P99_LIMIT_MS) || r.missedFrameNums > 0 || r.tickShortfallPct > 1;

/** One fan-out step's load: `n` players in rooms of --room-size, 10 moves/s each. */
const fanoutLoad = (n, extra) => ({
  scenario: 'rooms', clients: n, roomSize: args.roomSize, moveRate: 10, warmupMs: quick ? 2000 : 3000, durationMs: quick ? 4000 : 10000, quiet: !args.progress, ...extra,
});

async function fanout({ c = codec, rows = results.fanout, title = 'fanout', names = servers, extra = {} } = {}) {
  let steps = quick ? [250, 500] : [250, 500, 1000, 1500, 2000, 3000, 4000, 6000, 8000];
  if (args.steps) steps = String(args.steps).split(',').map(Number);
  if (args.maxStep) steps = steps.filter((s) => s <= args.maxStep);
  const roomSize = args.roomSize;
  console.log(`\n## ${title}: rooms of ${roomSize}, moves 10/s per client, 20 Hz sync, gateway clients ${c}, baselines ${baselineCodec(c)}, steps ${steps.join(', ')} (stop a server at p99 delivery > ${P99_LIMIT_MS} ms or missed ticks)`);
  if (args.paired) return fanoutPaired({ c, rows, steps, names, extra });
  const alive = new Set(names);
  for (const n of steps) {
    for (const name of names) {
      if (!alive.has(name)) continue;
      let r;
      // Shared box: a failure while other tenants or the generator ate the CPU is retried (twice at
      // most) before the server is declared saturated; every attempt stays in the results.
      const attempts = args.attempts || (quick ? 1 : 3); // the smoke run never retries
      for (let attempt = 1; attempt <= attempts; attempt++) {
        r = { ...(await measure(name, fanoutLoad(n, extra), { codec: c })), attempt };
        rows.push(r);
        console.log(line(r));
        const noisy = /other load|generator/.test(r.limitedBy) && !/server CPU/.test(r.limitedBy);
        if (!failed(r) || !noisy || attempt === attempts) break;
        console.log(`  … ${name} N=${n} failed under noise (${r.limitedBy}); retrying`);
      }
      // --keep-going measures every step for every server (CPU per frame at equal N), failing or not.
      if (failed(r) && !args.keepGoing) {
        alive.delete(name);
        console.log(`  → ${name} stops at N=${n}`);
      }
    }
    if (alive.size === 0) break;
  }
  if (args.profile && servers.includes('gateway') && rows === results.fanout) await profile(args.profileAt || (quick ? 1000 : 1500));
}

/** `arrive` resolves for every caller once `n` have called it (or once `release` is called). */
function barrier(n) {
  let release;
  const all = new Promise((resolve) => (release = resolve));
  let waiting = 0;
  return {
    arrive: () => {
      if (++waiting === n) release();
      return all;
    },
    release: () => release(),
  };
}

/**
 * --paired: each step runs every server at the same time, N clients each (its own tester workers,
 * ports 10 apart), all servers sharing the server core. The testers wait for each other once
 * connected, so the warmups and measurement windows start together (within a few ms): a host that
 * runs slower for a minute slows every server alike. The servers also share the core's caches and
 * each other's scheduling, which is the price of that; max clients and failure marks mean little here.
 */
async function fanoutPaired({ c, rows, steps, names, extra }) {
  console.log(`  (paired: ${names.join(' and ')} at once, N clients each, on one core)`);
  for (const [index, n] of steps.entries()) {
    const options = fanoutLoad(n, { quiet: true, ...extra }); // two progress lines at once would interleave
    // Every tester waits at `connected` until all are connected: the warmups and windows then start together.
    const allConnected = barrier(names.length);
    // Every measurement runs to its end before a failure is raised: none is left running behind it.
    const run = (name, i) => measure(name, options, { codec: c, serverPort: port + 10 * i, connected: allConnected.arrive });
    // A run that fails (before it arrives) must not hold the others at the barrier for ever.
    const settled = await Promise.allSettled(names.map((name, i) => run(name, i).catch((e) => (allConnected.release(), Promise.reject(e)))));
    const failure = settled.find((s) => s.status === 'rejected');
    if (failure) throw failure.reason;
    const round = settled.map((s) => s.value);
    // With one window for all, each tester's "other" CPU holds the other pairs: take them out.
    for (const r of round) {
      for (const o of round) if (o !== r) r.otherCpuPct -= o.serverCpuPct + o.genCpuPct;
      r.limitedBy = limiter(r);
    }
    const ref = round[0].serverCpuUsPerFrame;
    for (const r of round) {
      rows.push({ ...r, pairedRound: index });
      console.log(r === round[0] ? line(r) : `${line(r)} paired ratio ${names[0]} / this: ${f(ref / r.serverCpuUsPerFrame, 2)}×`);
    }
  }
}

async function profile(n) {
  const dir = fileURLToPath(new URL(`./results/prof-${Date.now()}`, import.meta.url));
  mkdirSync(dir, { recursive: true });
  const name = args.profileServer; // e.g. --profile-server bare-ws, to compare the same load's profile
  console.log(`\n## profile: ${name} under fanout N=${n} (${codec}) with --cpu-prof → ${dir}`);
  await measure(name, { scenario: 'rooms', clients: n, roomSize: 50, moveRate: 10, warmupMs: 2000, durationMs: 8000, quiet: true }, { profileDir: dir });
  const file = readdirSync(dir).find((x) => x.endsWith('.cpuprofile'));
  results.profile = { file: `${dir}/${file}`, top: topSelfTime(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')), 20) };
  for (const t of results.profile.top) console.log(`  ${f(t.pct).padStart(5)}%  ${t.fn}  ${t.where}`);
}

async function chat() {
  const n = args.chatClients || (quick ? 500 : 1000);
  console.log(`\n## chat storm: ${n} clients in rooms of 50, each sends 2 chat/s (→ ${n * 2 * 50}/s deliveries), no moves`);
  for (const name of servers) {
    const r = await measure(name, { scenario: 'lobby', clients: n, lobbySize: 50, chatRate: 2, warmupMs: quick ? 1000 : 2000, durationMs: quick ? 4000 : 10000, quiet: true });
    results.chat.push(r);
    console.log(`  ${name.padEnd(8)} delivered ${f(r.chatPerSec, 0)}/s (expected ${n * 2 * 50}) latency p50/p99=${f(r.chatP50)}/${f(r.chatP99)}ms check=${r.check} srvCPU=${f(r.serverCpuPct, 0)}% ${f(r.serverCpuUsPerFrame, 2)}us/msg genCPU=${f(r.genCpuPct, 0)}% genLag99=${f(r.genLagP99Ms)}ms other=${f(r.otherCpuPct, 0)}% errors=${JSON.stringify(r.errors)} limit: ${r.limitedBy}`);
  }
}

/**
 * The cross-instance hop: the same fan-out once on one gateway (in-memory bus) and once on two
 * gateways sharing rooms through a redis-server of its own (clients alternate between them, so
 * every room's sync crosses Redis to half of its members). Delivery latency of the second minus
 * the first is what the hop adds. CPU is reported for instance A only.
 */
async function multiInstance() {
  const n = quick ? 250 : 500;
  console.log(`\n## multi-instance: ${n} clients in rooms of 50, 20 Hz, one instance vs two over Redis`);
  const redis = await startRedis(port + 50);
  try {
    const rooms = { scenario: 'rooms', clients: n, roomSize: 50, moveRate: 10, warmupMs: quick ? 2000 : 3000, durationMs: quick ? 5000 : 10000, quiet: true };
    const single = await measure('gateway', rooms, { env: { REDIS_URL: '' } });
    console.log(`${line({ ...single, server: 'one' })}`);
    const a = await startServer('gateway', { port, cpu: SERVER_CPU, env: { REDIS_URL: redis.url }, logFile: '/tmp/bench-gateway-a.log' });
    const b = await startServer('gateway', { port: port + 1, cpu: SERVER_CPU, env: { REDIS_URL: redis.url }, logFile: '/tmp/bench-gateway-b.log' });
    try {
      const r = { server: 'two', ...(await load({ url: `${a.url},${b.url}`, codec, serverPid: String(a.pid), ...rooms })) };
      console.log(`${line({ ...r, limitedBy: limiter(r) })}`);
      const hop = { p50: r.deliveryP50 - single.deliveryP50, p99: r.deliveryP99 - single.deliveryP99 };
      console.log(`  added by the Redis hop: p50 ${f(hop.p50)} ms, p99 ${f(hop.p99)} ms (target ≤ 2 / ≤ 10 ms)`);
      results.multiInstance = { single, two: r, hop };
    } finally {
      await stopServer(b);
      await stopServer(a);
    }
  } finally {
    await redis.stop();
  }
}

const v2codec = codec.startsWith('v2-') ? codec : 'v2-proto';

/**
 * Issue 11: one room of the `world` kind (interest management, cells of 100, a 3 × 3 view) with
 * every client a player walking at 10 moves/s in a square sized for --density players per cell:
 * bytes per player per tick at --world-steps players (constant density: the curve should be flat),
 * then at --world-at players, interleaved --rounds times: rooms of 10 (same clients, same codec),
 * the world room, and the world room with interest management off (`world-flat`, a benchmark-only
 * kind of bench/gateway-kinds.cjs). Every run on the same server build (gateway-kinds), pinned.
 */
async function world() {
  const density = args.density;
  let steps = quick ? [100, 300] : [100, 1000, 2000];
  if (args.worldSteps) steps = String(args.worldSteps).split(',').map(Number);
  const at = args.worldAt || (quick ? 300 : 1000);
  const rounds = args.rounds || 1;
  const timing = { warmupMs: quick ? 2000 : 4000, durationMs: quick ? 4000 : 10000, quiet: !args.progress, moveRate: 10, mirrorShare: args.mirrorShare };
  const run = async (label, options) => {
    // A 2,000-player room queues ~1,000 moves a tick at 10 moves/s; the default per-room bound
    // (ROOM_MAX_QUEUED_ACTIONS 4,096) refuses a late tick's backlog, which would measure the limit.
    const r = { case: label, ...(await measure('gateway-kinds', { ...timing, ...options }, { codec: v2codec, env: { ROOM_MAX_QUEUED_ACTIONS: '100000' } })) };
    results.world.push(r);
    console.log(`${line({ ...r, server: label })} bytes/player/tick=${f(r.stateBytesPerPlayerPerTick)} joinBytes=${f(r.joinBytesMean, 0)} keyframes=${r.keyframes} noBase=${r.mirrorNoBase}`);
    return r;
  };
  const worldRun = (n, kind) => run(kind, { scenario: 'world', clients: n, density, roomKind: kind });
  console.log(`\n## world: one room of the world kind, ${density} players per 100 × 100 cell, 10 moves/s each, 20 Hz, ${v2codec}; players ${steps.join(', ')}, then ${at} players: rooms of 10 / world / world-flat × ${rounds}; state mirrors kept by ${args.mirrorShare * 100} % of the players`);
  for (const n of steps) await worldRun(n, 'world');
  for (let round = 1; round <= rounds; round++) {
    await run('rooms-of-10', { scenario: 'rooms', clients: at, roomSize: 10 });
    await worldRun(at, 'world');
    await worldRun(at, 'world-flat');
  }
}

/**
 * Issue 10's keyframe cost: 1,000 v2-proto players in busy rooms of 10 (moving, 20 Hz); then,
 * alternating, a quiet window (3 s) and a storm window (at least 3 s, and until every joiner has
 * its room_joined): in a storm, 100 new clients connect over one second, one per room, and join
 * (each gets room_joined with the room's keyframe). Joiners speak v2-proto, v2-json or v1 proto in
 * turn. CPU per join = (server CPU of the storm window − the quiet windows' mean CPU rate × the
 * storm window's length) / joins; the joiners' frames during the rest of the window are in it.
 * The players' load runs until the last window ends.
 */
async function joinStorm() {
  const n = quick ? 300 : 1000;
  const rooms = n / 10;
  const joiners = Math.min(100, rooms);
  const stormRounds = args.stormRounds || (quick ? 1 : 2);
  const codecs = ['v2-proto', 'v2-json', 'proto'];
  const windowMs = 3000;
  console.log(`\n## join-storm: ${n} v2-proto players in rooms of 10 (moving, 20 Hz); ${joiners} joins in 1 s, one per room, joiners on ${codecs.join(' / ')}, × ${stormRounds}; ${windowMs / 1000} s windows, quiet and storm alternating`);
  const server = await startServer('gateway', { port, cpu: SERVER_CPU });
  let measuring, endWindow;
  const started = new Promise((r) => (measuring = r));
  try {
    const loadRun = runLoad(
      { url: server.url, codec: 'v2-proto', scenario: 'rooms', clients: n, roomSize: 10, roomPrefix: 'bench', moveRate: 10, warmupMs: 3000, durationMs: 600000, drainMs: 5000, quiet: true, serverPid: String(server.pid) },
      { onPhase: (p) => p === 'measure' && measuring(), endWindow: new Promise((r) => (endWindow = r)) },
    );
    await started;
    const cpuWindow = async (fn) => {
      const c0 = cpuSeconds(server.pid), m0 = machineJiffies(), t0 = Date.now();
      const joins = fn ? fn() : null;
      await Promise.all([new Promise((r) => setTimeout(r, windowMs)), joins]);
      const out = { cpuMs: (cpuSeconds(server.pid) - c0) * 1000, busyMs: ((machineJiffies().busy - m0.busy) / 100) * 1000, ms: Date.now() - t0 };
      return { ...out, joins: joins ? await joins : undefined };
    };
    const quiets = [await cpuWindow()];
    const storms = [];
    for (let round = 1; round <= stormRounds; round++) {
      for (const c of codecs) {
        const s = await cpuWindow(() => storm(server.url, c, `s${round}${c.replace(/\W/g, '')}`, joiners, rooms));
        quiets.push(await cpuWindow());
        const rate = (q) => q.cpuMs / q.ms;
        storms.push({ codec: c, round, ...s, quietBeforeMs: quiets.at(-2).cpuMs, quietAfterMs: quiets.at(-1).cpuMs, quietRate: (rate(quiets.at(-2)) + rate(quiets.at(-1))) / 2 });
      }
    }
    endWindow();
    const load = await loadRun;
    for (const s of storms) {
      const j = s.joins;
      const cpuPerJoinMs = (s.cpuMs - s.quietRate * s.ms) / j.joined;
      const row = { ...s, cpuPerJoinMs, otherBusyPct: (100 * (s.busyMs - s.cpuMs)) / s.ms, loadSummary: undefined };
      results.joinStorm.push(row);
      console.log(
        `  ${s.codec.padEnd(8)} round ${s.round}: joined ${j.joined}/${joiners} (room_joined after p50/p99 ${f(j.p50)}/${f(j.p99)} ms) room_joined ${f(j.joinBytes, 0)} B (keyframe ${f(j.keyBytes, 0)} B, schema ${f(j.schemaBytes, 0)} B); ` +
          `server CPU storm ${f(s.cpuMs, 0)} ms in ${f(s.ms / 1000)} s vs quiet ${f(s.quietBeforeMs, 0)}/${f(s.quietAfterMs, 0)} ms in ${windowMs / 1000} s → ${f(cpuPerJoinMs, 2)} ms per join; machine busy besides the server ${f(row.otherBusyPct, 0)}% (tester + others)`,
      );
    }
    results.joinStormLoad = { ...load.summary, check: load.check.status };
    console.log(`  the busy rooms over the whole run: ${line({ ...load.summary, server: 'gateway', check: load.check.status, limitedBy: limiter(load.summary) })}`);
  } finally {
    for (const ws of stormSockets.splice(0)) ws.terminate();
    await stopServer(server);
  }
}

/** `count` clients on codec `c` connect over one second and join rooms bench-0 … bench-(rooms-1); resolves with their numbers. */
async function storm(url, c, prefix, count, rooms) {
  const codecImpl = createCodec(c, { batch: false });
  const sockets = [];
  const times = [], joinBytes = [], keyBytes = [], schemaBytes = [];
  const one = (k) =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const ws = new WebSocket(url, codecImpl.subprotocols, { perMessageDeflate: false });
      sockets.push(ws);
      const timer = setTimeout(resolve, 60000); // a join that never came: counted as not joined
      ws.on('message', (data, isBinary) => {
        for (const m of codecImpl.decode(data, isBinary)) {
          if (m.type === 'welcome') ws.send(codecImpl.encode('join_room', { room_id: `bench-${k % rooms}`, user_id: `${prefix}-${k}`, nickname: `${prefix}-${k}` }));
          else if (m.type === 'room_joined') {
            times.push(performance.now() - t0);
            joinBytes.push(data.length);
            if (m.payload.state) keyBytes.push(keyframeBytes(c, m.payload.state));
            if (m.payload.schema) schemaBytes.push(Buffer.byteLength(m.payload.schema));
            clearTimeout(timer);
            resolve();
          }
        }
      });
      ws.on('error', () => resolve());
    });
  const done = [];
  for (let k = 0; k < count; k++) {
    done.push(one(k));
    await new Promise((r) => setTimeout(r, 1000 / count));
  }
  await Promise.all(done);
  const sorted = times.slice().sort((a, b) => a - b);
  const mean = (a) => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : NaN);
  // Left open until the scenario ends: leaving would add player_left work to the next quiet window.
  stormSockets.push(...sockets);
  return { joined: times.length, p50: sorted[Math.floor(sorted.length * 0.5)], p99: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)], joinBytes: mean(joinBytes), keyBytes: mean(keyBytes), schemaBytes: mean(schemaBytes) };
}
const stormSockets = [];

/** Bytes of a room_joined's keyframe as its codec encodes it (protobuf: re-encoded StateFrame). */
function keyframeBytes(c, state) {
  if (c !== 'v2-proto') return Buffer.byteLength(JSON.stringify(state));
  stateFrameType ??= (() => {
    const protobuf = require('protobufjs');
    return new protobuf.Root().loadSync(fileURLToPath(new URL('../proto/game.proto', import.meta.url)), { keepCase: true }).lookupType('gameproto.StateFrame');
  })();
  return stateFrameType.encode(stateFrameType.fromObject(state)).finish().length;
}
let stateFrameType;

/** `--flag value` / `--flag` → camelCase keys, typed after `defaults`. */
function parseArgs(argv, defaults) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) continue;
    const key = argv[i].slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    const next = argv[i + 1];
    const value = next === undefined || next.startsWith('--') ? true : (i++, next);
    const d = defaults[key];
    out[key] = typeof d === 'number' ? Number(value) : typeof d === 'boolean' ? value === true || value === 'true' : value;
  }
  return { ...defaults, ...out, given: new Set(Object.keys(out)) };
}

for (const s of scenarios) {
  if (s === 'idle') await idle();
  else if (s === 'fanout') await fanout();
  else if (s === 'fanout-v2') await fanout({ c: v2codec, rows: results.fanoutV2, title: 'fanout-v2', names: args.given.has('servers') ? servers : ['gateway', 'bare-ws'], extra: { mirrorShare: args.mirrorShare } });
  else if (s === 'world') await world();
  else if (s === 'join-storm') await joinStorm();
  else if (s === 'chat') await chat();
  else if (s === 'multi-instance') await multiInstance();
  else if (s === 'profile') args.profile = true; // the profile alone (below)
  else throw new Error(`unknown scenario ${s}`);
}
if (args.profile && !scenarios.includes('fanout')) await profile(args.profileAt || (quick ? 1000 : 1500));

printSummary();
const dir = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(dir, { recursive: true });
const out = `${dir}${quick ? 'quick' : 'full'}-${codec}-${results.startedAt.replace(/[:.]/g, '-')}.json`;
writeFileSync(out, JSON.stringify(results, null, 1));
console.log(`\nresults: ${out}`);
if (args.json) console.log(JSON.stringify(results));

function median(values) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  return v.length ? (v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2) : NaN;
}

/** Per step, the passing attempt if any (retries exist only because of noise), else the last. */
function bestAttempts(rows) {
  const byN = new Map();
  for (const r of rows) if (!byN.has(r.clients) || failed(byN.get(r.clients))) byN.set(r.clients, r);
  return [...byN.values()];
}

function fanoutSummary(all, title) {
  if (!all.length) return;
  const by = (rows, name) => rows.filter((r) => r.server === name);
  const ratio = (a, b) => (a && b ? f(a / b, 2) + '×' : '-');
  const names = [...new Set(all.map((r) => r.server))];
  {
    console.log(`\n${title} (servers and their clients: ${[...new Set(all.map((r) => `${r.server} ${r.client}`))].join(', ')})`);
    console.log('\n| server | max clients with p99 ≤ 50 ms | CPU µs / delivered frame (per step) | p50/p99 delivery at that max (ms) | RSS/active conn (KB) |\n|---|---|---|---|---|');
    const best = {};
    for (const name of names) {
      const rows = bestAttempts(by(all, name));
      const ok = rows.filter((r) => !failed(r));
      const top = ok.at(-1);
      best[name] = top;
      // A step measured more than once (retries, or the step listed again in --steps): the median, and how many.
      const cpuAt = (n) => {
        const v = by(all, name).filter((r) => r.clients === n).map((r) => r.serverCpuUsPerFrame);
        return v.length > 1 ? `${f(median(v))} (median of ${v.length})` : f(v[0]);
      };
      console.log(`| ${name} | ${top ? top.clients : '< ' + rows[0]?.clients} | ${rows.map((r) => `${r.clients}: ${cpuAt(r.clients)}`).join(', ')} | ${top ? f(top.deliveryP50) + ' / ' + f(top.deliveryP99) : '-'} | ${f(top?.rssPerActiveConnKB)} |`);
    }
    // The reference is `gateway` when it ran, else the first server listed (e.g. gateway:v2-proto).
    const ref = names.includes('gateway') ? 'gateway' : names[0];
    console.log(`\nratios (${ref} / other), median CPU per delivered frame at equal N (* = one of them failed that step):`);
    for (const other of names.filter((s) => s !== ref)) {
      // Median over all attempts at a step: CPU per frame is the noise-robust number, retries included.
      const steps = [...new Set(by(all, ref).map((r) => r.clients))].filter((n) => by(all, other).some((o) => o.clients === n));
      const cell = (n) => {
        const [g, o] = [by(all, ref), by(all, other)].map((rows) => rows.filter((r) => r.clients === n));
        const mark = bestAttempts(g).some(failed) || bestAttempts(o).some(failed) ? '*' : '';
        return `N=${n} ${ratio(median(g.map((r) => r.serverCpuUsPerFrame)), median(o.map((r) => r.serverCpuUsPerFrame)))}${mark}`;
      };
      console.log(`  vs ${other}: ${steps.map(cell).join(', ') || '-'}; max clients ${best[ref]?.clients ?? 0} vs ${best[other]?.clients ?? 0}`);
    }
    // --paired: each round's two servers shared one window; the ratio is taken within each round first.
    if (all.some((r) => r.pairedRound !== undefined)) {
      console.log(`\npaired ratios (${names[0]} / other, CPU per delivered frame within each round; N clients each):`);
      for (const other of names.slice(1)) {
        const byN = new Map();
        for (const r of by(all, names[0])) {
          const o = r.pairedRound === undefined ? undefined : by(all, other).find((x) => x.pairedRound === r.pairedRound);
          if (o) byN.set(r.clients, [...(byN.get(r.clients) ?? []), r.serverCpuUsPerFrame / o.serverCpuUsPerFrame]);
        }
        const cells = [...byN].map(([n, v]) => `N=${n} median ${f(median(v), 2)}× of ${v.map((x) => f(x, 2)).join(', ')}`);
        console.log(`  vs ${other}: ${cells.join('; ')}`);
      }
    }
  }
}

function printSummary() {
  const by = (rows, name) => rows.filter((r) => r.server === name);
  const ratio = (a, b) => (a && b ? f(a / b, 2) + '×' : '-');
  console.log('\n# summary');
  fanoutSummary(results.fanout, 'fanout');
  fanoutSummary(results.fanoutV2, 'fanout-v2');
  if (results.world.length) {
    console.log('\n| world case | players | bytes per player per tick | state bytes a frame | frames/s per player | CPU µs / delivered frame | deliv p50/p99 (ms) | shortfall % | other CPU % | tester CPU % / lag p99 ms | players with a mirror |\n|---|---|---|---|---|---|---|---|---|---|---|');
    for (const r of results.world) {
      console.log(`| ${r.case} | ${r.clients} | ${f(r.stateBytesPerPlayerPerTick)} | ${f(r.stateBytesPerFrame)} | ${f(r.framesPerSec / r.clients)} | ${f(r.serverCpuUsPerFrame)} | ${f(r.deliveryP50)} / ${f(r.deliveryP99)} | ${f(r.tickShortfallPct)} | ${f(r.otherCpuPct, 0)} | ${f(r.genCpuPct, 0)} / ${f(r.genLagP99Ms)} | ${r.mirroredClients} of ${r.mirroredClients + r.lightClients} |`);
    }
    const at = (kase) => results.world.filter((r) => r.case === kase && r.clients === (args.worldAt || (quick ? 300 : 1000)));
    const med = (rows, k) => median(rows.map((r) => r[k]));
    const [w, flat, r10] = [at('world'), at('world-flat'), at('rooms-of-10')];
    if (w.length && r10.length) console.log(`  CPU per delivered frame, world / rooms of 10 (medians): ${ratio(med(w, 'serverCpuUsPerFrame'), med(r10, 'serverCpuUsPerFrame'))} (target ≤ 1.5×)`);
    if (w.length && flat.length) {
      console.log(`  interest off / on: bytes per player per tick ${ratio(med(flat, 'stateBytesPerPlayerPerTick'), med(w, 'stateBytesPerPlayerPerTick'))}, server CPU per second ${ratio(med(flat, 'serverCpuPct'), med(w, 'serverCpuPct'))}, CPU per delivered frame ${ratio(med(flat, 'serverCpuUsPerFrame'), med(w, 'serverCpuUsPerFrame'))}`);
    }
  }
  if (results.joinStorm.length) {
    console.log('\n| joiners speak | room_joined bytes | keyframe bytes | schema bytes | room_joined after p50/p99 (ms) | server CPU per join (ms), per round |\n|---|---|---|---|---|---|');
    for (const c of [...new Set(results.joinStorm.map((r) => r.codec))]) {
      const rows = results.joinStorm.filter((r) => r.codec === c);
      const m = (get) => median(rows.map(get));
      console.log(`| ${c} | ${f(m((r) => r.joins.joinBytes), 0)} | ${f(m((r) => r.joins.keyBytes), 0)} | ${f(m((r) => r.joins.schemaBytes), 0)} | ${f(m((r) => r.joins.p50))} / ${f(m((r) => r.joins.p99))} | ${rows.map((r) => f(r.cpuPerJoinMs, 2)).join(', ')} |`);
    }
  }
  if (results.idle.length) {
    const g = results.idle.find((r) => r.server === 'gateway');
    console.log('\n| server | idle conns | RSS/idle conn (KB) | heartbeat CPU (% of a core, 1 s ping) | pings received/s |\n|---|---|---|---|---|');
    for (const r of results.idle) console.log(`| ${r.server} | ${r.joined} | ${f(r.rssPerIdleConnKB)} | ${f(r.serverCpuPct)} | ${f(r.heartbeatPingsPerSec, 0)} |`);
    for (const r of results.idle) if (g && r !== g) console.log(`  RSS/idle conn gateway / ${r.server}: ${ratio(g.rssPerIdleConnKB, r.rssPerIdleConnKB)}`);
  }
  if (results.chat.length) {
    console.log('\n| server | chat delivered/s | p50/p99 (ms) | CPU µs / delivered msg |\n|---|---|---|---|');
    for (const r of results.chat) console.log(`| ${r.server} | ${f(r.chatPerSec, 0)} | ${f(r.chatP50)} / ${f(r.chatP99)} | ${f(r.serverCpuUsPerFrame, 2)} |`);
  }
  for (const s of results.skipped) console.log(`\nSKIPPED ${s.scenario}: ${s.reason}`);
}
