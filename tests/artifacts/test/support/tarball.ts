import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { run } from './run.js';

/** Extracts an npm tarball into `dir` and returns its package root (`dir/package`). */
export async function extractTarball(tarball: string, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', dir], { cwd: dir });
  return join(dir, 'package');
}

/** Every file under `root`, as paths relative to it with `/` separators. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** For every `.map` file under `root`: each `sources` entry that does not resolve to a file inside `root`. */
export async function unresolvedMapSources(root: string): Promise<{ map: string; source: string }[]> {
  const files = new Set(await listFiles(root));
  const missing: { map: string; source: string }[] = [];
  for (const map of [...files].filter((file) => file.endsWith('.map'))) {
    const { sources, sourceRoot } = JSON.parse(await readFile(join(root, map), 'utf8')) as { sources: string[]; sourceRoot?: string };
    const mapDir = resolve(root, map, '..', sourceRoot ?? '');
    for (const source of sources) {
      const target = relative(root, resolve(mapDir, source)).split(sep).join('/');
      if (target.startsWith('../') || !files.has(target)) missing.push({ map, source });
    }
  }
  return missing;
}
