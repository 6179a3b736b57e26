import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsUnder, isRelative, packageOf, sourceFiles, type SourceImport } from '../src/imports.js';
import { valueImportsOf, walkModuleGraph } from '../src/module-graph.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

// Every directory under packages/ is an adapter unless listed here; each adapter must be classified below,
// so a new package cannot slip past the adapter fences.
const NOT_ADAPTERS = ['cli', 'conformance', 'core', 'loader', 'policies', 'report', 'source-postgres', 'source-sqlite'];
/** Origin-source providers: the application hands them its database driver; core gives them types only. */
const PROVIDERS = ['source-postgres', 'source-sqlite'];
/** Run on Edge, in Workers and browsers: at run time they load core's runtime entry only. */
const LEAN_ADAPTERS = ['fetch', 'next'];
/** Run in Node: core's authoring entry (definePolicy at boot), its Node loader entry or its runtime entry. */
const NODE_ADAPTERS = ['express', 'koa', 'nest'];
/** Core's public entries an adapter of each kind may name (a lean one loads only the runtime; see below). */
const CORE_ENTRIES = {
  lean: ['@org/cors-core', '@org/cors-core/runtime'],
  node: ['@org/cors-core', '@org/cors-core/runtime', '@org/cors-core/node'],
};
/** The only adapter-on-adapter imports: next builds on the fetch adapter's two public entries. */
const BUILDS_ON: Record<string, readonly string[]> = { next: ['@org/cors-fetch', '@org/cors-fetch/observed'] };
/**
 * Lean adapters not yet moved onto the runtime entry. Their lean fence is expected to fail (`it.fails`),
 * so the day one moves, its test fails until the entry here is deleted.
 */
const PENDING_LEAN: Record<string, string> = {};

const ADAPTERS = readdirSync(join(root, 'packages'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, 'packages', d.name, 'package.json')) && !NOT_ADAPTERS.includes(d.name))
  .map((d) => d.name)
  .sort();

/** The imports the files under `dir` make at run time (type-only imports are erased by the build). */
function valueImportsUnder(dir: string): SourceImport[] {
  return sourceFiles(join(root, dir)).flatMap((path) =>
    valueImportsOf(readFileSync(path, 'utf8'), path).map((specifier) => ({ file: relative(root, path), specifier })),
  );
}

/** The imports under `dir` that leave the package and are not in `allowed` (package names). */
function foreignImports(dir: string, allowed: readonly string[]): SourceImport[] {
  return importsUnder(root, dir).filter((i) => !isRelative(i.specifier) && !allowed.includes(packageOf(i.specifier)));
}

describe('architecture fences', () => {
  it('sees imports at all (a fence that reads nothing proves nothing)', () => {
    const core = importsUnder(root, 'packages/core/src');
    expect(core.some((i) => i.specifier === 'zod')).toBe(true);
    expect(importsUnder(root, 'packages/express/src').some((i) => packageOf(i.specifier) === '@org/cors-core')).toBe(true);
  });

  it('ignores specifiers that only appear in comments', () => {
    // packages/koa/src/cors.ts quotes `import { cors } from '@org/cors-koa'` in its JSDoc example.
    expect(importsUnder(root, 'packages/koa/src').some((i) => i.specifier === '@org/cors-koa')).toBe(false);
  });

  it('core imports no framework and no other package of ours', () => {
    expect(foreignImports('packages/core/src', ['zod', 'tldts', 'node:'])).toEqual([]);
  });

  it('core’s authoring entry loads no node: module (only a Node-only entry may; the runtime entry loads no package at all)', () => {
    const graph = walkModuleGraph(root, 'packages/core/src/index.ts');
    expect(graph.modules).toContain('packages/core/src/define-policy.ts');
    expect(graph.bareImports.filter((i) => !['zod', 'tldts'].includes(packageOf(i.specifier)))).toEqual([]);
  });

  it('knows every adapter: the four hosts, the fetch adapter when present, each lean or Node', () => {
    expect(ADAPTERS).toEqual(expect.arrayContaining(['express', 'koa', 'nest', 'next']));
    expect(ADAPTERS.includes('fetch')).toBe(existsSync(join(root, 'packages/fetch/package.json')));
    expect(ADAPTERS.filter((a) => !LEAN_ADAPTERS.includes(a) && !NODE_ADAPTERS.includes(a))).toEqual([]);
  });

  it.each(ADAPTERS)('the %s adapter imports only core’s entries for its kind and no other adapter of ours', (adapter) => {
    const ours = importsUnder(root, `packages/${adapter}/src`).filter((i) => i.specifier.startsWith('@org/'));
    const allowed = [...CORE_ENTRIES[LEAN_ADAPTERS.includes(adapter) ? 'lean' : 'node'], ...(BUILDS_ON[adapter] ?? [])];
    // Core's public entries (never src/ or dist/); no other adapter, except what it builds on.
    expect(ours.filter((i) => !allowed.includes(i.specifier))).toEqual([]);
  });

  describe.each(LEAN_ADAPTERS.filter((a) => ADAPTERS.includes(a)))('the lean %s adapter', (adapter) => {
    (PENDING_LEAN[adapter] ? it.fails : it)('loads only core’s runtime entry, never the authoring entry (zod, tldts)', () => {
      const ours = valueImportsUnder(`packages/${adapter}/src`).filter((i) => i.specifier.startsWith('@org/'));
      expect(ours.length, 'an adapter that loads nothing of ours is not read right').toBeGreaterThan(0);
      const allowed = ['@org/cors-core/runtime', ...(BUILDS_ON[adapter] ?? [])];
      expect(ours.filter((i) => !allowed.includes(i.specifier)).map((i) => `${i.file} imports ${i.specifier}`)).toEqual([]);
    });
  });

  it.each(NODE_ADAPTERS)('the Node %s adapter loads only core’s Node and runtime entries (the validator only for raw input, lazily)', (adapter) => {
    const ours = valueImportsUnder(`packages/${adapter}/src`).filter((i) => i.specifier.startsWith('@org/'));
    expect(ours.length, 'an adapter that loads nothing of ours is not read right').toBeGreaterThan(0);
    const allowed = ['@org/cors-core/node', '@org/cors-core/runtime'];
    expect(ours.filter((i) => !allowed.includes(i.specifier)).map((i) => `${i.file} imports ${i.specifier}`)).toEqual([]);
  });

  it.each(PROVIDERS)('the %s provider loads none of our packages and no driver: the app passes its database, core gives types', (dir) => {
    expect(existsSync(join(root, 'packages', dir, 'package.json'))).toBe(true);
    expect(valueImportsUnder(`packages/${dir}/src`).filter((i) => !isRelative(i.specifier))).toEqual([]);
    expect(foreignImports(`packages/${dir}/src`, ['@org/cors-core'])).toEqual([]);
    expect(importsUnder(root, `packages/${dir}/src`).some((i) => i.specifier === '@org/cors-core/runtime')).toBe(true);
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
