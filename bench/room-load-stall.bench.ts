/**
 * Worst event-loop stall under in-limit room load (issue 13, item 9), two cases:
 * - `joins`: 63 connections each send 16 `join_room` at once (the same 16 rooms, so every room
 *   ends with 63 members: every connection within MAX_ROOMS_PER_CONNECTION and its rate limit);
 * - `chat`: 63 members of one room each send room chat at 50 per second (under the default
 *   per-connection limit of 60) for the window.
 * The gateway runs in this process; the load comes from one child process and a bystander from
 * another. The bystander is alone in its own room in `joins` and a member of the flooded room in
 * `chat`; it sends a `move` every 50 ms (one per tick at TICK_RATE 20), so every tick should bring
 * it a `sync`. Reported: the bystander's syncs per second and its longest gap between two syncs
 * (what a player notices), the gateway's event-loop delay (perf_hooks, 1 ms resolution), and the
 * longest block in CPU time (process CPU used between two runs of a 1 ms timer: leaves out the
 * time this process was not scheduled at all, which on a shared machine is most of the noise).
 *
 * Run: npm run bench:room-load-stall [-- joins|chat], or without a build step:
 * node -r ./test/support/ts-register.js bench/room-load-stall.bench.ts [joins|chat]
 * BENCH_WINDOW_MS (chat, default 5000), BENCH_ROUNDS (joins, default 3: join, close all, again).
 */
import 'reflect-metadata';
import { type ChildProcess, fork } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import { startGateway } from '../test/support/gateway';

const MEMBERS = 63;
const ROOMS_EACH = 16;
const CHAT_PER_SEC = 50;
const MOVE_EVERY_MS = 50;
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

type Stats = { count: number; p50: number; p99: number; max: number };

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => +(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1);
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: at(1) };
}

function open(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url, ['game.v1.json']);
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    // Ready once welcomed: the session exists.
    ws.once('message', () => resolve(ws));
  });
}

const send = (ws: WebSocket, type: string, payload: object) => ws.send(JSON.stringify({ type, payload, timestamp: Date.now() }));

/** Resolves after `count` frames of `type` arrived on `ws`. */
function frames(ws: WebSocket, type: string, count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const onMessage = (data: Buffer) => {
      if (!data.includes(`"type":"${type}"`)) return;
      if (++seen === count) {
        ws.off('message', onMessage);
        resolve();
      }
    };
    ws.on('message', onMessage);
  });
}

/** Child: the load. `joins`: connect, then on 'go' each connection joins 16 rooms at once. `chat`: join, then flood on 'go'. */
async function load(url: string, mode: string): Promise<void> {
  let sockets: WebSocket[] = [];
  const connect = async () => {
    sockets = await Promise.all(Array.from({ length: MEMBERS }, () => open(url)));
  };
  await connect();
  if (mode === 'chat') {
    for (const ws of sockets) {
      send(ws, 'join_room', { room_id: 'flooded' });
      await frames(ws, 'room_joined', 1);
    }
  }
  process.on('message', async (command: string) => {
    if (command === 'go' && mode === 'joins') {
      const started = performance.now();
      const joined = sockets.map((ws) => frames(ws, 'room_joined', ROOMS_EACH));
      for (const ws of sockets) for (let r = 0; r < ROOMS_EACH; r++) send(ws, 'join_room', { room_id: `mass-${r}` });
      await Promise.all(joined);
      process.send!({ joinedMs: +(performance.now() - started).toFixed(1) });
    }
    if (command === 'again') {
      await Promise.all(sockets.map((ws) => new Promise((resolve) => (ws.once('close', resolve), ws.close(1000)))));
      await connect();
      process.send!({ ready: sockets.length });
    }
    if (command === 'go' && mode === 'chat') {
      const timers = sockets.map((ws, i) => setInterval(() => send(ws, 'chat', { room_id: 'flooded', text: `flood ${i}` }), 1000 / CHAT_PER_SEC));
      setTimeout(() => {
        for (const timer of timers) clearInterval(timer);
        process.send!({ flooded: true });
      }, WINDOW_MS);
    }
  });
  process.send!({ ready: sockets.length });
}

