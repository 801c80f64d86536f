// @ts-check
'use strict';
// The final report: workers' measurements merged per gateway instance and in total, the server
// processes' CPU and RSS, the resume numbers and the exactly-once verdict; as JSON and as tables.
const { Histogram } = require('./histogram');
const { addCounts, emptyCounts, exactlyOnce } = require('./delivery-check');
const { mergeInto } = require('./worker-stats');

/**
 * @typedef {object} Measured  what the parent measured around the window
 * @property {number} connectSec
 * @property {number} measuredSec
 * @property {number[]} serverCpuSec     per URL (NaN without a pid)
 * @property {{ base: number, idle: number, active: number }[]} serverRss  bytes per URL (NaN without a pid)
 * @property {number} genCpuSec
 * @property {number} machineBusySec
 * @property {boolean} aborted
 */

const pct = (/** @type {Histogram} */ h, /** @type {number} */ p) => h.percentile(p);
const sumValues = (/** @type {Record<string, number>} */ r) => Object.values(r ?? {}).reduce((a, b) => a + b, 0);

/**
 * @param {Record<string, any>} o  the run's options (urls, codec, …)
 * @param {any[]} finals            the workers' final messages (or their last progress when one never finished)
 * @param {Measured} m
 * @param {boolean} gatewayProtocol
 */
function buildReport(o, finals, m, gatewayProtocol) {
  const urls = String(o.url).split(',');
  const sec = m.measuredSec || NaN;
  const merged = urls.map((_, i) => finals.reduce((acc, f) => mergeInto(acc, f?.instances?.[i]), /** @type {any} */ ({})));
  const instances = merged.map((s, i) => instanceReport(urls[i], s, sec, m, i, o.tickRate));
  const total = mergeInto({}, { ...merged.reduce((acc, s) => mergeInto(acc, s), {}) });
  const all = instanceReport('all', total, sec, m, -1, o.tickRate);
  const states = finals.reduce((acc, f) => mergeInto(acc, f?.states), {});
  const mirrors = finals.reduce((acc, f) => mergeInto(acc, f?.mirrors), { full: 0, light: 0 });
  const check = checkReport(finals, gatewayProtocol, total);
  const genCpuPct = (100 * m.genCpuSec) / sec;
  const serverCpuSec = m.serverCpuSec.filter(Number.isFinite).reduce((a, b) => a + b, 0);
  const rss = (/** @type {'base' | 'idle' | 'active'} */ k) => m.serverRss.map((r) => r[k]).filter(Number.isFinite).reduce((a, b) => a + b, 0);
  const withPid = m.serverRss.some((r) => Number.isFinite(r.base));
  const summary = {
    // Flat names kept from the benchmark runner's generator (bench/run.mjs reads them).
    client: o.codec, clients: o.clients, joined: states.ready ?? 0, failed: states.failed ?? 0, workers: finals.length,
    connectSec: m.connectSec, roomSize: o.roomSize, moveRate: o.moveRate, chatRate: o.chatRate,
    framesPerSec: all.framesPerSec, missedFrameNums: all.missedFrameNums, tickShortfallPct: all.tickShortfallPct,
    deliveryP50: all.deliveryP50, deliveryP99: all.deliveryP99, deliveryMax: all.deliveryMax,
    inputP50: all.inputP50, inputP99: all.inputP99,
    chatPerSec: all.chatPerSec, chatP50: all.chatP50, chatP99: all.chatP99,
    stateBytesPerFrame: all.stateBytesPerFrame, stateBytesPerPlayerPerTick: all.stateBytesPerPlayerPerTick,
    keyframes: all.keyframes, keyBytesMean: all.keyBytesMean, reanchors: all.reanchors,
    joins: all.joins, joinBytesMean: all.joinBytesMean, mirrorNoBase: all.mirrorNoBase,
    // v2 players with a full state mirror (mirrorNoBase and input latency come from them only) and
    // without one (--mirror-share): frames, bytes, gaps and delivery latency come from both
    mirrorShare: o.mirrorShare, mirroredClients: mirrors.full, lightClients: mirrors.light,
    movesPerSec: all.movesPerSec, heartbeatPingsPerSec: all.pingsPerSec,
    serverCpuPct: withPid ? (100 * serverCpuSec) / sec : NaN,
    serverCpuUsPerFrame: withPid ? (serverCpuSec * 1e6) / (all.delivered || NaN) : NaN,
    genCpuPct, genLagP99Ms: Math.max(0, ...finals.map((f) => f?.lagP99Ms ?? 0)),
    // CPU (in % of one core) used by everything else on the box: other tenants, kernel threads.
    otherCpuPct: (100 * (m.machineBusySec - serverCpuSec - m.genCpuSec)) / sec,
    rssBaseMB: rss('base') / 2 ** 20, rssIdleMB: rss('idle') / 2 ** 20, rssActiveMB: rss('active') / 2 ** 20,
    rssPerIdleConnKB: withPid ? (rss('idle') - rss('base')) / 1024 / o.clients : NaN,
    rssPerActiveConnKB: withPid ? (rss('active') - rss('base')) / 1024 / o.clients : NaN,
    errors: total.run?.errors ?? {}, errorSamples: total.run?.errorSamples ?? {},
    abandonedChats: total.run?.abandonedChats ?? 0,
    redirects: total.run?.redirects ?? {},
  };
  return {
    tool: 'game-gateway-load', startedAt: o.startedAt, aborted: m.aborted,
    options: /** @type {Record<string, any>} */ ({ ...o, authSecret: o.authSecret ? '(set)' : '' }),
    summary, states, instances, resume: resumeReport(total), check,
  };
}

