import { fork, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Contender } from './http-scenarios.js';
import type { NodeFramework } from './start-server.js';

/** A contender server running in a child process. */
export interface ContenderProcess {
  readonly origin: string;
  stop(): Promise<void>;
}

const SERVE = fileURLToPath(new URL('./serve.js', import.meta.url));
/** The Next.js app of the bench (route handlers only), built by `next build` before the bench. */
export const NEXT_APP_DIR = fileURLToPath(new URL('../../next-app', import.meta.url));
export const NEXT_BIN = createRequire(import.meta.url).resolve('next/dist/bin/next');

/** Forks `serve.js` for an Express, Koa or Nest contender and waits for its port. */
export async function forkContender(framework: NodeFramework, contender: Contender): Promise<ContenderProcess> {
  const child = fork(SERVE, [framework, contender], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`${framework}/${contender} server exited with ${code} before listening`);
    }),
  ])) as [{ port: number }];
  return { origin: `http://127.0.0.1:${message.port}`, stop: () => stopChild(child) };
}

/** Runs `next start` on the bench app with BENCH_CONTENDER set, and waits until it answers. */
export async function startNextContender(contender: Contender): Promise<ContenderProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [NEXT_BIN, 'start', NEXT_APP_DIR, '-H', '127.0.0.1', '-p', String(port)], {
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
  return { origin, stop: () => stopChild(child) };
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
