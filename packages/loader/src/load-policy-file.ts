import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { collectPolicies, issuesOf, type CollectOptions, type FoundPolicy } from './collect-policies.js';
import { evaluateModule, importModule, isModuleExtension } from './import-module.js';
import { PolicyLoadError } from './policy-load-error.js';

/** Options for {@link loadPolicyFile}. */
export interface LoadPolicyOptions extends CollectOptions {
  /** Resolve relative paths from here (default: `process.cwd()`); messages keep the path as given. */
  readonly cwd?: string | undefined;
}

/** Every policy one file declares. */
export interface LoadedPolicyFile {
  /** The path as given. */
  readonly file: string;
  /** At least one entry; each loaded, or refused with its issues. */
  readonly policies: readonly FoundPolicy[];
}

/**
 * Loads a policy file — `.ts`, `.mts`, `.cts`, `.js`, `.mjs`, `.cjs` or `.json` — and returns every
 * policy it exports (see {@link collectPolicies}). A policy with errors does not throw: it comes back
 * with `ok: false` and its full issue list, including when the file's own `definePolicy` threw.
 *
 * @throws PolicyLoadError when the file is missing, does not parse, throws for another reason, or
 *   exports no policy
 * @example
 * const { policies } = await loadPolicyFile('cors.policy.ts');
 * for (const p of policies) if (!p.ok) console.error(formatIssues(p.issues));
 */
export async function loadPolicyFile(path: string, options: LoadPolicyOptions = {}): Promise<LoadedPolicyFile> {
  const absolute = resolve(options.cwd ?? process.cwd(), path);
  const extension = extname(absolute);
  if (extension === '.json') return fromJson(await readText(absolute, path), path, options);
  assertModuleExtension(extension, path);
  await readText(absolute, path); // a clear "not found" before the loader's own message
  return fromExports(() => importModule(absolute, path), path, options);
}

/**
 * Like {@link loadPolicyFile}, for a file that exists only as text (a git revision): `source` is
 * evaluated as if it were the file at `path`, so its relative imports resolve from there.
 */
export async function loadPolicySource(source: string, path: string, options: LoadPolicyOptions = {}): Promise<LoadedPolicyFile> {
  const absolute = resolve(options.cwd ?? process.cwd(), path);
  const extension = extname(absolute);
  if (extension === '.json') return fromJson(source, path, options);
  assertModuleExtension(extension, path);
  return fromExports(() => evaluateModule(source, absolute, path), path, options);
}

async function fromExports(load: () => Promise<unknown>, file: string, options: CollectOptions): Promise<LoadedPolicyFile> {
  let exports: unknown;
  try {
    exports = await load();
  } catch (error) {
    // The file's own `definePolicy(...)` refused the policy while the module ran.
    const issues = issuesOf(error);
    if (issues === undefined) throw error;
    const { policyName } = error as { policyName?: unknown };
    return { file, policies: [{ exportName: '(module)', ok: false, name: typeof policyName === 'string' ? policyName : undefined, issues }] };
  }
  const policies = collectPolicies(exports, options);
  if (policies.length === 0) {
    throw new PolicyLoadError(
      'no-policy',
      file,
      `${file} exports no CORS policy: export definePolicy({...}) (default or named) or a policy object with \`origins\``,
    );
  }
  return { file, policies };
}

function fromJson(text: string, file: string, options: CollectOptions): LoadedPolicyFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const location = position?.[1] === undefined ? undefined : lineAndColumn(text, Number(position[1]));
    const where = location === undefined ? '' : ` at line ${location.line}, column ${location.column}`;
    throw new PolicyLoadError('syntax-error', file, `Syntax error in ${file}${where}: ${message}`, location);
  }
  const policies = collectPolicies(value, options);
  if (policies.length === 0) {
    throw new PolicyLoadError('no-policy', file, `${file} holds no CORS policy: expected an object with \`origins\``);
  }
  return { file, policies };
}

async function readText(absolute: string, file: string): Promise<string> {
  try {
    return await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new PolicyLoadError('file-not-found', file, `File not found: ${file}`);
    if (code === 'EISDIR') throw new PolicyLoadError('unsupported-file', file, `${file} is a directory, not a policy file`);
    throw error;
  }
}

function assertModuleExtension(extension: string, file: string): void {
  if (!isModuleExtension(extension)) {
    throw new PolicyLoadError(
      'unsupported-file',
      file,
      `${file}: unsupported file type "${extension || '(none)'}" (use .ts, .mts, .cts, .js, .mjs, .cjs or .json)`,
    );
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
