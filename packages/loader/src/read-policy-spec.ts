import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { loadPolicyFile, loadPolicySource, type LoadedPolicyFile, type LoadPolicyOptions } from './load-policy-file.js';
import { PolicyLoadError } from './policy-load-error.js';

const run = promisify(execFile);

/** A parsed `git:<ref>:<path>` argument. */
export interface GitRevisionSpec {
  readonly ref: string;
  readonly path: string;
}

/** Options for {@link readPolicySpec}: where to resolve from, and how to load. */
export type ReadPolicySpecOptions = Omit<LoadPolicyOptions, 'cwd'>;

// Refs like `main`, `origin/main`, `v1.2.0`, `HEAD~1`, `HEAD^2`, `HEAD@{1}`, SHAs. No `..` ranges, no
// leading `-` (git would read an option), nothing git or a terminal would interpret.
const SAFE_REF = /^[A-Za-z0-9_][A-Za-z0-9_./~^@{}+-]{0,254}$/;
// eslint-disable-next-line no-control-regex -- the point is to refuse control characters
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Parses `git:<ref>:<path>` (git refs cannot contain `:`, so the first one after the ref ends it). */
export function parseGitSpec(spec: string): GitRevisionSpec | undefined {
  if (!spec.startsWith('git:')) return undefined;
  const rest = spec.slice('git:'.length);
  const colon = rest.indexOf(':');
  if (colon <= 0 || colon === rest.length - 1) return undefined;
  return { ref: rest.slice(0, colon), path: rest.slice(colon + 1) };
}

/**
 * Why a `git:<ref>:<path>` must be refused before git sees it, or `undefined` when it is safe: refs
 * and paths come from pull requests and workflow inputs, so treat them as hostile.
 */
export function unsafeGitSpecReason(git: GitRevisionSpec): string | undefined {
  if (CONTROL.test(git.ref) || CONTROL.test(git.path)) return 'it contains control characters';
  if (git.ref.startsWith('-')) return `the ref "${git.ref}" starts with "-"`;
  if (git.ref.includes('..')) return `the ref "${git.ref}" contains ".." (name one revision, not a range)`;
  if (!SAFE_REF.test(git.ref) || git.ref.endsWith('.') || git.ref.endsWith('/') || git.ref.includes('//')) {
    return `"${git.ref}" is not a valid ref (use a branch, tag, SHA, or HEAD~N)`;
  }
  if (git.path.startsWith('-')) return `the path "${git.path}" starts with "-"`;
  if (isAbsolute(git.path) || /^[A-Za-z]:/.test(git.path)) return `the path "${git.path}" is absolute (give it from the repository root, or start it with ./)`;
  return undefined;
}

/**
 * Loads a policy named on the command line: a path; `git:<ref>:<path>`, read from git (the path is from
 * the repository root, or from the current directory when it starts with `./`); or, when no such file
 * exists, a package specifier resolved from `cwd`'s node_modules (`@acme/cors-policies` or
 * `@acme/cors-policies/cors.policy.json`). Resolves to `undefined` when the path does not exist at that
 * revision (a policy added by the change). Git refs are checked and must name an existing commit.
 *
 * @throws PolicyLoadError (`git-error` for an unsafe, unknown or failing `git:` spec)
 */
export async function readPolicySpec(spec: string, cwd: string, options: ReadPolicySpecOptions = {}): Promise<LoadedPolicyFile | undefined> {
  const git = gitSpecOf(spec);
  if (git === undefined) {
    const loaded = await loadPolicyFile(await localPath(spec, cwd), { ...options, cwd });
    return { ...loaded, file: spec };
  }
  await verifyCommit(git, spec, cwd);
  const source = await gitBlob(git, spec, cwd);
  if (source === undefined) return undefined;
  const absolute = await specPath(spec, cwd);
  // Evaluated as if it were the working-tree file: its relative imports resolve there.
  const display = relative(cwd, absolute);
  try {
    const loaded = await loadPolicySource(source, display, { ...options, cwd });
    return { ...loaded, file: spec };
  } catch (error) {
    // Name the revision, not the working-tree file, in the message.
    if (!(error instanceof PolicyLoadError)) throw error;
    const location = error.line === undefined ? undefined : { line: error.line, column: error.column ?? 1 };
    throw new PolicyLoadError(error.code, spec, error.message.split(display).join(spec), location);
  }
}

/**
 * The working-tree file a spec stands for (absolute): a path from `cwd`, or for `git:<ref>:<path>` the
 * path from the repository root (or `cwd` with `./`). `diff` compares a missing base against the head with it.
 */
export async function specPath(spec: string, cwd: string): Promise<string> {
  const git = gitSpecOf(spec);
  if (git === undefined) return resolve(cwd, spec);
  const relativeToCwd = git.path.startsWith('./') || git.path.startsWith('../');
  const root = relativeToCwd ? cwd : (await gitOutput(['rev-parse', '--show-toplevel'], cwd, spec)).trim();
  return resolve(root, git.path);
}

function gitSpecOf(spec: string): GitRevisionSpec | undefined {
  if (!spec.startsWith('git:')) return undefined;
  const git = parseGitSpec(spec);
  if (git === undefined) throw new PolicyLoadError('git-error', spec, `Expected git:<ref>:<path>, got ${spec}`);
  const unsafe = unsafeGitSpecReason(git);
  if (unsafe !== undefined) throw new PolicyLoadError('git-error', spec, `Refusing ${spec}: ${unsafe}`);
  return git;
}

/** A path that exists, or the file a package specifier resolves to from `cwd`, or the spec unchanged. */
async function localPath(spec: string, cwd: string): Promise<string> {
  if (await exists(resolve(cwd, spec))) return spec;
  if (!/^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/[\w.-]+)*$/i.test(spec) || spec.split('/').includes('..')) return spec;
  const require = createRequire(join(cwd, 'noop.js'));
  try {
    const resolved = require.resolve(spec, { paths: [cwd] });
    return isAbsolute(resolved) ? resolved : spec;
  } catch {
    return spec; // loadPolicyFile reports it as not found, naming the spec
  }
}

async function verifyCommit(git: GitRevisionSpec, spec: string, cwd: string): Promise<void> {
  try {
    await run('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${git.ref}^{commit}`], { cwd });
  } catch {
    throw new PolicyLoadError('git-error', spec, `${spec}: "${git.ref}" does not name a commit in this repository`);
  }
}

async function gitBlob(git: GitRevisionSpec, spec: string, cwd: string): Promise<string | undefined> {
  try {
    // `cat-file blob` is plumbing: no pager, no textconv; `--end-of-options` keeps the argument an object name.
    const { stdout } = await run('git', ['cat-file', 'blob', '--end-of-options', `${git.ref}:${git.path}`], { cwd, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    if (/does not exist in|exists on disk, but not in/.test(stderr)) return undefined;
    throw new PolicyLoadError('git-error', spec, `reading ${spec} from git failed: ${firstLine(stderr) || String(error)}`);
  }
}

async function gitOutput(args: string[], cwd: string, spec: string): Promise<string> {
  try {
    return (await run('git', args, { cwd })).stdout;
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    throw new PolicyLoadError('git-error', spec, `git ${args.join(' ')} failed: ${firstLine(stderr) || String(error)}`);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function firstLine(text: string): string {
  return text.trim().split('\n', 1)[0]?.replace(/^fatal: /, '') ?? '';
}
