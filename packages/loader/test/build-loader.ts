import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the freshly built loader entry (ESM), with its worker beside it. */
    loaderEntry: string;
    /** The same, built as CommonJS. */
    loaderCjsEntry: string;
  }
}

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * Policy modules run in a worker started from the built `policy-worker.js`, so the tests load the
 * built package (as published: ESM and CJS), bundled from the current source into a throw-away folder
 * inside the package (dependencies resolve from its node_modules). Never touches dist/.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(packageDir, 'node_modules', '.cors-loader-test-'));
  await build({
    entry: { index: join(packageDir, 'src/index.ts'), 'policy-worker': join(packageDir, 'src/policy-worker.ts') },
    format: ['esm', 'cjs'],
    outDir,
    target: 'es2022',
    platform: 'node',
    shims: true,
    config: false,
    silent: true,
    external: ['@org/cors-core', 'jiti'],
  });
  project.provide('loaderEntry', join(outDir, 'index.js'));
  project.provide('loaderCjsEntry', join(outDir, 'index.cjs'));
  return () => rm(outDir, { recursive: true, force: true });
}
