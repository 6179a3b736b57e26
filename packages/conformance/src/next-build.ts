import { spawnSync } from 'node:child_process';
import { nextBin, nextEnv } from './next-bin.js';

/** `next build` in `appDir` (synchronously); throws with Next's output when the build fails. */
export function nextBuild(appDir: string): void {
  const result = spawnSync(nextBin(appDir), ['build'], { cwd: appDir, env: nextEnv(), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`next build failed in ${appDir}:\n${result.stdout}\n${result.stderr}`);
}
