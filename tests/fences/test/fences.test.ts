import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsUnder, isRelative, packageOf, sourceFiles, type SourceImport } from '../src/imports.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const ADAPTERS = ['express', 'koa', 'nest', 'next'] as const;
const ADAPTER_PACKAGES = ADAPTERS.map((a) => `@org/cors-${a}`);

/** The imports under `dir` that leave the package and are not in `allowed` (package names). */
function foreignImports(dir: string, allowed: readonly string[]): SourceImport[] {
  return importsUnder(root, dir).filter((i) => !isRelative(i.specifier) && !allowed.includes(packageOf(i.specifier)));
}

describe('architecture fences', () => {
  it('sees imports at all (a fence that reads nothing proves nothing)', () => {
    const core = importsUnder(root, 'packages/core/src');
    expect(core.some((i) => i.specifier === 'zod')).toBe(true);
    expect(importsUnder(root, 'packages/express/src').some((i) => i.specifier === '@org/cors-core/runtime')).toBe(true);
  });

  it('ignores specifiers that only appear in comments', () => {
    // packages/koa/src/cors.ts quotes `import { cors } from '@org/cors-koa'` in its JSDoc example.
    expect(importsUnder(root, 'packages/koa/src').some((i) => i.specifier === '@org/cors-koa')).toBe(false);
  });

  it('core imports no framework, no node: module and no other package of ours', () => {
    // src/node.ts is the Node entry (`@org/cors-core/node`): the one place a node: module may appear.
    const nodeEntry = 'packages/core/src/node.ts';
    expect(foreignImports('packages/core/src', ['zod', 'tldts']).filter((i) => i.file !== nodeEntry)).toEqual([]);
    expect(foreignImports('packages/core/src', ['zod', 'tldts']).filter((i) => i.file === nodeEntry).map((i) => i.specifier)).toEqual(['node:module']);
  });

  it.each(['express', 'koa', 'nest'])('the %s adapter loads only core’s Node and runtime entries (never the validator)', (adapter) => {
    const loaded = sourceFiles(join(root, `packages/${adapter}/src`)).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^import (?!type\b)[^;]*?from '(@org\/[^']+)'/gm)].map((m) => m[1]),
    );
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((specifier) => specifier !== '@org/cors-core/node' && specifier !== '@org/cors-core/runtime')).toEqual([]);
  });

  it.each(ADAPTERS)('the %s adapter imports only core’s public entries, never another adapter', (adapter) => {
    const imports = importsUnder(root, `packages/${adapter}/src`).filter((i) => !isRelative(i.specifier));
    const ours = imports.filter((i) => i.specifier.startsWith('@org/'));
    // Public entries only: the bare package or a subpath its exports map declares, never src/ or dist/.
    expect(ours.filter((i) => packageOf(i.specifier) !== '@org/cors-core' || /\/(?:src|dist)(?:\/|$)/.test(i.specifier))).toEqual([]);
    expect(imports.filter((i) => ADAPTER_PACKAGES.includes(packageOf(i.specifier)))).toEqual([]);
  });

  it('the report package is pure: core only, no node: module, no loader, no CLI', () => {
    expect(foreignImports('packages/report/src', ['@org/cors-core'])).toEqual([]);
  });

  it('the loader reads files in Node but knows nothing of reports or the CLI', () => {
    expect(foreignImports('packages/loader/src', ['@org/cors-core', 'jiti', 'node:'])).toEqual([]);
  });

  it('the CLI reaches policies only through core, the loader and the report package', () => {
    expect(foreignImports('packages/cli/src', ['@org/cors-core', '@org/cors-loader', '@org/cors-report', 'node:'])).toEqual([]);
  });

  it('the docs app shares the report package and the loader with the CLI, and never imports the CLI', () => {
    expect(importsUnder(root, 'apps/docs').filter((i) => packageOf(i.specifier) === '@org/cors-cli')).toEqual([]);
  });
});
