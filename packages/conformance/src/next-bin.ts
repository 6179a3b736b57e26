import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The `next` binary an app would run: `node_modules/.bin/next` in `appDir` or the nearest folder
 * above it (a fixture app inside a package uses that package's Next.js).
 */
export function nextBin(appDir: string): string {
  for (let dir = appDir; ; dir = dirname(dir)) {
    const bin = join(dir, 'node_modules', '.bin', 'next');
    if (existsSync(bin)) return bin;
    if (dirname(dir) === dir) throw new Error(`no node_modules/.bin/next in ${appDir} or above it`);
  }
}

/** Next.js's environment for test runs: the caller's, without telemetry. */
export const nextEnv = (extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  ...extra,
});
