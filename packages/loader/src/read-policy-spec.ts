import { execFile } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { CollectOptions } from './collect-policies.js';
import { loadPolicyFile, loadPolicySource, type LoadedPolicyFile } from './load-policy-file.js';
import { PolicyLoadError } from './policy-load-error.js';

const run = promisify(execFile);

/** A parsed `git:<ref>:<path>` argument. */
export interface GitRevisionSpec {
  readonly ref: string;
  readonly path: string;
}

/** Parses `git:<ref>:<path>` (git refs cannot contain `:`, so the first one after the ref ends it). */
export function parseGitSpec(spec: string): GitRevisionSpec | undefined {
  if (!spec.startsWith('git:')) return undefined;
  const rest = spec.slice('git:'.length);
  const colon = rest.indexOf(':');
  if (colon <= 0 || colon === rest.length - 1) return undefined;
  return { ref: rest.slice(0, colon), path: rest.slice(colon + 1) };
}

/**
 * Loads a policy file named on the command line: a path, or `git:<ref>:<path>` read with `git show`
 * (the path is from the repository root, or from the current directory when it starts with `./`).
 * Resolves to `undefined` when the path does not exist at that revision (a policy added by the change).
 */
export async function readPolicySpec(spec: string, cwd: string, options: CollectOptions = {}): Promise<LoadedPolicyFile | undefined> {
  const git = parseGitSpec(spec);
  if (git === undefined) {
    if (spec.startsWith('git:')) throw new PolicyLoadError('git-error', spec, `Expected git:<ref>:<path>, got ${spec}`);
    return loadPolicyFile(spec, { ...options, cwd });
  }
  const source = await gitShow(git, spec, cwd);
  if (source === undefined) return undefined;
  const relativeToCwd = git.path.startsWith('./') || git.path.startsWith('../');
  const root = relativeToCwd ? cwd : await gitOutput(['rev-parse', '--show-toplevel'], cwd, spec);
  // Evaluated as if it were the working-tree file: its relative imports resolve there.
  const display = relative(cwd, resolve(root.trim(), git.path));
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

async function gitShow(git: GitRevisionSpec, spec: string, cwd: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['show', `${git.ref}:${git.path}`], { cwd, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    if (/does not exist in|exists on disk, but not in/.test(stderr)) return undefined;
    throw new PolicyLoadError('git-error', spec, `git show ${git.ref}:${git.path} failed: ${firstLine(stderr) || String(error)}`);
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

function firstLine(text: string): string {
  return text.trim().split('\n', 1)[0]?.replace(/^fatal: /, '') ?? '';
}
