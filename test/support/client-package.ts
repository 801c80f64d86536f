import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');

interface LockEntry {
  version: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  [key: string]: unknown;
}

/**
 * Packs client/ with `npm pack` (its `prepack` builds it) and installs the tarball into a fresh
 * project in a temp folder, offline: `npm ci --offline` with a lockfile that pins the tarball and
 * the dependencies it declares at the versions (and integrity hashes) of the repository's own
 * lockfile, so npm takes them from its cache, filled by the repository's `npm ci`. Only what the
 * package declares gets installed: a dependency it forgets is missing here as for a user.
 * Resolves with the project's folder.
 */
export async function installPackedClient(): Promise<{ project: string; tarball: string }> {
  const work = mkdtempSync(join(tmpdir(), 'client-package-'));
  await run('npm', ['pack', '--pack-destination', work], { cwd: join(ROOT, 'client') });
  const tarball = readdirSync(work).find((file) => file.endsWith('.tgz'))!;
  const project = join(work, 'project');
  const manifest = JSON.parse(readFileSync(join(ROOT, 'client/package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string> };
  const spec = `file:../${tarball}`;
  const integrity = `sha512-${createHash('sha512').update(readFileSync(join(work, tarball))).digest('base64')}`;
  const packages: Record<string, LockEntry | object> = {
    '': { name: 'consumer', dependencies: { [manifest.name]: spec } },
    [`node_modules/${manifest.name}`]: { version: manifest.version, resolved: spec, integrity, dependencies: manifest.dependencies },
  };
  const repoLock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const pending = Object.keys(manifest.dependencies);
  while (pending.length > 0) {
    const name = pending.pop()!;
    const key = `node_modules/${name}`;
    if (packages[key]) continue;
    const entry = repoLock.packages[key];
    if (!entry) throw new Error(`${name} (a dependency of the SDK) is not in the repository's package-lock.json: run npm install at the root`);
    packages[key] = entry;
    pending.push(...Object.keys(entry.dependencies ?? {}));
  }
  await run('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, dependencies: { [manifest.name]: spec } }, null, 2));
  writeFileSync(join(project, 'package-lock.json'), JSON.stringify({ name: 'consumer', lockfileVersion: 3, requires: true, packages }, null, 2));
  await run('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: project });
  return { project, tarball: join(work, tarball) };
}

/** Runs `node <file> ...args` in `cwd` and resolves with its stdout (rejects with its stderr on failure). */
export async function runNode(cwd: string, args: string[], timeoutMs = 30000): Promise<string> {
  const { stdout } = await run(process.execPath, args, { cwd, timeout: timeoutMs });
  return stdout;
}

/** Runs the repository's TypeScript compiler on a project folder (`tsc -p <dir>`); rejects with its output on errors. */
export async function typecheck(dir: string): Promise<void> {
  try {
    await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', dir], { cwd: dir });
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    throw new Error(`tsc -p ${dir} failed:\n${stdout}${stderr}`);
  }
}
