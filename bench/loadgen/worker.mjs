// One load-generator process: opens its share of clients, drives all of them from ONE interval
// (no per-connection timers), measures, and reports to the parent over IPC.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { codecs } from './codec.mjs';
import { Histogram } from './histogram.mjs';
import { movePosition } from '../move-stream.mjs';

const cfg = JSON.parse(process.argv[2]);
const codec = codecs[cfg.client === 'sio-lib' ? 'sio' : cfg.client];
const now = () => performance.timeOrigin + performance.now(); // wall clock, sub-ms
const lag = monitorEventLoopDelay({ resolution: 10 });

let stats;
const resetStats = () => {
  stats = {
    frames: 0, gaps: 0, pings: 0, moves: 0, chatsSent: 0, chatsRecv: 0, errors: {},
    delivery: new Histogram(), input: new Histogram(), chat: new Histogram(),
  };
  lag.reset();
};
resetStats();
const error = (code) => (stats.errors[code] = (stats.errors[code] ?? 0) + 1);

let phase = 'connecting'; // → ready → running → done
const clients = [];
const urls = cfg.url.split(',');
let opened = 0, joined = 0, closed = 0, inFlight = 0;
// Members of a room get byte-identical frames: decode once per room and reuse for equal bytes.
const roomCache = new Map();

function makeClient(g) {
  const c = { g, room: `bench-${Math.floor(g / cfg.roomSize)}`, me: `p${g}`, ws: null, seq: 0, pending: [], lastFrame: -1, joined: false };
  c.cache = roomCache.get(c.room) ?? roomCache.set(c.room, { buf: null, msg: null, seqs: null }).get(c.room);
  return c;
}

function send(c, type, payload) {
  if (cfg.client === 'sio-lib') return c.ws.emit(type, payload);
  if (c.ws.readyState === WebSocket.OPEN) c.ws.send(codec.encode(type, payload));
}

function connect(c) {
  inFlight++;
  if (cfg.client === 'sio-lib') return connectSioLib(c);
  // skipUTF8Validation: the generator trusts the server's text frames; validating 150 MB/s of JSON
  // would make the generator, not the server, the bottleneck.
  const opts = { perMessageDeflate: false, handshakeTimeout: 30000, skipUTF8Validation: true };
  if (cfg.localAddress) opts.localAddress = cfg.localAddress;
  // `url` may list several instances (comma-separated): clients alternate between them, so every
  // room has members on each instance and its traffic crosses the bus.
  const ws = (c.ws = new WebSocket(urls[c.g % urls.length], codec.protocol, opts));
  ws.on('open', () => { inFlight--; opened++; });
  ws.on('message', (data, isBinary) => onFrame(c, data, isBinary));
  ws.on('ping', () => stats.pings++); // ws answers the pong itself
  ws.on('error', (e) => error(e.code ?? 'socket_error'));
  ws.on('close', () => {
    if (phase !== 'done') error('unexpected_close');
    if (!c.opened) inFlight--;
    closed++;
  });
  ws.once('open', () => (c.opened = true));
}

async function connectSioLib(c) {
  const { io } = await import('socket.io-client');
  const origin = new URL(cfg.url.replace(/^ws/, 'http')).origin; // socket.io-client picks its own path
  const s = (c.ws = io(origin, { transports: ['websocket'], forceNew: true, reconnection: false }));
  s.on('connect', () => { inFlight--; opened++; c.opened = true; });
  s.on('connect_error', () => error('connect_error'));
  s.on('disconnect', () => { closed++; if (phase !== 'done') error('unexpected_close'); });
  s.onAny((type, payload) => onMessage(c, { type, payload }, now()));
}

function onFrame(c, data, isBinary) {
  const t = now();
  if (cfg.client === 'sio') {
    // Engine.IO control packets are tiny; events start with "42".
    if (data[0] === 0x32 && data.length === 1) return stats.pings++, c.ws.send('3'); // ping → pong
    if (data[0] === 0x30) return c.ws.send('40'); // engine open → connect namespace "/"
    if (data[0] !== 0x34 || data[1] !== 0x32) return; // "40{sid}" etc.
  }
  const cache = c.cache;
  let msg;
  if (cache.buf !== null && cache.buf.length === data.length && cache.buf.equals(data)) msg = cache.msg;
  else {
    try {
      msg = codec.decode(data, isBinary);
    } catch {
      return error('undecodable');
    }
    if (msg.type === 'sync' || msg.type === 'chat') Object.assign(cache, { buf: data, msg, seqs: null });
  }
  onMessage(c, msg, t);
}

