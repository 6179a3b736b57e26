import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nextBuild } from '@org/cors-conformance';

export const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestSource(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestSource(join(path, entry))));
}

/**
 * `pnpm run compile:policy`: writes lib/cors.compiled.ts from @org/cors-policies, as the build script
 * does before `next build`. The file is git-ignored, and left untouched when the policy did not change,
 * so a changed policy makes `lib` newer than `.next` and the app is rebuilt.
 */
function compilePolicy(): void {
  const result = spawnSync('pnpm', ['run', '--silent', 'compile:policy'], { cwd: appDir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cors-policy compile failed in ${appDir}:\n${result.stdout}\n${result.stderr}`);
}

/**
 * Builds the app unless `.next` is newer than its sources. Turbo runs `build` before `test`
 * (turbo.json), so under turbo this never builds a second time, and never concurrently.
 */
export function ensureBuilt(): void {
  compilePolicy();
  const built = statSync(join(appDir, '.next', 'BUILD_ID'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(...['app', 'lib', 'proxy.ts'].map((path) => newestSource(join(appDir, path))));
  if (built > sources) return;
  nextBuild(appDir);
}
