import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/** A gateway running as a child process (so that a test can kill -9 it). */
export interface GatewayProcess {
  child: ChildProcess;
  port: number;
  httpUrl: string;
  wsUrl: string;
  /** Everything the process wrote so far (stdout and stderr), for failure messages. */
  output(): string;
  /** SIGSTOP: the process stays connected and answers nothing, as a hung instance; `resume()` thaws it. */
  pause(): void;
  resume(): void;
  /** SIGKILL: no shutdown hooks, no goodbye to Redis or clients. */
  kill(): Promise<void>;
}

/** Starts src/main.ts in a child node process on a free port and waits for its "listening" line. */
export async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const child = spawn(process.execPath, ['-r', join(__dirname, 'ts-register.js'), join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway process did not start within 60 s:\n${output}`)), 60000);
    const onData = (data: Buffer) => {
      output += data.toString();
      const match = /listening on http:\/\/[^\s]*:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`gateway process exited with ${code}:\n${output}`)));
  });
  return {
    child,
    port,
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    output: () => output,
    pause: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
