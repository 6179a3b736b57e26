import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Fixture apps import `@org/cors-next` from `dist/` (as an installed app would), so a stale build
 * would test old code. Turbo builds the package before its tests (turbo.json); run alone, build first.
 */
export function assertDistIsFresh(): void {
  const built = statSync(join(packageDir, 'dist', 'index.js'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const newest = Math.max(...readdirSync(join(packageDir, 'src')).map((file) => statSync(join(packageDir, 'src', file)).mtimeMs));
  if (built < newest) throw new Error('packages/next/dist is missing or older than src: run `pnpm --filter @org/cors-next build` first.');
}
