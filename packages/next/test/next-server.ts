import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const nextBin = join(packageDir, 'node_modules', '.bin', 'next');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

/**
 * Fixture apps import `@org/cors-next` from `dist/` (as an installed app would), so a stale build
 * would test old code. Turbo builds the package before its tests (turbo.json); run alone, build first.
 */
export function assertDistIsFresh(): void {
  const built = statSync(join(packageDir, 'dist', 'index.js'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const newest = Math.max(...readdirSync(join(packageDir, 'src')).map((file) => statSync(join(packageDir, 'src', file)).mtimeMs));
  if (built < newest) throw new Error('packages/next/dist is missing or older than src: run `pnpm --filter @org/cors-next build` first.');
}

/** `next build` in `appDir`; throws with Next's output when the build fails. */
export function nextBuild(appDir: string): void {
  const result = spawnSync(nextBin, ['build'], { cwd: appDir, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`next build failed in ${appDir}:\n${result.stdout}\n${result.stderr}`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `next start` on 127.0.0.1 at a free port, resolved once it answers HTTP. */
export async function nextStart(appDir: string): Promise<{ url: string; output: () => string; close(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(nextBin, ['start', '-p', String(port), '-H', '127.0.0.1'], { cwd: appDir, env });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      // Next.js shuts down gracefully on SIGTERM; SIGKILL if that takes more than 5 s.
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