/** @param {string} url @param {any} s @param {number} sec @param {Measured} m @param {number} i @param {number} tickRate */
function instanceReport(url, s, sec, m, i, tickRate) {
  const w = s.window ?? {};
  const h = (/** @type {string} */ k) => w[k] ?? new Histogram();
  const players = s.activePlayers ?? 0;
  // One tick of slack per player: the window is not aligned to the server's ticks.
  const expectedFrames = players * (tickRate * sec - 1);
  const cpuSec = i < 0 ? NaN : m.serverCpuSec[i];
  const rss = i < 0 ? undefined : m.serverRss[i];
  const connections = s.open ?? 0;
  return {
    url, connections, activePlayers: players,
    framesPerSec: (w.frames ?? 0) / sec, missedFrameNums: w.gaps ?? 0, frameJumps: w.frameJumps ?? 0,
    tickShortfallPct: expectedFrames > 0 ? Math.max(0, 100 * (1 - (w.frames ?? 0) / expectedFrames)) : 0,
    deliveryP50: pct(h('delivery'), 50), deliveryP99: pct(h('delivery'), 99), deliveryMax: h('delivery').max,
    inputP50: pct(h('input'), 50), inputP99: pct(h('input'), 99),
    chatPerSec: (w.chatsRecv ?? 0) / sec, chatP50: pct(h('chat'), 50), chatP99: pct(h('chat'), 99),
    movesPerSec: (w.moves ?? 0) / sec, chatsSentPerSec: (w.chatsSent ?? 0) / sec, pingsPerSec: (w.pings ?? 0) / sec,
    delivered: (w.frames ?? 0) + (w.chatsRecv ?? 0),
    // Bytes of the state frames players received (WebSocket payloads), per frame and per player per tick.
    stateBytesPerFrame: (w.stateBytes ?? 0) / (w.frames || NaN),
    stateBytesPerPlayerPerTick: players > 0 ? (w.stateBytes ?? 0) / players / (tickRate * sec) : NaN,
    keyframes: w.keyframes ?? 0, keyBytesMean: (w.keyBytes ?? 0) / (w.keyframes || NaN), reanchors: s.run?.reanchors ?? 0,
    joins: s.run?.joins ?? 0, joinBytesMean: (s.run?.joinBytes ?? 0) / (s.run?.joins || NaN), mirrorNoBase: s.run?.mirrorNoBase ?? 0,
    serverCpuPct: (100 * cpuSec) / sec,
    serverCpuUsPerDelivered: (cpuSec * 1e6) / ((w.frames ?? 0) + (w.chatsRecv ?? 0) || NaN),
    rssMB: rss ? rss.active / 2 ** 20 : NaN,
    rssPerConnKB: rss && connections ? (rss.active - rss.base) / 1024 / connections : NaN,
    errors: s.run?.errors ?? {}, errorSamples: s.run?.errorSamples ?? {}, abandonedChats: s.run?.abandonedChats ?? 0, closes: s.run?.closes ?? {}, playerLeft: s.run?.playerLeft ?? {}, gaveUp: s.run?.gaveUp ?? {},
    resumed: sumValues(s.run?.resumed), resumeFailed: sumValues(s.run?.resumeFailed),
  };
}

