import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { policiesFromPlain, type CollectOptions, type FoundPolicy, type LocateIssue } from './collect-policies.js';
import { describeExports, TooDeepError, type PlainExport } from './describe-exports.js';
import { DEFAULT_TIMEOUT_MS, evaluateInWorker } from './evaluate-in-worker.js';
import { isModuleExtension } from './import-module.js';
import { locateJsonPath, locateModulePath } from './locate-issue.js';
import { jsonTextTooDeep, MAX_NESTING_DEPTH } from './nesting-depth.js';
import { packageOf, type PolicyPackage } from './package-of.js';
import { PolicyLoadError } from './policy-load-error.js';

/** Options for {@link loadPolicyFile}. */
export interface LoadPolicyOptions extends CollectOptions {
  /** Resolve relative paths from here (default: `process.cwd()`); messages keep the path as given. */
  readonly cwd?: string | undefined;
  /** How long a `.ts`/`.js` policy file may take to load, in milliseconds. Default: 10 000. */
  readonly timeoutMs?: number | undefined;
}

/** Every policy one file declares. */
export interface LoadedPolicyFile {
  /** The path as given. */
  readonly file: string;
  /** The package the file ships in (nearest `package.json` with a name and version), if any. */
  readonly package: PolicyPackage | undefined;
  /** At least one entry; each loaded, or refused with its issues. */
  readonly policies: readonly FoundPolicy[];
}

/**
 * Loads a policy file — `.ts`, `.mts`, `.cts`, `.js`, `.mjs`, `.cjs` or `.json` — and returns every
 * policy it exports. Modules run in a worker thread with a time limit (`process.exit` or a promise
 * that never settles cannot end or hang the caller), and hand back plain data that is validated here
 * with core's `parsePolicy`. A policy with errors does not throw: it comes back with `ok: false` and
 * its issues; a failing `definePolicy` does not stop the file's other policies from being checked.
 *
 * @throws PolicyLoadError when the file is missing, does not parse, throws, exports no policy, nests
 *   deeper than 64 levels (`too-deep`), takes longer than `timeoutMs` (`timed-out`) or ends its own
 *   thread (`exited`)
 * @example
 * const { policies } = await loadPolicyFile('cors.policy.ts', { timeoutMs: 5_000 });
 * for (const p of policies) if (!p.ok) console.error(formatIssues(p.issues));
 */
export async function loadPolicyFile(path: string, options: LoadPolicyOptions = {}): Promise<LoadedPolicyFile> {
  const absolute = resolve(options.cwd ?? process.cwd(), path);
  const extension = extname(absolute);
  const text = await readText(absolute, path); // "not found" first: a mistyped package name is not a file type
  if (extension !== '.json') assertModuleExtension(extension, path);
  const loaded = extension === '.json' ? fromJson(text, path, options) : await fromModule(text, absolute, path, undefined, options);
  return { ...loaded, package: await packageOf(absolute) };
}

/**
 * Like {@link loadPolicyFile}, for a file that exists only as text (a git revision): `source` is
 * evaluated as if it were the file at `path`, so its relative imports resolve from there.
 */
export async function loadPolicySource(source: string, path: string, options: LoadPolicyOptions = {}): Promise<LoadedPolicyFile> {
  const absolute = resolve(options.cwd ?? process.cwd(), path);
  const extension = extname(absolute);
  if (extension === '.json') return { ...fromJson(source, path, options), package: undefined };
  assertModuleExtension(extension, path);
  return { ...(await fromModule(source, absolute, path, source, options)), package: undefined };
}

async function fromModule(
  text: string,
  absolute: string,
  file: string,
  source: string | undefined,
  options: LoadPolicyOptions,
): Promise<Omit<LoadedPolicyFile, 'package'>> {
  const exports = await evaluateInWorker({ absolutePath: absolute, displayPath: file, source, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  const policies = validate(exports, file, options, (input, path) => locateModulePath(text, input, path));
  if (policies.length === 0) {
    throw new PolicyLoadError(
      'no-policy',
      file,
      `${file} exports no CORS policy: export definePolicy({...}) (default or named) or a policy object with \`origins\``,
    );
  }
  return { file, policies };
}

function fromJson(text: string, file: string, options: CollectOptions): Omit<LoadedPolicyFile, 'package'> {
  // Before JSON.parse and parsePolicy, both of which recurse.
  if (jsonTextTooDeep(text)) throw tooDeep(file);
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
  let exports: PlainExport[];
  try {
    exports = describeExports(value);
  } catch (error) {
    if (error instanceof TooDeepError) throw tooDeep(file);
    throw error;
  }
  const policies = validate(exports, file, options, (_input, path) => locateJsonPath(text, path));
  if (policies.length === 0) {
    throw new PolicyLoadError('no-policy', file, `${file} holds no CORS policy: expected an object with \`origins\``);
  }
  return { file, policies };
}

function validate(exports: readonly PlainExport[], file: string, options: CollectOptions, locate: LocateIssue): FoundPolicy[] {
  try {
    return policiesFromPlain(exports, options, locate);
  } catch (error) {
    if (error instanceof TooDeepError) throw tooDeep(file);
    throw error;
  }
}

function tooDeep(file: string): PolicyLoadError {
  return new PolicyLoadError('too-deep', file, `${file} nests deeper than ${MAX_NESTING_DEPTH} levels: no CORS policy does`);
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
