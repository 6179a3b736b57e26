import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { UsageError } from '../cli-io.js';

const POLICY_FILE = /\.policy\.(?:ts|mts|cts|js|mjs|cjs|json)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'build', 'coverage']);

/**
 * The policy specs a command works on: files (and package or git specs) as given; folders searched
 * (recursively, in name order, skipping dependencies, build output and dot-folders) for `*.policy.*`.
 *
 * @throws UsageError for a folder that holds no policy file
 */
export async function policyFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(resolve(cwd, path)).catch(() => undefined);
    if (info?.isDirectory() !== true) {
      files.push(path); // the loader reports a missing or unsupported file
      continue;
    }
    const found = await searchFolder(resolve(cwd, path));
    if (found.length === 0) throw new UsageError(`${path} holds no *.policy.ts / .js / .json file`);
    files.push(...found.map((absolute) => relative(cwd, absolute) || absolute));
  }
  return [...new Set(files)];
}

async function searchFolder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) found.push(...(await searchFolder(path)));
    else if (entry.isFile() && POLICY_FILE.test(entry.name)) found.push(path);
  }
  return found;
}