/** @param {any} total */
function resumeReport(total) {
  const r = total.run ?? {};
  const byCause = (/** @type {'churn' | 'close'} */ c) => {
    const h = r.resumeMs?.[c] ?? new Histogram();
    const j = r.rejoinMs?.[c] ?? new Histogram();
    return {
      resumed: r.resumed?.[c] ?? 0, failed: r.resumeFailed?.[c] ?? 0, p50Ms: h.percentile(50), p99Ms: h.percentile(99), maxMs: h.max,
      // the failed ones, back in their room in a fresh session (a join is refused while the old seat is held)
      rejoined: r.rejoined?.[c] ?? 0, rejoinP50Ms: j.percentile(50), rejoinP99Ms: j.percentile(99), rejoinMaxMs: j.max,
    };
  };
  return { drops: r.drops ?? 0, churn: byCause('churn'), afterClose: byCause('close'), recoveredRooms: r.recoveredRooms ?? 0, unrecoveredRooms: r.unrecoveredRooms ?? 0 };
}

/** @param {any[]} finals @param {boolean} gatewayProtocol @param {any} total */
function checkReport(finals, gatewayProtocol, total) {
  const counts = emptyCounts();
  let streams = 0, completeStreams = 0;
  for (const f of finals) {
    if (!f?.check) continue;
    addCounts(counts, f.check);
    streams += f.streams ?? 0;
    completeStreams += f.completeStreams ?? 0;
  }
  const finished = finals.every((f) => f?.kind === 'final');
  let status = exactlyOnce(counts) ? 'passed' : 'failed';
  let reason = '';
  if (!finished) [status, reason] = ['failed', 'a worker never reported its check (it crashed or the run was aborted; see stderr)'];
  else if (!gatewayProtocol) [status, reason] = ['skipped', 'the codec speaks no acks or offsets (a baseline server)'];
  else if (streams === 0) [status, reason] = ['skipped', 'no client was in a room'];
  else if (counts.chats > 0 && !total.run?.acks) [status, reason] = ['skipped', 'the server acknowledged no chat (a baseline speaking the contract subset)'];
  return { status, reason, streams, completeStreams, ...counts };
}

/** Best guess at what capped a run, from the numbers above (thresholds in % of one core). @param {any} r */
function limiter(r) {
  const out = [];
  if (r.serverCpuPct >= 85) out.push('server CPU');
  if (r.genCpuPct >= 85 * r.workers || r.genLagP99Ms >= 50) out.push('generator');
  if (r.otherCpuPct >= 40) out.push(`other load ${Math.round(r.otherCpuPct)}%`);
  if (r.joined < r.clients) out.push('connect');
  return out.join(' + ') || 'none';
}

const f = (/** @type {number} */ v, d = 1) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : '-');

