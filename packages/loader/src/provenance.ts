import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';

/** The last commit that changed a file. */
export interface GitProvenance {
  /** Full commit hash. */
  readonly commit: string;
  /** Author date, strict ISO 8601 (`2026-11-20T10:31:02+01:00`). */
  readonly date: string;
  readonly author: string;
}

const SEPARATOR = '\u001f';

/**
 * The last commit that changed `file`, read with `git log -1` (run with `execFile`, never a shell).
 * `undefined` when git is not installed, the file is outside a git repository, or git does not track it.
 * Never throws.
 *
 * @example
 * const p = await gitProvenance('cors.policy.ts', process.cwd());
 * // { commit: 'abc1234…', date: '2026-11-20T10:31:02+01:00', author: 'Ada' }
 */
export async function gitProvenance(file: string, cwd: string): Promise<GitProvenance | undefined> {
  const absolute = resolve(cwd, file);
  const output = await new Promise<string | undefined>((done) => {
    execFile(
      'git',
      ['log', '-1', `--format=%H${SEPARATOR}%aI${SEPARATOR}%an`, '--end-of-options', '--', absolute],
      // Run from the file's folder: the repository that holds the file is the one to ask.
      { cwd: dirname(absolute), encoding: 'utf8', timeout: 10_000, windowsHide: true, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } },
      (error, stdout) => done(error === null ? stdout : undefined),
    );
  });
  const [commit, date, author] = (output ?? '').trim().split(SEPARATOR);
  if (commit === undefined || !/^[0-9a-f]{40,64}$/.test(commit) || date === undefined || author === undefined) return undefined;
  return { commit, date, author };
}
