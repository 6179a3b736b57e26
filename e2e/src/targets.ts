import { fileURLToPath } from 'node:url';
import type { ServiceSpec } from './service.js';

const repo = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/**
 * The services every scenario runs against. `control` is a hand-written Express server (plain
 * `res.setHeader`, no policy library) that shows the table describes the browser, not our adapters.
 * The examples start with their own `start` script; `PORT` and `APP_ENV` come from the environment.
 */
export const TARGETS: readonly ServiceSpec[] = [
  { name: 'control', cwd: repo('e2e'), command: ['node', 'control/control-server.mjs'], readyPath: '/public/status' },
];

/** `E2E_TARGETS=express,koa` runs a subset (for debugging); every target runs by default. */
export function selectedTargets(filter = process.env.E2E_TARGETS): readonly ServiceSpec[] {
  if (filter === undefined || filter.trim() === '') return TARGETS;
  const names = new Set(filter.split(',').map((name) => name.trim()));
  const unknown = [...names].filter((name) => !TARGETS.some((target) => target.name === name));
  if (unknown.length > 0) throw new Error(`E2E_TARGETS names unknown targets: ${unknown.join(', ')} (known: ${TARGETS.map((t) => t.name).join(', ')})`);
  return TARGETS.filter((target) => names.has(target.name));
}
