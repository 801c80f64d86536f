// Starts and stops the servers under test, each pinned to its own core, with identical env.
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
const { hasTaskset } = createRequire(import.meta.url)('./loadgen/pin.js');

const root = fileURLToPath(new URL('..', import.meta.url));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const SERVERS = {
  gateway: { script: 'dist/main.js', url: (port) => `ws://127.0.0.1:${port}/ws` },
  // A/B runs: another build of the gateway copied to .bench-results/base/dist (git-ignored), e.g.
  // `git stash; npx nest build; cp -r dist .bench-results/base/; git stash pop; npx nest build`.
  'gateway-base': { script: '.bench-results/base/dist/main.js', url: (port) => `ws://127.0.0.1:${port}/ws` },
  // The gateway plus benchmark-only kinds (world-flat: the world without interest management).
  'gateway-kinds': { script: 'bench/gateway-kinds.cjs', url: (port) => `ws://127.0.0.1:${port}/ws` },
  'bare-ws': { script: 'bench/baselines/bare-ws.mjs', url: (port) => `ws://127.0.0.1:${port}/ws` },
  socketio: { script: 'bench/baselines/socketio.mjs', url: (port) => `ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket` },
};

/**
 * Spawns a server and waits for GET /health. `profileDir` runs it under --cpu-prof; the preload
 * turns SIGUSR2 into a clean exit so the profile gets written (Nest re-raises SIGTERM, which would not).
 */
export async function startServer(name, { port, cpu, env = {}, profileDir, logFile = `/tmp/bench-${name}-${port}.log` }) {
  // On a shared machine another benchmark may hold the port: its server would answer our health
  // check and take our load.
  if (!(await portFree(port))) throw new Error(`port ${port} is in use (another benchmark running?): pick other ports (--port)`);
  const node = [process.execPath];
  // SERVER_NODE_ARGS: extra node flags for the server (e.g. --heap-prof with --scenario profile).
  if (process.env.SERVER_NODE_ARGS) node.push(...process.env.SERVER_NODE_ARGS.split(' ').filter(Boolean));
  if (profileDir) node.push('--cpu-prof', `--cpu-prof-dir=${profileDir}`, '-r', fileURLToPath(new URL('./profile-exit.cjs', import.meta.url)));
  node.push(SERVERS[name].script);
  const cmd = cpu !== undefined && hasTaskset() ? ['taskset', '-c', String(cpu), ...node] : node;
  const out = openSync(logFile, 'w');
  const child = spawn(cmd[0], cmd.slice(1), {
    cwd: root,
    // STATE_FRAME_TIME: v2 deltas carry their tick's time, so the load tester measures v2 delivery
    // latency instead of estimating it (5-6 bytes a frame; bench/colyseus-bytes.mjs measures bytes without it).
    env: { ...process.env, PORT: String(port), TICK_RATE: '20', ROOM_MAX_PLAYERS: '1000', ROOM_CHAT_RATE_PER_SEC: '100000', ROOM_CHAT_BURST: '1000000', STATE_FRAME_TIME: '1', ...env },
    stdio: ['ignore', out, out],
  });
  // With taskset the child is taskset, which execs node: same pid.
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see ${logFile}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok && child.exitCode === null) break;
    } catch {}
    await sleep(100);
  }
  return { name, child, pid: child.pid, url: SERVERS[name].url(port), profiling: Boolean(profileDir) };
}

/** Whether nothing listens on `port` (IPv4 and IPv6 wildcard, as the servers bind). */
function portFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

export async function stopServer(server) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return; // already gone (e.g. killed -9)
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill(server.profiling ? 'SIGUSR2' : 'SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 10000);
  await exited;
  clearTimeout(timer);
}
