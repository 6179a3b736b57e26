import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ServerName } from './http-scenarios.js';
import type { NodeFramework } from './start-server.js';

/** A contender server running in a child process. */
export interface ContenderProcess {
  readonly origin: string;
  /** The URL the load generator requests for a scenario's path. */
  url(path: string): string;
  stop(): Promise<void>;
}

/**
 * The CPU the servers run on (`taskset -c 1`) while the load generator runs on the other (see
 * run-adapter-bench.ts), so the two never compete for a core. `undefined`: no pinning (BENCH_PIN=0,
 * no `taskset`, or a single CPU).
 */
export const SERVER_CPU: string | undefined = (() => {
  if (process.env['BENCH_PIN'] === '0' || availableParallelism() < 2) return undefined;
  return spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status === 0 ? '1' : undefined;
})();

/** `[command, args]` running `args` on SERVER_CPU when pinning. */
function pinned(args: readonly string[]): [string, string[]] {
  return SERVER_CPU === undefined ? [process.execPath, [...args]] : ['taskset', ['-c', SERVER_CPU, process.execPath, ...args]];
}

const SERVE = fileURLToPath(new URL('./serve.js', import.meta.url));
/** The Next.js app of the bench (route handlers only), built by `next build` before the bench. */
export const NEXT_APP_DIR = fileURLToPath(new URL('../../next-app', import.meta.url));
export const NEXT_BIN = createRequire(import.meta.url).resolve('next/dist/bin/next');

/** Forks `serve.js` for an Express, Koa, Nest or Hono contender (or variant of ours) and waits for its port. */
export async function forkContender(framework: NodeFramework, contender: ServerName): Promise<ContenderProcess> {
  // fork() runs `execPath ...execArgv SERVE`: through taskset when pinning, the IPC channel inherited.
  const child = fork(SERVE, [framework, contender], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    ...(SERVER_CPU === undefined ? {} : { execPath: 'taskset', execArgv: ['-c', SERVER_CPU, process.execPath] }),
  });
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`${framework}/${contender} server exited with ${code} before listening`);
    }),
  ])) as [{ port: number }];
  const origin = `http://127.0.0.1:${message.port}`;
  return { origin, url: (path) => origin + path, stop: () => stopChild(child) };
}

/**
 * Runs `next start` on the bench app with BENCH_CONTENDER set, and waits until it answers. `proxy`
 * mode requests `/proxied/…` (behind the bench app's proxy.ts) instead of `/api/…` (route handlers).
 */
export async function startNextContender(contender: ServerName, mode: 'route' | 'proxy'): Promise<ContenderProcess> {
  const port = await freePort();
  const [command, args] = pinned([NEXT_BIN, 'start', NEXT_APP_DIR, '-H', '127.0.0.1', '-p', String(port)]);
  const child = spawn(command, args, {
    env: { ...process.env, BENCH_CONTENDER: contender, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start (${contender}) exited with ${child.exitCode}`);
    try {
      await fetch(`${origin}/api/items`);
      break;
    } catch {
      if (Date.now() > deadline) {
        await stopChild(child);
        throw new Error(`next start (${contender}) did not answer within 30 s`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const url = (path: string) => origin + (mode === 'proxy' ? path.replace(/^\/api\//, '/proxied/') : path);
  return { origin, url, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** A port free right now on 127.0.0.1 (`next start` needs a number; it cannot report port 0's choice). */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
