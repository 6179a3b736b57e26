import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const srcDir = join(import.meta.dirname, '..', 'src');
// node.ts is the Node entry (`@org/cors-core/node`): Node-only by design; node-entry.test.ts checks it.
const sources = readdirSync(srcDir)
  .filter((f) => f.endsWith('.ts') && f !== 'node.ts')
  .map((file) => ({ file, code: readFileSync(join(srcDir, file), 'utf8') }));

/** The code without comments and string contents, so only real uses count. */
function codeOnly(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`(?:\\.|[^`\\])*`/g, '""');
}

describe('core runs on any JavaScript runtime (Node, Edge, browser)', () => {
  it('has source files to check', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it.each(sources)('$file imports only relative modules, zod and tldts (no node: built-ins)', ({ code }) => {
    const specifiers = [...code.matchAll(/^(?:import|export)\s[^'"`;]*?\bfrom\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2]);
    for (const specifier of specifiers) expect(specifier).toMatch(/^(\.\/[\w-]+\.js|zod|tldts)$/);
    expect(codeOnly(code)).not.toMatch(/\bimport\s*\(/);
  });

  it.each(sources)('$file uses no process, Buffer, global, require, __dirname, clock or randomness', ({ file, code }) => {
    const body = codeOnly(code);
    expect(body).not.toMatch(/\b(process|Buffer|global|require|__dirname|__filename|setImmediate)\b/);
    // Origin sources expire listed sets and cached answers: source-state.ts is the one module that reads the clock.
    if (file !== 'source-state.ts') expect(body).not.toMatch(/\bDate\.now\b|\bnew Date\b/);
    expect(body).not.toMatch(/\bperformance\.|\bMath\.random\b/);
  });

  it('the package declares no Node built-in or runtime-specific dependency', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; sideEffects?: boolean };
    expect(Object.keys(pkg.dependencies ?? {}).sort()).toEqual(['tldts', 'zod']);
    expect(pkg.sideEffects).toBe(false);
  });
});
