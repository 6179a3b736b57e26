// A throw-away git repository with a base commit and a head commit, as a pull request checkout has.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const created: string[] = [];

/** A temporary directory removed by {@link removeTemporaryDirs}. */
export async function temporaryDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Removes every directory the fixtures created. */
export async function removeTemporaryDirs(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export interface PullRequestRepo {
  readonly dir: string;
  readonly baseSha: string;
  readonly headSha: string;
}

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' }).trim();

async function writeFiles(dir: string, files: Readonly<Record<string, string>>) {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

/** Commits `base`, then `head` on top (files in `head` replace or add to those in `base`). */
export async function createPullRequestRepo(base: Readonly<Record<string, string>>, head: Readonly<Record<string, string>>): Promise<PullRequestRepo> {
  const dir = await temporaryDir('cors-action-repo-');
  git(dir, 'init', '--quiet', '--initial-branch=main');
  await writeFiles(dir, base);
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '--message', 'base');
  const baseSha = git(dir, 'rev-parse', 'HEAD');
  await writeFiles(dir, head);
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '--message', 'head');
  return { dir, baseSha, headSha: git(dir, 'rev-parse', 'HEAD') };
}

/** The `pull_request` event payload GitHub writes to $GITHUB_EVENT_PATH. */
export function pullRequestEvent(repo: PullRequestRepo, options: { number?: number; labels?: readonly string[]; headRepo?: string; baseSha?: string } = {}) {
  return {
    action: 'synchronize',
    number: options.number ?? 7,
    pull_request: {
      number: options.number ?? 7,
      labels: (options.labels ?? []).map((name, i) => ({ id: i + 1, name })),
      base: { sha: options.baseSha ?? repo.baseSha, ref: 'main', repo: { full_name: 'org/shop' } },
      head: { sha: repo.headSha, ref: 'feature', repo: { full_name: options.headRepo ?? 'org/shop' } },
    },
    repository: { full_name: 'org/shop' },
  };
}
