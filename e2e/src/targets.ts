import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServiceSpec } from './service.js';

const repo = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** A service under test, and the build output it cannot start without. */
export interface Target extends ServiceSpec {
  /** Relative to `cwd`; missing means the app was not built (turbo's `^build` builds it for `test:e2e`). */
  readonly needs?: string;
}

const example = (framework: string, needs: string, startArgs: readonly string[] = []): Target => ({
  name: framework,
  cwd: repo(`apps/example-${framework}`),
  command: ['pnpm', 'run', '--silent', 'start', ...startArgs],
  readyPath: '/public/status',
  needs,
});

/**
 * The services every scenario runs against, each started with its own `start` script (`PORT` and
 * `APP_ENV=development` come from the environment). `control` is a hand-written Express server (plain
 * `res.setHeader`, no policy library): it shows the table describes the browser, not our adapters.
 */
export const TARGETS: readonly Target[] = [
  { name: 'control', cwd: repo('e2e'), command: ['node', 'control/control-server.mjs'], readyPath: '/public/status' },
  example('express', 'dist/main.js'),
  example('koa', 'dist/main.js'),
  example('nest', 'dist/main.js'),
  // `next start -p 4104 -H 127.0.0.1` ignores PORT; a second `-p` wins (the last value of an option counts).
  example('next', '.next/BUILD_ID', ['-p', '{PORT}']),
];

/** `E2E_TARGETS=express,koa` runs a subset (for debugging); every target runs by default. */
export function selectedTargets(filter = process.env.E2E_TARGETS): readonly Target[] {
  if (filter === undefined || filter.trim() === '') return TARGETS;
  const names = new Set(filter.split(',').map((name) => name.trim()));
  const unknown = [...names].filter((name) => !TARGETS.some((target) => target.name === name));
  if (unknown.length > 0) throw new Error(`E2E_TARGETS names unknown targets: ${unknown.join(', ')} (known: ${TARGETS.map((t) => t.name).join(', ')})`);
  return TARGETS.filter((target) => names.has(target.name));
}

/** Throws a how-to-fix message when the target's build output is missing. */
export function assertBuilt(target: Target): void {
  if (target.needs === undefined || existsSync(join(target.cwd, target.needs))) return;
  throw new Error(`${target.name}: ${join(target.cwd, target.needs)} is missing: build the example apps first with \`pnpm exec turbo run build --filter=@org/e2e...\` (\`pnpm test:e2e\` from the root does it through turbo's ^build).`);
}
