import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A free loopback TCP port (bound and released; the caller binds it next). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Waits until `check` resolves true, retrying every `everyMs`; rejects with `what` after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10000, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await Promise.resolve(check()).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** `redis-cli -p port args…` → its trimmed output. */
export async function redisCli(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args]);
  return stdout.trim();
}

/** Whether a loopback TCP port can be bound right now. */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A free port whose cluster bus port (port + 10000) is free too: a cluster node needs both. */
async function freeClusterPort(): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (port + 10000 <= 65535 && (await isFree(port + 10000))) return port;
  }
}

/** One redis-server child on a free port, with no persistence; can be stopped and started again on the same port. */
export class RedisServer {
  private child: ChildProcess | undefined;
  private readonly dir = mkdtempSync(join(tmpdir(), 'gw-redis-'));

  private constructor(
    readonly port: number,
    private readonly extra: string[],
  ) {}

  static async start(extra: string[] = []): Promise<RedisServer> {
    const clustered = extra.includes('--cluster-enabled');
    const server = new RedisServer(clustered ? await freeClusterPort() : await freePort(), extra);
    await server.restart();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async restart(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir, ...this.extra];
    this.child = spawn('redis-server', args, { stdio: 'ignore' });
    await eventually(async () => (await redisCli(this.port, 'PING')) === 'PONG', `redis-server on ${this.port}`, 10000);
  }

  /**
   * Freezes the server (SIGSTOP): connections stay open and commands get no answer, as with a
   * hung Redis; `resume()` thaws it.
   */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  /** Kills the server (SIGKILL: no goodbye to clients) and waits for it to be gone. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A standalone Redis on a free port. */
export function startRedis(): Promise<RedisServer> {
  return RedisServer.start();
}

/** A local Redis Cluster: `masters` cluster-enabled servers joined with redis-cli, no replicas. */
export async function startRedisCluster(masters = 3): Promise<{ nodes: RedisServer[]; url: string; close(): Promise<void> }> {
  const nodes: RedisServer[] = [];
  for (let i = 0; i < masters; i++) {
    // Each node keeps its nodes.conf in its own directory.
    nodes.push(await RedisServer.start(['--cluster-enabled', 'yes', '--cluster-node-timeout', '2000']));
  }
  const addresses = nodes.map((node) => `127.0.0.1:${node.port}`);
  await run('redis-cli', ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes']);
  await eventually(
    async () => (await Promise.all(nodes.map((n) => redisCli(n.port, 'CLUSTER', 'INFO')))).every((info) => info.includes('cluster_state:ok')),
    'cluster_state:ok on every node',
    20000,
    100,
  );
  return { nodes, url: nodes[0].url, close: async () => void (await Promise.all(nodes.map((node) => node.close()))) };
}

export type Topology = 'standalone' | 'cluster';

/** A Redis of either topology, with what a gateway needs to reach it. */
export interface TestRedis {
  topology: Topology;
  url: string;
  nodes: RedisServer[];
  /** The gateway env that points at it (REDIS_URL, REDIS_CLUSTER). */
  env: { REDIS_URL: string; REDIS_CLUSTER: string };
  /** `redis-cli` against it, following cluster redirects. */
  cli(...args: string[]): Promise<string>;
  close(): Promise<void>;
}

/** Starts a standalone redis-server or a 3-node cluster (`startRedisCluster`). */
export async function startRedisTopology(topology: Topology): Promise<TestRedis> {
  const { url, nodes, close } =
    topology === 'cluster' ? await startRedisCluster(3) : await startRedis().then((server) => ({ url: server.url, nodes: [server], close: () => server.close() }));
  return {
    topology,
    url,
    nodes,
    env: { REDIS_URL: url, REDIS_CLUSTER: String(topology === 'cluster') },
    cli: (...args) => redisCli(nodes[0].port, ...(topology === 'cluster' ? ['-c'] : []), ...args),
    close,
  };
}
