import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** One import of a source file: static, dynamic, `require`, or `export … from`. */
export interface SourceImport {
  /** Path relative to the repository root. */
  readonly file: string;
  readonly specifier: string;
}

const SOURCE = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.next', 'out', 'generated', 'fixtures']);

/** Every source file under `dir`, skipping build output, dependencies and test fixtures. */
export function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) files.push(...sourceFiles(join(dir, entry.name)));
    } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      files.push(join(dir, entry.name));
    }
  }
  return files;
}

/**
 * Every module specifier the files under `dir` import. TypeScript's own pre-processor reads them,
 * so specifiers quoted in comments or strings (`@example import { cors } from '@org/cors-koa'`) do not count.
 */
export function importsUnder(root: string, dir: string): SourceImport[] {
  return sourceFiles(join(root, dir)).flatMap((path) => {
    const info = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
    return info.importedFiles.map((f) => ({ file: relative(root, path), specifier: f.fileName }));
  });
}

/** The package a bare specifier names (`@org/cors-core/runtime` → `@org/cors-core`, `node:fs` → `node:fs`). */
export function packageOf(specifier: string): string {
  if (specifier.startsWith('node:')) return 'node:';
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

export function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../');
}
