import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { isRelative } from './imports.js';

/** An import that survives compilation: it loads the module at run time. */
export interface ValueImport {
  /** Path of the importing file, relative to the graph's root directory. */
  readonly file: string;
  readonly specifier: string;
}

/** What a module graph reaches from its entry through value imports. */
export interface ModuleGraph {
  /** Every module reached, entry first, relative to `root`. */
  readonly modules: readonly string[];
  /** Every value import of a bare specifier (a package or `node:` module) in those modules. */
  readonly bareImports: readonly ValueImport[];
}

/**
 * The specifiers `source` imports at run time. Erased at build, so not counted: `import type …`,
 * `export type … from`, `import type x = require(…)` and `typeof import(…)` in types. Counted:
 * every other import and re-export, `import(…)` and `require(…)`. An `import { type A } from 'x'`
 * counts too: under `verbatimModuleSyntax` (tsconfig.base.json) it compiles to `import {} from 'x'`,
 * which still loads `x`.
 */
export function valueImportsOf(source: string, fileName = 'module.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, scriptKindOf(fileName));
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
      specifiers.push(textOf(node.moduleSpecifier));
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier) {
      specifiers.push(textOf(node.moduleSpecifier));
    } else if (ts.isImportEqualsDeclaration(node) && !node.isTypeOnly && ts.isExternalModuleReference(node.moduleReference)) {
      specifiers.push(textOf(node.moduleReference.expression));
    } else if (ts.isCallExpression(node) && isImportOrRequire(node) && node.arguments[0]) {
      specifiers.push(textOf(node.arguments[0]));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return specifiers;
}

/**
 * Walks the relative value imports from `entry` (a file under `root`) and collects every bare import
 * the reached modules make. A relative import that resolves to no file throws: a fence that silently
 * stops walking would pass for the wrong reason.
 */
export function walkModuleGraph(root: string, entry: string): ModuleGraph {
  const start = resolve(root, entry);
  if (!isFile(start)) throw new Error(`module graph entry not found: ${start}`);
  const seen = new Set<string>([start]);
  const queue = [start];
  const bareImports: ValueImport[] = [];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    for (const specifier of valueImportsOf(readFileSync(path, 'utf8'), path)) {
      if (!isRelative(specifier)) {
        bareImports.push({ file: relative(root, path), specifier });
        continue;
      }
      const target = resolveRelative(path, specifier);
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return { modules: [...seen].map((m) => relative(root, m)), bareImports };
}

// `./x.js` names `x.ts` in TypeScript sources (NodeNext) and itself in build output.
const CANDIDATE_SUFFIXES: readonly (readonly [string, readonly string[]])[] = [
  ['.js', ['.ts', '.tsx', '.js']],
  ['.mjs', ['.mts', '.mjs']],
  ['.cjs', ['.cts', '.cjs']],
];

function resolveRelative(from: string, specifier: string): string {
  const base = join(dirname(from), specifier);
  const mapped = CANDIDATE_SUFFIXES.find(([ext]) => base.endsWith(ext));
  const candidates = mapped
    ? mapped[1].map((ext) => base.slice(0, -mapped[0].length) + ext)
    : [base, ...['.ts', '.tsx', '.js'].flatMap((ext) => [base + ext, join(base, `index${ext}`)])];
  const found = candidates.find(isFile);
  if (!found) throw new Error(`${from}: cannot resolve '${specifier}' (tried ${candidates.join(', ')})`);
  return found;
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function isImportOrRequire(call: ts.CallExpression): boolean {
  if (call.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
  return ts.isIdentifier(call.expression) && call.expression.text === 'require' && call.arguments.length === 1;
}

/** A specifier's text; a computed one (`import(name)`) is returned as written so a fence reports it. */
function textOf(node: ts.Node): string {
  return ts.isStringLiteralLike(node) ? node.text : node.getText();
}

function scriptKindOf(fileName: string): ts.ScriptKind {
  if (/\.[cm]?js$/.test(fileName)) return ts.ScriptKind.JS;
  return fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
}