function onMessage(c, { type, payload }, t) {
  switch (type) {
    case 'sync': return onSync(c, payload, t, c.cache.msg?.payload === payload ? c.cache : null);
    case 'chat': {
      if (phase !== 'running') return;
      stats.chatsRecv++;
      const sentAt = Number(payload.text.slice(2));
      if (sentAt) stats.chat.record(t - sentAt);
      return;
    }
    case 'welcome':
      if (!cfg.noJoin) send(c, 'join_room', { room_id: c.room, user_id: c.me, nickname: c.me });
      else if (!c.joined) { c.joined = true; joined++; }
      return;
    case 'room_joined':
      if (!c.joined) { c.joined = true; joined++; }
      return;
    case 'error':
      return error(payload.code ?? 'error');
  }
}

function onSync(c, p, t, cache) {
  const frame = Number(p.frame_num);
  if (c.lastFrame >= 0 && frame > c.lastFrame + 1 && phase === 'running') stats.gaps += frame - c.lastFrame - 1;
  c.lastFrame = frame;
  const running = phase === 'running';
  if (running) {
    stats.frames++;
    stats.delivery.record(t - Number(p.timestamp));
  }
  if (c.pending.length === 0) return;
  // player_id → last_input_seq, built once per distinct frame and shared by the room's members.
  let seqs = cache?.seqs;
  if (!seqs) {
    seqs = new Map();
    for (const pl of p.players) seqs.set(pl.player_id, Number(pl.last_input_seq ?? 0));
    if (cache) cache.seqs = seqs;
  }
  const mine = seqs.get(c.me) ?? 0;
  while (c.pending.length && c.pending[0] <= mine) {
    c.pending.shift();
    const sentAt = c.pending.shift(); // warmup inputs are resolved too, just not recorded
    if (running) stats.input.record(t - sentAt);
  }
}

function move(c) {
  const seq = ++c.seq;
  c.pending.push(seq, now());
  if (c.pending.length > 200) c.pending.splice(0, 2); // a client that never sees syncs stays bounded
  send(c, 'game_action', { room_id: c.room, action: 'move', position: movePosition(seq, c.g), input_seq: seq });
  stats.moves++;
}

for (let i = 0; i < cfg.count; i++) clients.push(makeClient(cfg.first + i));

// The one driver interval: paces connection setup, then sends moves and chat at their rates.
let next = 0, owedMoves = 0, owedChats = 0, mi = 0, ci = 0, last = now(), timers = {};
const driver = setInterval(() => {
  const t = now();
  const dt = t - last;
  last = t;
  if (phase === 'connecting') {
    while (next < clients.length && inFlight < cfg.maxInFlight) connect(clients[next++]);
    if (joined === clients.length) { phase = 'ready'; process.send({ kind: 'ready' }); }
    return;
  }
  if (phase !== 'running' && phase !== 'warmup') return;
  const live = clients.length;
  owedMoves += (dt * live * cfg.moveRate) / 1000;
  for (; owedMoves >= 1; owedMoves--) move(clients[mi++ % live]);
  owedChats += (dt * live * cfg.chatRate) / 1000;
  for (; owedChats >= 1; owedChats--) {
    const c = clients[ci++ % live];
    send(c, 'chat', { room_id: c.room, text: `t:${now().toFixed(3)}` });
    if (phase === 'running') stats.chatsSent++;
  }
}, cfg.driverMs);

// Progress to the parent once a second; histograms only in the final report.
const progress = setInterval(() => {
  process.send({ kind: 'progress', opened, joined, closed, frames: stats.frames, moves: stats.moves, chatsRecv: stats.chatsRecv, errors: stats.errors });
}, 1000);

process.on('message', (m) => {
  if (m.cmd === 'go') {
    phase = 'warmup';
    lag.enable();
    timers.measure = setTimeout(() => { resetStats(); phase = 'running'; }, m.warmupMs);
    timers.end = setTimeout(finish, m.warmupMs + m.durationMs);
  } else if (m.cmd === 'stop') finish();
});

function finish() {
  if (phase === 'done') return;
  phase = 'done';
  clearInterval(driver);
  clearInterval(progress);
  clearTimeout(timers.measure);
  clearTimeout(timers.end);
  process.send({
    kind: 'final', opened, joined, closed,
    frames: stats.frames, gaps: stats.gaps, pings: stats.pings, moves: stats.moves, chatsSent: stats.chatsSent, chatsRecv: stats.chatsRecv,
    errors: stats.errors, delivery: stats.delivery.toJSON(), input: stats.input.toJSON(), chat: stats.chat.toJSON(),
    lagP99Ms: lag.percentile(99) / 1e6, lagMaxMs: lag.max / 1e6,
  });
  for (const c of clients) {
    if (cfg.client === 'sio-lib') c.ws?.disconnect();
    else c.ws?.terminate();
  }
  setTimeout(() => process.exit(0), 200);
}