/** Human-readable tables of a report. @param {ReturnType<typeof buildReport>} r */
function formatReport(r) {
  const s = r.summary;
  const lines = [
    `game-gateway-load: ${s.clients} clients (${r.options.scenario}${r.options.scenario === 'mixed' ? ` ${r.options.mix}` : ''}, codec ${s.client}${r.options.churn ? `, churn ${r.options.churn}/s` : ''}) on ${r.instances.length} instance(s), ${s.workers} worker(s)${r.aborted ? '  ** ABORTED by the run deadline **' : ''}`,
    `connected ${s.joined}/${s.clients} in ${f(s.connectSec)} s, failed ${s.failed}; window ${f(r.options.durationMs / 1000, 0)} s; generator CPU ${f(s.genCpuPct, 0)} %, loop lag p99 ${f(s.genLagP99Ms)} ms; other load ${f(s.otherCpuPct, 0)} %`,
    '',
    '| instance | conns | players | frames/s | deliv p50/p99 ms | missed | shortfall % | chat/s | chat p50/p99 ms | CPU % | µs/deliv | RSS/conn KB | resumed/failed | errors |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const i of [...r.instances, ...(r.instances.length > 1 ? [{ ...instanceTotals(r), url: 'total' }] : [])]) {
    lines.push(`| ${i.url} | ${i.connections} | ${i.activePlayers} | ${f(i.framesPerSec, 0)} | ${f(i.deliveryP50)} / ${f(i.deliveryP99)} | ${i.missedFrameNums} | ${f(i.tickShortfallPct)} | ${f(i.chatPerSec, 0)} | ${f(i.chatP50)} / ${f(i.chatP99)} | ${f(i.serverCpuPct, 0)} | ${f(i.serverCpuUsPerDelivered)} | ${f(i.rssPerConnKB)} | ${i.resumed}/${i.resumeFailed} | ${sumValues(i.errors)} |`);
  }
  if (s.stateBytesPerFrame > 0) {
    lines.push('', `state frames: ${f(s.stateBytesPerFrame)} bytes a frame, ${f(s.stateBytesPerPlayerPerTick)} bytes per player per tick` +
      (s.joins ? `; v2: ${s.joins} joins (room_joined with keyframe ${f(s.joinBytesMean, 0)} bytes), ${s.keyframes} keyframes in the window (${f(s.keyBytesMean, 0)} bytes), ${s.mirrorNoBase} deltas on a missing base, latency anchors moved after an idle start ${s.reanchors}` : ''));
    if (s.lightClients) lines.push(`state mirrors (--mirror-share ${s.mirrorShare}): ${s.mirroredClients} of ${s.mirroredClients + s.lightClients} players keep one; deltas on a missing base and input latency are theirs only, frames, bytes, gaps and delivery latency everyone's`);
  }
  const res = r.resume;
  lines.push('', `resume: ${res.drops} drops; churn ${res.churn.resumed} resumed, ${res.churn.failed} failed (p50/p99 ${f(res.churn.p50Ms)}/${f(res.churn.p99Ms)} ms); after server/network closes ${res.afterClose.resumed} resumed, ${res.afterClose.failed} failed (p50/p99 ${f(res.afterClose.p50Ms)}/${f(res.afterClose.p99Ms)} ms, failed ones back after p50/p99/max ${f(res.afterClose.rejoinP50Ms, 0)}/${f(res.afterClose.rejoinP99Ms, 0)}/${f(res.afterClose.rejoinMaxMs, 0)} ms); rooms recovered ${res.recoveredRooms}, not ${res.unrecoveredRooms}`);
  const c = r.check;
  lines.push(`exactly-once check: ${c.status.toUpperCase()}${c.reason ? ` (${c.reason})` : ''}: ${c.streams} member streams (${c.completeStreams} complete), ${c.events} events, ${c.chats} numbered chats; lost ${c.lostEvents} events (${c.lostAtResume} of them at a resume) / ${c.lostChats} chats, duplicated ${c.duplicateEvents} / ${c.duplicateChats}; out of order: reordered ${c.reorderedEvents}, before their room_joined ${c.earlyEvents}; not faults: re-sent after a lost session ${c.resentChats}, unconfirmed ${c.unconfirmed}, unrecovered ${c.unrecovered}, restarted ${c.restarts}, stale after the join snapshot ${c.staleEvents}, before the join ${c.beforeJoin}`);
  const errors = Object.entries(s.errors);
  if (errors.length) lines.push(`errors: ${errors.map(([k, v]) => `${k} ${v}${s.errorSamples[k] ? ` ("${s.errorSamples[k]}")` : ''}`).join(', ')}`);
  const redirects = Object.entries(s.redirects ?? {});
  if (redirects.length) lines.push(`room placement (${r.options.placement}): ROOM_ELSEWHERE ${redirects.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (s.abandonedChats) lines.push(`chats given up after 20 refusals each: ${s.abandonedChats} (their receivers count them lost)`);
  return lines.join('\n');
}

/** Totals row: sums, and the whole run's latencies from the summary. @param {ReturnType<typeof buildReport>} r */
function instanceTotals(r) {
  const sum = (/** @type {string} */ k) => r.instances.reduce((a, i) => a + (Number(/** @type {any} */ (i)[k]) || 0), 0);
  const s = r.summary;
  return {
    connections: sum('connections'), activePlayers: sum('activePlayers'), framesPerSec: s.framesPerSec, deliveryP50: s.deliveryP50,
    deliveryP99: s.deliveryP99, missedFrameNums: s.missedFrameNums, tickShortfallPct: s.tickShortfallPct, chatPerSec: s.chatPerSec,
    chatP50: s.chatP50, chatP99: s.chatP99, serverCpuPct: s.serverCpuPct, serverCpuUsPerDelivered: s.serverCpuUsPerFrame,
    rssPerConnKB: s.rssPerActiveConnKB, resumed: sum('resumed'), resumeFailed: sum('resumeFailed'), errors: s.errors,
  };
}

module.exports = { buildReport, formatReport, limiter };
