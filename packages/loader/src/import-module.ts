import * as core from '@org/cors-core';
import { createJiti } from 'jiti';
import { PolicyLoadError } from './policy-load-error.js';

/*
 * TypeScript policy files are loaded with jiti: a dependency-free, pure-JavaScript loader with a
 * programmatic API. Unlike tsx it registers no process-wide loader hooks (the docs app can reuse the
 * loader inside its own build) and needs no native esbuild binary. `virtualModules` hands policy
 * files the CLI's own `@org/cors-core`, so `isCorsPolicy` recognises what their `definePolicy`
 * returns and one version of the lint rules applies (no dual ESM/CJS copies of core).
 */
const jiti = createJiti(import.meta.url, {
  // Fresh evaluation on every load: `diff` loads two revisions of one path, the docs app reloads on edit.
  moduleCache: false,
  fsCache: false,
  interopDefault: false,
  virtualModules: { '@org/cors-core': core },
});

const moduleExtensions = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);

/** Whether `importModule` can load a file with this extension (`.json` is read by the callers). */
export function isModuleExtension(extension: string): boolean {
  return moduleExtensions.has(extension);
}

/**
 * Imports a JavaScript or TypeScript file and returns its exports. Syntax and evaluation errors become
 * a {@link PolicyLoadError} with a short message; errors of other kinds propagate unchanged.
 */
export async function importModule(absolutePath: string, displayPath: string): Promise<unknown> {
  try {
    return await jiti.import(absolutePath);
  } catch (error) {
    throw toLoadError(error, displayPath);
  }
}

/**
 * Evaluates module source as if it were the file at `absolutePath` (relative imports resolve from
 * there). Used for `git:<ref>:<path>` revisions, which exist only as text.
 */
export async function evaluateModule(source: string, absolutePath: string, displayPath: string): Promise<unknown> {
  const extension = absolutePath.slice(absolutePath.lastIndexOf('.'));
  try {
    return await jiti.evalModule(source, { filename: absolutePath, id: absolutePath, ext: extension, async: true });
  } catch (error) {
    throw toLoadError(error, displayPath);
  }
}

/** Errors a policy's own code raises at load (CorsPolicyError) are not load errors: callers turn them into issues. */
function toLoadError(error: unknown, displayPath: string): unknown {
  if (!(error instanceof Error) || error.name === 'CorsPolicyError') return error;
  const parse = /^(?:ParseError|SyntaxError): (.*?)\s*\n\s*(.+):(\d+):(\d+)\s*$/s.exec(error.message);
  if (parse !== null) {
    const [, what, file, line, column] = parse as unknown as [string, string, string, string, string];
    const where = sameFile(file, displayPath) ? displayPath : `${file} (imported by ${displayPath})`;
    return new PolicyLoadError(
      'syntax-error',
      displayPath,
      `Syntax error in ${where} at line ${line}, column ${Number(column) + 1}: ${what.trim() || 'unexpected token'}`,
      { line: Number(line), column: Number(column) + 1 },
    );
  }
  if ((error as { code?: unknown }).code === 'MODULE_NOT_FOUND' || (error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND') {
    const firstLine = error.message.split('\n', 1)[0] ?? error.message;
    return new PolicyLoadError('evaluation-error', displayPath, `${displayPath} could not be loaded: ${firstLine}`);
  }
  const frame = userFrame(error.stack);
  return new PolicyLoadError(
    'evaluation-error',
    displayPath,
    `${displayPath} threw while loading: ${error.name}: ${error.message}${frame === undefined ? '' : ` (at ${frame})`}`,
  );
}

function sameFile(reported: string, displayPath: string): boolean {
  return reported === displayPath || reported.endsWith(`/${displayPath.replace(/^\.\//, '')}`);
}

/** The first stack frame in the user's code (not jiti, not node internals), as `file:line:column`. */
function userFrame(stack: string | undefined): string | undefined {
  for (const line of (stack ?? '').split('\n').slice(1)) {
    const match = /\(?((?:\/|[A-Za-z]:\\|file:)[^()\s]+:\d+:\d+)\)?\s*$/.exec(line.trim());
    if (match?.[1] !== undefined && !/[\\/]node_modules[\\/]|^node:/.test(match[1])) return match[1];
  }
  return undefined;
}
