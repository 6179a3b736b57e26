import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The report package must stay pure (the docs app bundles it for the browser): no file system, no
// process, no node: modules in its sources. Checked on the syntax tree, so comments do not count.
const src = fileURLToPath(new URL('../src', import.meta.url));
const NODE_BUILTINS = new Set(['fs', 'fs/promises', 'path', 'os', 'child_process', 'process', 'url', 'crypto', 'http', 'https', 'net', 'worker_threads', 'module']);
const NODE_GLOBALS = new Set(['process', 'require', 'Buffer', '__dirname', '__filename']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

/** Every impure thing a source file uses: modules it imports from Node, Node globals it names. */
function impurities(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const specifier =
      ts.isImportDeclaration(node) || ts.isExportDeclaration(node)
        ? node.moduleSpecifier
        : ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword
          ? node.arguments[0]
          : undefined;
    if (specifier !== undefined && ts.isStringLiteral(specifier) && (specifier.text.startsWith('node:') || NODE_BUILTINS.has(specifier.text))) {
      found.push(`import ${specifier.text}`);
    }
    if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text)) {
      const parent = node.parent;
      const isPropertyName = (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node);
      if (!isPropertyName) found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.map((what) => `${file.slice(src.length + 1)}: ${what}`);
}

describe('@org/cors-report purity', () => {
  const files = sources(src);

  it('checks every source file', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('imports no node: or Node built-in module and names no process, require or Buffer', () => {
    expect(files.flatMap((file) => impurities(file))).toEqual([]);
  });

  it('would notice an impure source, but not a comment or a property named process', () => {
    const bad = `import { readFile } from 'node:fs/promises';\nexport * from 'path';\nconst a = process.env.X;\n// process.exit()\nconst b = { process: 1 }.process;\n`;
    expect(impurities(join(src, 'probe.ts'), bad)).toEqual(['probe.ts: import node:fs/promises', 'probe.ts: import path', 'probe.ts: process']);
  });
});
