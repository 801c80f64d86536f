// @ts-check
'use strict';
// One load-tester worker process: opens its share of the clients and drives all of them from ONE
// interval (no per-connection timers), then reports to the parent over IPC. Phases come from the
// parent: connect → warmup → measure → quiesce (stop sending, let resumes and acks finish) →
// verify (wait for the last chats, run the exactly-once check) → final report and exit.
const { monitorEventLoopDelay, performance } = require('node:perf_hooks');
const { createHmac } = require('node:crypto');
const { createCodec } = require('./codecs');
const { addCounts, emptyCounts } = require('./delivery-check');
const { clientPlan } = require('./plan');
const { FrameCache } = require('./frame-cache');
const { SimClient } = require('./sim-client');
const { InstanceStats } = require('./worker-stats');
const { StateMirror } = require('./state-v2');
// The benchmarks' move streams (ES module, loaded with require: Node.js ≥ 20.19).
const { movePosition, worldPosition, worldSide } = require('../move-stream.mjs');

const cfg = JSON.parse(process.argv[2]);
const send = (/** @type {object} */ m) => process.send?.(m);
const now = () => performance.timeOrigin + performance.now(); // wall clock, sub-ms, same in every process
const urls = String(cfg.url).split(',');
const stats = urls.map(() => new InstanceStats());
const lag = monitorEventLoopDelay({ resolution: 10 });
/** connecting | warmup | measure | quiesce | verify | done */
let phase = 'connecting';
/** @type {Map<string, FrameCache>} */
const frameCaches = new Map();
let settled = 0;
/** @type {Map<string, StateMirror>} v2 rooms without interest management: one mirror per room */
const roomMirrors = new Map();
// The world scenario walks its players in a square sized for --density; the others use the arena stream.
const side = cfg.scenario === 'world' ? worldSide(cfg.clients, cfg.density) : 0;

/** @type {import('./sim-client').ClientContext} */
const ctx = {
  codec: createCodec(cfg.codec, { batch: cfg.batch, modulePath: cfg.codecModule || undefined }),
  urls,
  options: cfg,
  stats: (i) => stats[i],
  now,
  measuring: () => phase === 'warmup' || phase === 'measure',
  ending: () => phase === 'done',
  frameCache: (roomId) => {
    let cache = frameCaches.get(roomId);
    if (!cache) frameCaches.set(roomId, (cache = new FrameCache()));
    return cache;
  },
  settled: () => {
    if (++settled === clients.length) send({ kind: 'ready' });
  },
  token: (userId) => signJwt(userId, cfg.authSecret),
  position: side ? (seq, g) => worldPosition(seq, g, side) : movePosition,
  roomMirror: (roomId, schema) => {
    let m = roomMirrors.get(roomId);
    if (!m || m.schema !== schema) roomMirrors.set(roomId, (m = new StateMirror(schema)));
    return m;
  },
};

const clients = Array.from({ length: cfg.count }, (_, i) => new SimClient(ctx, clientPlan(cfg.first + i, cfg.plan)));
// Moves go round-robin over the players ordered by member number, so consecutive moves land in
// different rooms and every room's moves spread evenly over time (as in bench/colyseus-bytes.mjs):
// in order of client index, a room of 10 got its 10 moves within one 5 ms driver turn, then none
// for the rest of the 100 ms round, so a v2 room changed only at every other tick.
const movers = clients.filter((c) => c.role === 'room').sort((a, b) => a.member - b.member || a.g - b.g);
const chatters = clients.filter((c) => c.role === 'lobby');
const random = seeded(cfg.seed + cfg.workerIndex);
if (clients.length === 0) send({ kind: 'ready' });

let next = 0, owedConnects = 0, owedMoves = 0, owedChats = 0, owedDrops = 0, mi = 0, ci = 0, last = now(), lastRetryScan = 0;
const driver = setInterval(() => {
  const t = now();
  const dt = t - last;
  last = t;
  if (phase === 'done') return;
  if (t - lastRetryScan >= 50) {
    lastRetryScan = t;
    for (const c of clients) c.retryDue(t);
  }
  if (next < clients.length) {
    owedConnects = Math.min(owedConnects + (dt * cfg.connectRatePerWorker) / 1000, cfg.maxInFlight);
    while (owedConnects >= 1 && next < clients.length && next - settled < cfg.maxInFlight) {
      clients[next++].connect();
      owedConnects--;
    }
  }
  if (phase !== 'warmup' && phase !== 'measure') return;
  owedMoves += (dt * movers.length * cfg.moveRate) / 1000;
  for (; owedMoves >= 1; owedMoves--) movers[mi++ % movers.length].move();
  owedChats += (dt * chatters.length * cfg.chatRate) / 1000;
  for (; owedChats >= 1; owedChats--) chatters[ci++ % chatters.length].chat();
  owedDrops += (dt * clients.length * cfg.churn) / 1000;
  for (; owedDrops >= 1; owedDrops--) {
    // A client that is mid-resume or still joining is skipped: try a few others.
    for (let tries = 0; tries < 5 && !clients[Math.floor(random() * clients.length)].drop(); tries++);
  }
}, cfg.driverMs);