/** Child: one player moving every 50 ms; `report` answers with its sync gaps since `reset`. */
async function bystander(url: string, roomId: string): Promise<void> {
  const ws = await open(url);
  send(ws, 'join_room', { room_id: roomId });
  await frames(ws, 'room_joined', 1);
  let last = 0;
  let gaps: number[] = [];
  let chats = 0;
  let since = performance.now();
  ws.on('message', (data: Buffer) => {
    if (data.includes('"type":"chat"')) chats += 1;
    if (!data.includes('"type":"sync"')) return;
    const now = performance.now();
    if (last) gaps.push(now - last);
    last = now;
  });
  let seq = 0;
  setInterval(() => send(ws, 'game_action', { room_id: roomId, action: 'move', position: { x: ++seq % 100, y: 0, z: 0 }, input_seq: seq }), MOVE_EVERY_MS);
  process.on('message', (command: string) => {
    if (command === 'reset') {
      gaps = [];
      chats = 0;
      since = performance.now();
    }
    if (command === 'report') {
      const seconds = (performance.now() - since) / 1000;
      process.send!({ syncsPerSec: +(gaps.length / seconds).toFixed(1), syncGapMs: stats(gaps), chatsPerSec: +(chats / seconds).toFixed(0) });
    }
  });
  process.send!({ ready: 1 });
}

function start(args: string[]): Promise<ChildProcess> {
  const child = fork(process.argv[1], args, { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
  });
}

function ask<T>(child: ChildProcess, command: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (answer) => resolve(answer as T));
    child.send(command);
  });
}

/** The gateway's event-loop delay and its longest CPU blocks while `during` runs. */
async function measure(during: () => Promise<object>) {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const blocks: number[] = [];
  let cpu = process.cpuUsage();
  const blockTimer = setInterval(() => {
    const now = process.cpuUsage();
    blocks.push((now.user - cpu.user + now.system - cpu.system) / 1000);
    cpu = now;
  }, 1);
  const result = await during();
  clearInterval(blockTimer);
  loop.disable();
  const ms = (ns: number) => +(ns / 1e6).toFixed(1);
  return { result, gatewayLoopDelayMs: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) }, longestBlockCpuMs: stats(blocks) };
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(mode: 'joins' | 'chat') {
  const gateway = await startGateway({ TICK_RATE: '20', ROOM_MAX_PLAYERS: '64' });
  const watcher = await start(['bystander', gateway.wsUrl, mode === 'chat' ? 'flooded' : 'calm']);
  const loader = await start(['load', gateway.wsUrl, mode]);
  await settle(1000);
  const rounds = [];
  for (let round = 0; round < (mode === 'joins' ? ROUNDS : 1); round++) {
    if (round > 0) {
      await ask(loader, 'again');
      await settle(1000);
    }
    watcher.send('reset');
    const measured = await measure(async () => {
      const answer = await ask<object>(loader, 'go');
      if (mode === 'joins') await settle(500); // the syncs of the joins' last tick
      return answer;
    });
    const seen = await ask<object>(watcher, 'report');
    rounds.push({ ...measured.result, ...seen, gatewayLoopDelayMs: measured.gatewayLoopDelayMs, longestBlockCpuMs: measured.longestBlockCpuMs });
  }
  loader.kill();
  watcher.kill();
  await gateway.close();
  return rounds;
}

async function main(): Promise<void> {
  const [role, url, arg] = process.argv.slice(2);
  if (role === 'load') return load(url, arg);
  if (role === 'bystander') return bystander(url, arg);
  const modes: ('joins' | 'chat')[] = role === 'joins' || role === 'chat' ? [role] : ['joins', 'chat'];
  const out: Record<string, unknown> = { node: process.version };
  for (const mode of modes) out[mode] = await run(mode);
  console.log(JSON.stringify(out, null, 2));
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
