#!/usr/bin/env node
// Outbound write strategies in isolation: one ws server process (pinned to cpu1) broadcasting the
// same frame to N loopback clients (a child process pinned to cpu0 that only reads), at a fixed
// rate, strategies interleaved in rounds; reports server CPU µs per delivered frame (process
// CPU over the window ÷ frames written). Needs `npm run build` (uses dist/connection/frame-writer).
//   node bench/micro/broadcast.bench.mjs [--clients 500] [--bytes 7500] [--rate 50] [--per-turn 1]
//        [--round-ms 4000] [--rounds 3] [--strategies send,framed,framed-cork]
import { fork, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, WebSocket } from 'ws';

const require = createRequire(import.meta.url);
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? def : process.argv[i + 1];
};
const pin = (pid, cpu) => {
  try {
    execFileSync('taskset', ['-pc', String(cpu), String(pid)], { stdio: 'ignore' });
  } catch {}
};

if (process.argv[2] === '--child') {
  // Clients: connect, read and discard, report when all are open.
  const [url, n] = [process.argv[3], Number(process.argv[4])];
  let open = 0;
  for (let i = 0; i < n; i++) {
    const ws = new WebSocket(url, { skipUTF8Validation: true, perMessageDeflate: false });
    ws.on('open', () => ++open === n && process.send('ready'));
    ws.on('message', () => {});
    ws.on('error', () => {});
  }
  process.on('message', () => process.exit(0));
} else {
  const { FrameWriter } = require('../../dist/connection/frame-writer.js');
  const clients = Number(arg('clients', 500));
  const bytes = Number(arg('bytes', 7500));
  const rate = Number(arg('rate', 50));
  const perTurn = Number(arg('per-turn', 1));
  const roundMs = Number(arg('round-ms', 4000));
  const rounds = Number(arg('rounds', 3));
  const strategies = arg('strategies', 'send,framed,framed-cork').split(',');
  pin(process.pid, 1);
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  await new Promise((r) => wss.on('listening', r));
  const sockets = [];
  wss.on('connection', (ws) => sockets.push(ws));
  const child = fork(fileURLToPath(import.meta.url), ['--child', `ws://127.0.0.1:${wss.address().port}`, String(clients)]);
  pin(child.pid, 0);
  await new Promise((r) => child.once('message', r));

  const payload = Buffer.from(JSON.stringify({ type: 'sync', payload: { pad: 'x'.repeat(Math.max(0, bytes - 40)) }, timestamp: 1 }));
  const corked = [];
  let uncorkScheduled = false;
  const uncorkAll = () => {
    uncorkScheduled = false;
    for (const tcp of corked) if (tcp.writableCorked > 0) tcp.uncork();
    corked.length = 0;
  };
  // Cork only from a socket's second frame in a turn: the first goes straight out.
  let turn = 1;
  let turnScheduled = false;
  const endTurn = () => {
    turnScheduled = false;
    turn += 1;
    uncorkAll();
  };
  for (const ws of sockets) ws.writeTurn = 0;
  const STRATEGIES = {
    'framed-cork2': (frame) => {
      let framed;
      if (!turnScheduled) {
        turnScheduled = true;
        queueMicrotask(endTurn);
      }
      for (const ws of sockets) {
        if (ws.writeTurn === turn) {
          const tcp = ws._socket;
          if (tcp.writableCorked === 0) {
            tcp.cork();
            corked.push(tcp);
          }
        } else ws.writeTurn = turn;
        FrameWriter.writeFramed(ws, (framed ??= FrameWriter.frame(frame, false)));
      }
    },
    send: (frame) => {
      for (const ws of sockets) ws.send(frame, { binary: false });
    },
    framed: (frame) => {
      let framed;
      for (const ws of sockets) {
        if (FrameWriter.framable(ws) && FrameWriter.idle(ws)) FrameWriter.writeFramed(ws, (framed ??= FrameWriter.frame(frame, false)));
        else ws.send(frame, { binary: false });
      }
    },
    'framed-cork': (frame) => {
      let framed;
      for (const ws of sockets) {
        const tcp = ws._socket;
        if (tcp.writableCorked === 0) {
          tcp.cork();
          corked.push(tcp);
        }
        FrameWriter.writeFramed(ws, (framed ??= FrameWriter.frame(frame, false)));
      }
      if (!uncorkScheduled) {
        uncorkScheduled = true;
        queueMicrotask(uncorkAll);
      }
    },
  };
  const results = Object.fromEntries(strategies.map((s) => [s, []]));
  for (let round = 0; round < rounds; round++) {
    for (const name of strategies) {
      const run = STRATEGIES[name];
      let frames = 0;
      const cpu0 = process.cpuUsage();
      const started = Date.now();
      await new Promise((resolve) => {
        const timer = setInterval(() => {
          for (let k = 0; k < perTurn; k++) run(payload);
          frames += sockets.length * perTurn;
          if (Date.now() - started >= roundMs) {
            clearInterval(timer);
            resolve();
          }
        }, 1000 / rate);
      });
      // Let the queues drain inside the window so their completion work is counted.
      while (sockets.some((ws) => ws.bufferedAmount > 0)) await new Promise((r) => setTimeout(r, 5));
      const used = process.cpuUsage(cpu0);
      const us = (used.user + used.system) / frames;
      results[name].push(us);
      console.log(`round ${round + 1} ${name.padEnd(12)} ${us.toFixed(2)} µs/frame (${frames} frames)`);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`\nclients=${clients} bytes=${payload.length} rate=${rate}/s per-turn=${perTurn}: median µs per delivered frame`);
  for (const name of strategies) console.log(`  ${name.padEnd(12)} ${median(results[name]).toFixed(2)}  (${results[name].map((x) => x.toFixed(2)).join(', ')})`);
  child.send('stop');
  wss.close();
  for (const ws of sockets) ws.terminate();
  process.exit(0);
}
