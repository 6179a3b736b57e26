import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './run.js';

/**
 * `pnpm pack`s each workspace package into `destination` (pnpm rewrites `workspace:` ranges, as
 * `pnpm publish` does) and returns the tarball of each, by package name.
 */
export async function packWorkspacePackages(workspaceRoot: string, names: readonly string[], destination: string): Promise<Map<string, string>> {
  const tarballs = new Map<string, string>();
  for (const name of names) {
    const before = new Set(await readdir(destination));
    await run('pnpm', ['--filter', name, 'pack', '--pack-destination', destination], { cwd: workspaceRoot });
    const created = (await readdir(destination)).filter((file) => !before.has(file) && file.endsWith('.tgz'));
    if (created.length !== 1) throw new Error(`pnpm pack ${name} created ${created.length} tarballs: ${created.join(', ')}`);
    tarballs.set(name, join(destination, created[0]!));
  }
  return tarballs;
}
