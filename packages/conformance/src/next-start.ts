import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { nextBin, nextEnv } from './next-bin.js';

/** A `next start` process serving a built app. */
export interface RunningNextApp {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM (Next.js shuts down gracefully), SIGKILL after 5 s. */
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * `next start -H 127.0.0.1` for the built app in `appDir`, at a free port, with extra environment
 * variables (e.g. `APP_ENV`); resolves once it answers HTTP (any status), and throws with Next's
 * output if it exits or does not answer within 30 s.
 */
export async function nextStart(appDir: string, env: Readonly<Record<string, string>> = {}): Promise<RunningNextApp> {
  const port = await freePort();
  const child = spawn(nextBin(appDir), ['start', '-p', String(port), '-H', '127.0.0.1'], { cwd: appDir, env: nextEnv(env) });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      await fetch(`${url}/__ready`);
      return { url, output: () => output, close };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await close();
  throw new Error(`next start did not answer within 30 s:\n${output}`);
}
