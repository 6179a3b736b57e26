import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the freshly built `cors-policy` executable. */
    cliBin: string;
  }
}

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * Bundles src/bin.ts exactly as the published bin is bundled, into a temporary folder inside the
 * package (so `@org/cors-core` and `jiti` resolve from its node_modules). Never touches dist/, so
 * it cannot race a parallel `turbo run build`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(packageDir, 'node_modules', '.cors-cli-test-'));
  await build({
    entry: { bin: join(packageDir, 'src/bin.ts') },
    format: ['esm'],
    outDir,
    target: 'es2022',
    platform: 'node',
    config: false,
    silent: true,
    external: ['@org/cors-core', '@org/cors-loader', '@org/cors-report', 'jiti'],
  });
  project.provide('cliBin', join(outDir, 'bin.js'));
  return () => rm(outDir, { recursive: true, force: true });
}
