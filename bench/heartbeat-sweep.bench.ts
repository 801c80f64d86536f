/**
 * Cost of one liveness sweep: the heartbeat (a protocol ping written to every socket) and the
 * idle/lifetime sweep (two comparisons per connection), over real loopback WebSocket connections.
 * Reported per 10k connections. The process holds two file descriptors per connection, so N stays
 * well under the 20,000-file limit; the cost is linear in N.
 *
 * Run: npm run bench:heartbeat  (BENCH_CONNECTIONS=4000 by default)
 */
import 'reflect-metadata';
import { setImmediate as tick } from 'node:timers/promises';
import WebSocket from 'ws';
import { ConnectionPool, ConnectionSweeper } from '../src/connection';
import { HeartbeatService } from '../src/heartbeat';
import { startGateway } from '../test/support/gateway';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4000);
const ROUNDS = 20;

async function main(): Promise<void> {
  const gateway = await startGateway({ HEARTBEAT_INTERVAL_MS: '3600000', MAX_IDLE_MS: '86400000', MAX_LIFETIME_MS: '604800000' });
  const clients: WebSocket[] = [];
  for (let opened = 0; opened < CONNECTIONS; opened += 200) {
    const batch = Array.from({ length: Math.min(200, CONNECTIONS - opened) }, () => new WebSocket(gateway.wsUrl, ['game.v1.json']));
    await Promise.all(batch.map((ws) => new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))));
    clients.push(...batch);
  }
  const pool = gateway.app.get(ConnectionPool);
  const heartbeat = gateway.app.get(HeartbeatService);
  const sweeper = gateway.app.get(ConnectionSweeper);
  let pongs = 0;
  for (const ws of clients) ws.on('ping', () => (pongs += 1));

  const heartbeatMs: number[] = [];
  const idleMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let start = performance.now();
    heartbeat.sweep(Date.now());
    heartbeatMs.push(performance.now() - start);
    start = performance.now();
    sweeper.sweep(Date.now());
    idleMs.push(performance.now() - start);
    // Let the pings and pongs travel before the next round.
    while (pongs < (round + 1) * CONNECTIONS) await tick();
  }
  const per10k = (samples: number[]) => {
    const sorted = [...samples].sort((a, b) => a - b);
    const scale = 10_000 / pool.size;
    return { median: +(sorted[sorted.length >> 1] * scale).toFixed(2), max: +(sorted[sorted.length - 1] * scale).toFixed(2) };
  };
  console.log(
    JSON.stringify(
      {
        connections: pool.size,
        rounds: ROUNDS,
        heartbeatSweepMsPer10k: per10k(heartbeatMs),
        idleLifetimeSweepMsPer10k: per10k(idleMs),
        node: process.version,
      },
      null,
      2,
    ),
  );
  for (const ws of clients) ws.terminate();
  await gateway.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
