import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { valueImportsOf, walkModuleGraph } from '../src/module-graph.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/module-graph/', import.meta.url));

describe('the module graph walker (what the runtime fences stand on)', () => {
  it('follows relative imports and re-exports, static and dynamic, into subdirectories', () => {
    expect(walkModuleGraph(fixture, 'entry.ts').modules).toEqual(['entry.ts', 'middle.ts', 'nested/index.ts', 'nested/lazy.ts']);
  });

  it('flags every value import of a package or node: module in the modules it reaches, and nothing else', () => {
    expect(walkModuleGraph(fixture, 'entry.ts').bareImports).toEqual([
      { file: 'middle.ts', specifier: 'tldts' },
      { file: 'nested/index.ts', specifier: 'zod' },
      { file: 'nested/index.ts', specifier: 'node:fs' },
      { file: 'nested/lazy.ts', specifier: 'node:path' },
    ]);
  });

  it('counts value imports and keeps what verbatimModuleSyntax keeps, but not what the build erases', () => {
    const source = [
      "import type { A } from 'erased-import-type';",
      "export type { B } from 'erased-export-type';",
      "import type C = require('erased-import-equals');",
      "type D = typeof import('erased-import-type-node');",
      "import { type E } from 'kept-inline-type';",
      "import 'kept-side-effect';",
      "export * from 'kept-export-star';",
      "import F = require('kept-import-equals');",
      "const g = await import('kept-dynamic');",
      "const h = require('kept-require');",
      "// import { z } from 'comment';",
      "const s = \"import { z } from 'string'\";",
    ].join('\n');
    expect(valueImportsOf(source)).toEqual([
      'kept-inline-type', 'kept-side-effect', 'kept-export-star', 'kept-import-equals', 'kept-dynamic', 'kept-require',
    ]);
  });

  it('reads build output too (ESM and CommonJS)', () => {
    expect(valueImportsOf('import{a as b}from"./chunk-X.js";export{b as a};', 'runtime.js')).toEqual(['./chunk-X.js']);
    expect(valueImportsOf('"use strict";var z=require("zod");module.exports={z};', 'runtime.cjs')).toEqual(['zod']);
  });

  it('fails loudly on an entry or a relative import it cannot resolve, instead of walking less', () => {
    expect(() => walkModuleGraph(fixture, 'missing.ts')).toThrow(/entry not found/);
    const dir = mkdtempSync(join(tmpdir(), 'fences-'));
    try {
      writeFileSync(join(dir, 'entry.ts'), "export { gone } from './gone.js';\n");
      expect(() => walkModuleGraph(dir, 'entry.ts')).toThrow(/cannot resolve '\.\/gone\.js'/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('walks the real core: from the runtime entry it reaches the resolver', () => {
    expect(walkModuleGraph(root, 'packages/core/src/runtime.ts').modules).toContain('packages/core/src/resolve.ts');
  });
});
