import { isAbsolute, join } from 'node:path';
import { run } from './run.js';

/**
 * `pnpm pack`s each workspace package into `destination` (pnpm rewrites `workspace:` ranges, as
 * `pnpm publish` does) and returns the tarball of each, by package name.
 */
export async function packWorkspacePackages(workspaceRoot: string, names: readonly string[], destination: string): Promise<Map<string, string>> {
  const packed = await Promise.all(
    names.map(async (name) => {
      const { stdout } = await run('pnpm', ['--filter', name, 'pack', '--pack-destination', destination], { cwd: workspaceRoot });
      // pnpm prints the tarball's path last.
      const tarball = stdout.trim().split('\n').at(-1)?.trim() ?? '';
      if (!tarball.endsWith('.tgz')) throw new Error(`pnpm pack ${name} printed no tarball path:\n${stdout}`);
      return [name, isAbsolute(tarball) ? tarball : join(destination, tarball)] as const;
    }),
  );
  return new Map(packed);
}
