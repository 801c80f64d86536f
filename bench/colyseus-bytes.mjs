#!/usr/bin/env node
// Bytes per tick, side by side: the same scenario against a Colyseus 0.16 peer (bench/colyseus)
// and our gateway, measured the same way at every client socket. Rooms of 10, every player moving
// 10 times a second with the load generator's move stream (bench/move-stream.mjs), 20 Hz state.
// Loopback only; every run is bounded and stops by itself.
//   npm run build && node bench/colyseus-bytes.mjs                    all targets, 3 s warm-up + 10 s
//   node bench/colyseus-bytes.mjs --targets colyseus,v1-proto --seconds 5 --repeat 3 --json
//   node bench/colyseus-bytes.mjs --targets v2-proto --gateway-url ws://127.0.0.1:3000/ws   (a gateway you started)
// Targets: colyseus (number fields), colyseus-f32 (float32/uint8/uint32), colyseus-vel (number
// fields + velocity), v1-json, v1-proto, v2-proto, v2-json (game.v2.*: deltas applied to a mirror;
// skipped against a gateway that does not negotiate v2). The Colyseus package is installed on
// first use: npm ci --prefix bench/colyseus.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { GATEWAY_CLIENTS, joinGateway } from './gateway-client.mjs';
import { movePosition } from './move-stream.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const colyseusDir = fileURLToPath(new URL('./colyseus/', import.meta.url));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const withTimeout = (promise, ms, why) => Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(why)))]);

const ALL_TARGETS = ['colyseus', 'colyseus-f32', 'colyseus-vel', 'v1-json', 'v1-proto', 'v2-proto', 'v2-json'];
const opts = parseArgs(process.argv.slice(2), {
  targets: ALL_TARGETS.join(','), rooms: 1, roomSize: 10, moveRate: 10, warmup: 3, seconds: 10, repeat: 1, port: 9520, gatewayUrl: '', json: false,
});
const DRIVER_MS = 5; // the load generator's driver interval (bench/loadgen DEFAULTS.driverMs)

// ---------------------------------------------------------------------------------------------
// Wire sizes. Server → client frames are unmasked and, with permessage-deflate off (both servers
// here), not compressed: the header is 2 bytes, plus 2 or 8 for payloads of 126+ or 65,536+ bytes.
const headerBytes = (payload) => 2 + (payload > 65535 ? 8 : payload > 125 ? 2 : 0);

// ---------------------------------------------------------------------------------------------
// Targets: which server, how a client joins, how its frames are classified.
const COLYSEUS_KINDS = { colyseus: 'arena', 'colyseus-f32': 'arena_f32', 'colyseus-vel': 'arena_vel' };

async function colyseusTarget(name, endpoint) {
  const { joinColyseus, splitPatch, Code } = await import('./colyseus/client.mjs');
  const kind = COLYSEUS_KINDS[name];
  const classify = (bytes) => (bytes[0] === Code.ROOM_STATE_PATCH ? 'state' : bytes[0] === Code.ROOM_STATE ? 'key' : 'other');
  return {
    name,
    // The first client of a room creates it; the others join it by id (rooms of exactly roomSize).
    async joinRoom(gs, r, stats) {
      const observe = (bytes) => stats.record(bytes.length, classify(bytes), bytes);
      const join = (options) => withTimeout(joinColyseus({ endpoint, kind, observe, ...options }), 15000, 'no Colyseus join within 15 s');
      const first = await join({ maxClients: gs.length });
      const rest = await Promise.all(gs.slice(1).map(() => join({ roomId: first.roomId })));
      return [first, ...rest];
    },
    split: (bytes) => splitPatch(bytes, kind),
  };
}

// A fresh room per run (left players may keep their seat for RESUME_GRACE_MS), named like the
// load generator's rooms (`bench-N`, 7 characters for the first 36): a v1 sync carries its id twice.
let roomsOpened = 0;

