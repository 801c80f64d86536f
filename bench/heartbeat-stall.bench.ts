/**
 * Worst event-loop stall caused by the liveness sweeps at scale (issue 13, item 9): the gateway
 * runs in this process with N idle connections held by a child process, and a bystander in a
 * second child sends an app-level `ping` every 5 ms and times each `pong`. Two runs: heartbeat
 * sweeps every second (HEARTBEAT_INTERVAL_MS=1000, so a 10 s window holds about 10 sweeps), then a
 * reference with no sweep in the window (one-hour interval). Reported for each: the gateway's
 * event-loop delay (perf_hooks, 1 ms resolution: max is the worst stall), the bystander's round
 * trip (what a player would notice), and the longest block in CPU time: the process CPU used
 * between two runs of a 1 ms timer. On a shared machine the first two include time the process
 * was not scheduled at all; the third does not, so it compares code versions more fairly.
 *
 * Run: npm run bench:heartbeat-stall  (BENCH_CONNECTIONS=15000, BENCH_WINDOW_MS=10000)
 * The process limit on open files caps N: each connection costs the gateway one descriptor.
 */
import 'reflect-metadata';
import { type ChildProcess, fork } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import { ConnectionPool } from '../src/connection';
import { startGateway } from '../test/support/gateway';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 15000);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 10000);
const BYSTANDER_EVERY_MS = 5;

type Stats = { count: number; p50: number; p99: number; max: number };

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => +(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1);
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: at(1) };
}

/** Child: holds `count` idle connections; ws answers every protocol ping by itself. */
async function holdConnections(url: string, count: number): Promise<void> {
  const sockets: WebSocket[] = [];
  for (let opened = 0; opened < count; opened += 250) {
    const batch = Array.from({ length: Math.min(250, count - opened) }, () => new WebSocket(url, ['game.v1.json']));
    await Promise.all(batch.map((ws) => new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))));
    sockets.push(...batch);
  }
  process.send!({ ready: sockets.length });
}

/** Child: one client timing app-level ping → pong round trips; `report` answers with the stats since `reset`. */
async function bystander(url: string): Promise<void> {
  const ws = new WebSocket(url, ['game.v1.json']);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let samples: number[] = [];
  ws.on('message', (data: Buffer) => {
    const frame = JSON.parse(data.toString());
    if (frame.type === 'pong') samples.push(performance.now() - frame.payload.t);
  });
  setInterval(() => ws.send(JSON.stringify({ type: 'ping', payload: { t: performance.now() } })), BYSTANDER_EVERY_MS);
  process.on('message', (command: string) => {
    if (command === 'reset') samples = [];
    if (command === 'report') process.send!({ rtt: stats(samples) });
  });
  process.send!({ ready: 1 });
}

function start(role: string, url: string): Promise<ChildProcess> {
  const child = fork(process.argv[1], [role, url], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code}`)));
  });
}

function ask<T>(child: ChildProcess, command: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (answer) => resolve(answer as T));
    child.send(command);
  });
}

async function run(heartbeatIntervalMs: number) {
  const gateway = await startGateway({
    HEARTBEAT_INTERVAL_MS: String(heartbeatIntervalMs),
    HEARTBEAT_TIMEOUT_MS: '3600000',
    MAX_IDLE_MS: '86400000',
    MAX_LIFETIME_MS: '604800000',
    RATE_LIMIT_PER_SEC: '1000',
    RATE_LIMIT_BURST: '1000',
  });
  const clients = await start('clients', gateway.wsUrl);
  const watcher = await start('bystander', gateway.wsUrl);
  // Settle: the connect burst's garbage and the first sweep are not what is measured.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const blocks: number[] = [];
  let cpu = process.cpuUsage();
  const blockTimer = setInterval(() => {
    const now = process.cpuUsage();
    blocks.push((now.user - cpu.user + now.system - cpu.system) / 1000);
    cpu = now;
  }, 1);
  watcher.send('reset');
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
  clearInterval(blockTimer);
  loop.disable();
  const { rtt } = await ask<{ rtt: Stats }>(watcher, 'report');
  const ms = (ns: number) => +(ns / 1e6).toFixed(1);
  const result = {
    heartbeatIntervalMs,
    connections: gateway.app.get(ConnectionPool).size,
    windowMs: WINDOW_MS,
    gatewayLoopDelayMs: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) },
    bystanderRoundTripMs: rtt,
    longestBlockCpuMs: stats(blocks),
  };
  clients.kill();
  watcher.kill();
  await gateway.close();
  return result;
}

async function main(): Promise<void> {
  const [role, url] = process.argv.slice(2);
  if (role === 'clients') return holdConnections(url, CONNECTIONS);
  if (role === 'bystander') return bystander(url);
  const sweeping = await run(1000);
  const quiet = await run(3_600_000);
  console.log(JSON.stringify({ node: process.version, sweeping, quiet }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