const progress = setInterval(() => send({ kind: 'progress', t: now(), settled, ...snapshot() }), 1000);

process.on('message', (/** @type {any} */ m) => {
  if (m.cmd === 'phase') {
    phase = m.phase;
    if (phase === 'warmup') lag.enable();
    if (phase === 'measure') {
      for (const s of stats) s.startWindow();
      lag.reset();
    }
  } else if (m.cmd === 'quiesce') quiesce(m.drainMs);
  else if (m.cmd === 'verify') verify(m.expected, m.drainMs);
  else if (m.cmd === 'stop') finish(emptyCounts(), 0);
});
// The parent is gone (killed, or it crashed): never outlive it.
process.on('disconnect', () => finish(emptyCounts(), 0, false));

/**
 * Stops sending; waits (at most drainMs) until no client is still on its way back into its room
 * (a client the churn dropped may still be resuming) and, with a server that acknowledges, every
 * client is settled with nothing unacknowledged. @param {number} drainMs
 */
async function quiesce(drainMs) {
  phase = 'quiesce';
  const deadline = now() + drainMs;
  // A server that never acknowledged anything (a baseline) never will: no chats to wait for. A
  // resume still under way is waited for whatever the server acknowledges: taken in the report, it
  // counted its client as never joined and failed a run that lost nothing.
  const unsettled = () => {
    const acking = stats.some((s) => s.run.acks > 0);
    return clients.some((c) => c.returning || (acking && !c.idle));
  };
  while (now() < deadline && unsettled()) await sleep(50);
  /** @type {[string, number, number][]} room, member, last confirmed chat number */
  const confirmed = chatters.filter((c) => c.chats.numbered > 0).map((c) => [c.roomId, c.member, c.chats.confirmed]);
  send({ kind: 'quiesced', confirmed, unsettled: clients.filter((c) => !c.idle).length });
}

/**
 * Waits (at most drainMs) until every member has each sender's last confirmed chat, then runs the
 * exactly-once check against those numbers and reports.
 * @param {Record<string, number[]>} expected @param {number} drainMs
 */
async function verify(expected, drainMs) {
  phase = 'verify';
  const streams = clients.filter((c) => c.stream);
  const caughtUp = (/** @type {SimClient} */ c) => c.stream?.caughtUp(expected[c.roomId] ?? []) ?? true;
  const deadline = now() + drainMs;
  while (now() < deadline && !streams.every(caughtUp)) await sleep(50);
  const counts = emptyCounts();
  for (const c of streams) addCounts(counts, c.stream?.finish(expected[c.roomId] ?? []) ?? {});
  finish(counts, streams.filter((c) => c.stream?.complete).length);
}

/** @param {ReturnType<typeof emptyCounts>} check @param {number} completeStreams */
function finish(check, completeStreams, report = true) {
  if (phase === 'done' && report) return;
  phase = 'done';
  clearInterval(driver);
  clearInterval(progress);
  if (report) {
    send({
      kind: 'final', settled, ...snapshot(), check, completeStreams,
      streams: clients.filter((c) => c.stream).length,
      lagP99Ms: lag.percentile(99) / 1e6, lagMaxMs: lag.max / 1e6,
    });
  }
  for (const c of clients) c.close();
  setTimeout(() => process.exit(0), 200).unref();
}

function snapshot() {
  const states = /** @type {Record<string, number>} */ ({});
  for (const c of clients) states[c.state] = (states[c.state] ?? 0) + 1;
  // Game-room players connected and in their room, per instance: the frames they should get.
  const activePlayers = urls.map((_, i) => movers.filter((c) => c.ready && c.urlIndex === i).length);
  // v2 players in a room: with a full state mirror, or reading only what they measure (--mirror-share)
  const mirrors = { full: 0, light: 0 };
  for (const c of movers) if (c.v2) mirrors[c.v2.mirror ? 'full' : 'light']++;
  return { states, mirrors, instances: stats.map((s, i) => ({ ...s.toJSON(), activePlayers: activePlayers[i] })) };
}

/** HS256 JWT with `sub` = the client's user id, for a gateway started with AUTH_SECRET. @param {string} sub @param {string} secret */
function signJwt(sub, secret) {
  if (!secret) return '';
  const b64 = (/** @type {object} */ o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub, iat: Math.floor(Date.now() / 1000) })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** Deterministic choices (mulberry32), so a churn run drops the same clients in the same order. @param {number} seed */
function seeded(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));