function gatewayTarget(name, url) {
  const spec = GATEWAY_CLIENTS[name];
  return {
    name,
    joinRoom: (gs, r, stats) => {
      const roomId = `bench-${(roomsOpened++).toString(36)}`;
      return Promise.all(gs.map((g) => joinGateway({ url, spec, g, roomId, observe: (size, kind) => stats.record(size, kind) })));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Measurement: per frame kind, payload sizes in the window; keyframes over the whole run.
class Stats {
  constructor(split) {
    this.split = split;
    this.measuring = false;
    this.keys = [];
    this.reset();
  }
  reset() {
    this.state = [];
    this.other = [];
    this.parts = { code: 0, switches: 0, fields: 0, values: 0, players: 0, changes: 0, analyzed: 0, unanalyzed: 0 };
  }
  record(size, kind, bytes) {
    if (kind === 'key') this.keys.push(size);
    if (!this.measuring) return;
    if (kind === 'other') return void this.other.push(size);
    if (kind !== 'state') return;
    this.state.push(size);
    if (!this.split) return;
    const parts = this.split(bytes);
    if (!parts) return void this.parts.unanalyzed++;
    this.parts.analyzed++;
    for (const k of Object.keys(parts)) this.parts[k] += parts[k];
  }
}

const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const mean = (a) => (a.length ? a.reduce((s, v) => s + v, 0) / a.length : NaN);

async function runTarget(target) {
  const clientsTotal = opts.rooms * opts.roomSize;
  const stats = new Stats(target.split);
  const clients = [];
  const t0 = Date.now();
  for (let r = 0; r < opts.rooms; r++) {
    const gs = Array.from({ length: opts.roomSize }, (_, i) => r * opts.roomSize + i);
    const joined = await target.joinRoom(gs, r, stats);
    joined.forEach((c, i) => clients.push(Object.assign(c, { g: gs[i], room: r, seq: 0, last: null })));
  }
  const connectSec = (Date.now() - t0) / 1000;

  // The load generator's driver: one interval, moves owed at moveRate per client, round-robin.
  let owed = 0, next = 0, last = performance.now(), moves = 0;
  const driver = setInterval(() => {
    const t = performance.now();
    owed += ((t - last) * clients.length * opts.moveRate) / 1000;
    last = t;
    for (; owed >= 1; owed--) {
      const c = clients[next++ % clients.length];
      c.last = movePosition(++c.seq, c.g);
      c.move(c.last, c.seq);
      if (stats.measuring) moves++;
    }
  }, DRIVER_MS);

  await sleep(opts.warmup * 1000);
  stats.reset();
  const bytesRead0 = clients.map((c) => c.socket?._socket?.bytesRead ?? NaN);
  stats.measuring = true;
  const m0 = performance.now();
  await sleep(opts.seconds * 1000);
  stats.measuring = false;
  const measuredSec = (performance.now() - m0) / 1000;
  const socketBytes = clients.reduce((s, c, i) => s + (c.socket?._socket?.bytesRead ?? NaN) - bytesRead0[i], 0);
  clearInterval(driver);

  const mirror = await checkMirrors(clients);
  await Promise.all(clients.map((c) => Promise.race([c.close(), sleep(2000)])));

  const state = stats.state.slice().sort((a, b) => a - b);
  const headers = state.map(headerBytes);
  const p = stats.parts;
  return {
    target: target.name, clients: clientsTotal, rooms: opts.rooms, roomSize: opts.roomSize, moveRate: opts.moveRate,
    connectSec, measuredSec, movesPerSec: moves / measuredSec, loadAvg1: loadavg()[0],
    stateFrames: state.length,
    stateFramesPerClientPerSec: state.length / clientsTotal / measuredSec,
    payloadMean: mean(state), payloadP50: pct(state, 50), payloadP99: pct(state, 99), payloadMin: state[0], payloadMax: state.at(-1),
    headerMean: mean(headers),
    wireMean: mean(state) + mean(headers),
    keyframes: stats.keys.length, keyframeMean: mean(stats.keys),
    otherFramesPerClientPerSec: stats.other.length / clientsTotal / measuredSec, otherBytesMean: mean(stats.other),
    // Everything the client sockets read in the window (all frames and headers), per client.
    socketBytesPerClientPerSec: socketBytes / clientsTotal / measuredSec,
    split: p.analyzed
      ? {
          analyzed: p.analyzed, unanalyzed: p.unanalyzed,
          perFrame: Object.fromEntries(['code', 'switches', 'fields', 'values', 'players', 'changes'].map((k) => [k, p[k] / p.analyzed])),
        }
      : undefined,
    mirror,
  };
}

/**
 * Once the moves stopped, waits (≤ 3 s) until every client's copy of its room shows every member
 * at the position of its last move: the frames measured did carry the state (v2: the
 * mirror built from the keyframe and every delta, bench/loadgen/state-v2.js). Null for a target without a mirror.
 */
async function checkMirrors(clients) {
  if (!clients.every((c) => c.mirror)) return null;
  const mismatches = () => {
    let bad = 0;
    for (const c of clients) {
      const view = c.mirror();
      for (const d of clients) {
        if (d.room !== c.room) continue;
        const p = view.get(d.key);
        if (!p || !d.last || p.x !== d.last.x || p.y !== d.last.y) bad++;
      }
    }
    return bad;
  };
  const until = Date.now() + 3000;
  let bad = mismatches();
  while (bad > 0 && Date.now() < until) {
    await sleep(50);
    bad = mismatches();
  }
  return bad === 0 ? 'ok' : `${bad} stale of ${clients.length * opts.roomSize}`;
}

// ---------------------------------------------------------------------------------------------
// Servers: each on core 1 when taskset exists (this process on core 0), loopback, stopped at exit.
const hasTaskset = (() => {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const children = new Set(); // servers still running, killed if this process is told to stop

async function startServer(name, script, port, env) {
  const logFile = `/tmp/bench-bytes-${name}.log`;
  const node = [process.execPath, script];
  const cmd = hasTaskset ? ['taskset', '-c', '1', ...node] : node;
  const out = openSync(logFile, 'w');
  const child = spawn(cmd[0], cmd.slice(1), { cwd: root, env: { ...process.env, PORT: String(port), ...env }, stdio: ['ignore', out, out] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see ${logFile}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {}
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`${name} did not answer /health within 15 s; see ${logFile}`);
}

async function stopServer(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
  await exited;
  clearTimeout(timer);
}

function ensureColyseusInstalled() {
  if (existsSync(`${colyseusDir}node_modules/@colyseus/core/package.json`)) return;
  console.log('# installing the Colyseus peer: npm ci --prefix bench/colyseus');
  execFileSync('npm', ['ci', '--prefix', colyseusDir, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

// ---------------------------------------------------------------------------------------------
function parseArgs(argv, defaults) {
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) continue;
    const key = argv[i].slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (!(key in defaults)) throw new Error(`unknown option --${argv[i].slice(2)}; known: ${Object.keys(defaults).join(', ')}`);
    const value = argv[i + 1] === undefined || argv[i + 1].startsWith('--') ? true : argv[++i];
    out[key] = typeof defaults[key] === 'number' ? Number(value) : typeof defaults[key] === 'boolean' ? value === true || value === 'true' : value;
  }
  return out;
}

const f = (v, d = 1) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : '-');

const median = (values) => {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  return v.length ? (v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2) : NaN;
};

/** One row per target: each number is the median over the rounds (the only value with one round). */
function report(results, targets, skipped) {
  const rows = targets
    .map((name) => results.filter((r) => r.target === name))
    .filter((rs) => rs.length)
    .map((rs) => {
      const m = (get) => median(rs.map(get));
      return {
        target: rs[0].target, rounds: rs.length, fps: m((r) => r.stateFramesPerClientPerSec), mean: m((r) => r.payloadMean), p50: m((r) => r.payloadP50), p99: m((r) => r.payloadP99),
        header: m((r) => r.headerMean), wire: m((r) => r.wireMean), keyframes: m((r) => r.keyframes), keyframeMean: m((r) => r.keyframeMean),
        other: m((r) => r.otherFramesPerClientPerSec), socket: m((r) => r.socketBytesPerClientPerSec),
        mirror: rs.every((r) => r.mirror === null) ? 'n/a' : rs.every((r) => r.mirror === 'ok') ? 'ok' : rs.map((r) => r.mirror).join('; '),
        split: rs[0].split && ['code', 'switches', 'fields', 'values', 'players', 'changes'].reduce((o, k) => ({ ...o, [k]: m((r) => r.split?.perFrame[k]) }), {}),
        unanalyzed: rs.reduce((s, r) => s + (r.split?.unanalyzed ?? 0), 0),
      };
    });
  console.log(`\n| target | state frames/s per client | payload bytes mean / p50 / p99 | + header bytes (mean) | = wire bytes per frame | keyframes, whole run incl. joins (count, mean bytes) | other frames/s per client | socket bytes/s per client | mirror |`);
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.target} | ${f(r.fps)} | ${f(r.mean)} / ${f(r.p50, 0)} / ${f(r.p99, 0)} | ${f(r.header, 2)} | ${f(r.wire)} | ${f(r.keyframes, 0)}${r.keyframes ? `, ${f(r.keyframeMean, 0)}` : ''} | ` +
        `${f(r.other, 2)} | ${f(r.socket, 0)} | ${r.mirror} |`,
    );
  }
  if (results.length > rows.length) console.log(`(medians over ${Math.max(...rows.map((r) => r.rounds))} rounds)`);
  for (const r of rows.filter((x) => x.split)) {
    const s = r.split;
    console.log(
      `  ${r.target} patch anatomy, mean bytes per frame${r.unanalyzed ? ` (${r.unanalyzed} patches of another shape left out)` : ''}: ` +
        `protocol code ${f(s.code)} + structure switches ${f(s.switches)} (${f(s.players)} players × 0xFF+refId) + field bytes ${f(s.fields)} + values ${f(s.values)} ` +
        `(${f(s.changes)} fields changed, ${f(s.values / s.changes, 2)} bytes a value)`,
    );
  }
  for (const [target, reason] of skipped) console.log(`  skipped ${target}: ${reason}`);
}

async function main() {
  const targets = String(opts.targets).split(',');
  for (const t of targets) if (!ALL_TARGETS.includes(t)) throw new Error(`unknown target ${t}; known: ${ALL_TARGETS.join(', ')}`);
  if (hasTaskset) execFileSync('taskset', ['-a', '-pc', '0', String(process.pid)], { stdio: 'ignore' });
  console.log(
    `# bytes per tick: ${opts.rooms} room(s) of ${opts.roomSize}, ${opts.moveRate} moves/s per player, 20 Hz, warm-up ${opts.warmup} s, measured ${opts.seconds} s, ` +
      `${opts.repeat} round(s); node ${process.version}; ${hasTaskset ? 'clients on cpu0, servers on cpu1' : 'no taskset: unpinned'}; load average ${loadavg()[0].toFixed(2)}`,
  );
  const colyseusTargets = targets.filter((t) => t in COLYSEUS_KINDS);
  const gatewayTargets = targets.filter((t) => t in GATEWAY_CLIENTS);
  // Both servers stay up for the whole run (idle while the other is measured), so rounds interleave
  // the targets and a burst of load from other tenants hits one round of each, not one target.
  const servers = [];
  try {
    if (colyseusTargets.length) {
      ensureColyseusInstalled();
      servers.push(await startServer('colyseus', 'bench/colyseus/server.mjs', opts.port, {}));
    }
    if (gatewayTargets.length && !opts.gatewayUrl) {
      if (!existsSync(`${root}dist/main.js`)) throw new Error('dist/main.js is missing: run `npm run build` first');
      servers.push(await startServer('gateway', 'dist/main.js', opts.port + 1, { TICK_RATE: '20', ROOM_MAX_PLAYERS: '1000' }));
    }
    const results = [];
    const skipped = new Map();
    for (let round = 1; round <= opts.repeat; round++) {
      for (const name of targets) {
        if (skipped.has(name)) continue;
        const target = name in COLYSEUS_KINDS ? await colyseusTarget(name, `ws://127.0.0.1:${opts.port}`) : gatewayTarget(name, opts.gatewayUrl || `ws://127.0.0.1:${opts.port + 1}/ws`);
        try {
          const r = { round, ...(await runTarget(target)) };
          results.push(r);
          console.log(`  round ${round} ${name}: ${f(r.stateFramesPerClientPerSec)} frames/s per client, ${f(r.payloadMean)} bytes a frame, ${f(r.movesPerSec, 0)} moves/s, load average ${f(r.loadAvg1, 2)}`);
        } catch (error) {
          if (!/did not negotiate/.test(error.message)) throw error;
          skipped.set(name, error.message);
        }
      }
    }
    report(results, targets, skipped);
    if (opts.json) console.log(JSON.stringify({ options: opts, results, skipped: Object.fromEntries(skipped) }));
  } finally {
    for (const server of servers) await stopServer(server);
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const child of children) child.kill('SIGKILL');
    process.exit(130);
  });
}
// Clients and timers of a failed run must not keep the process alive.
main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
