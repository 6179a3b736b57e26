import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

/** The package a policy file ships in: what `cors-policy check` names as the version it enforces. */
export interface PolicyPackage {
  readonly name: string;
  readonly version: string;
  /** The file's path inside the package, with `/` separators (`cors.policy.json`). */
  readonly path: string;
}

/** The nearest `package.json` above `absolutePath` with a string `name` and `version`, if any. */
export async function packageOf(absolutePath: string): Promise<PolicyPackage | undefined> {
  let dir = dirname(absolutePath);
  for (;;) {
    const manifest = await readManifest(join(dir, 'package.json'));
    if (manifest !== undefined) {
      const { name, version } = manifest as { name?: unknown; version?: unknown };
      if (typeof name !== 'string' || typeof version !== 'string') return undefined;
      return { name, version, path: relative(dir, absolutePath).split('\\').join('/') };
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

async function readManifest(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {}; // a package.json that does not parse names no version
  }
}
