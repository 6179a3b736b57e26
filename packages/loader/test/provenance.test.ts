import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitProvenance } from '../src/index.js';

describe('gitProvenance', () => {
  let repo: string;
  let outside: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();

  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), 'provenance-'));
    outside = await mkdtemp(join(tmpdir(), 'no-git-'));
    git('init', '-q');
    await writeFile(join(repo, 'cors.policy.json'), '{"name":"api","origins":["https://a.example"]}');
    await writeFile(join(repo, '-rf'), 'a file named like an option');
    git('add', '.');
    execFileSync('git', ['-c', 'user.name=Ada Lovelace', '-c', 'user.email=ada@example.com', 'commit', '-q', '-m', 'policy', '--date', '2026-11-20T10:00:00Z'], {
      cwd: repo,
      env: { ...process.env, GIT_COMMITTER_DATE: '2026-11-20T10:00:00Z' },
    });
    await writeFile(join(repo, 'untracked.json'), '{}');
    await writeFile(join(outside, 'cors.policy.json'), '{}');
  });
  afterAll(async () => {
    await rm(repo, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it('returns the last commit, its date and author for a tracked file', async () => {
    const provenance = await gitProvenance('cors.policy.json', repo);
    expect(provenance).toEqual({ commit: git('rev-parse', 'HEAD'), date: '2026-11-20T10:00:00Z'.replace('Z', '+00:00'), author: 'Ada Lovelace' });
  });

  it('treats a file named like an option as a path', async () => {
    expect((await gitProvenance('-rf', repo))?.commit).toBe(git('rev-parse', 'HEAD'));
  });

  it('returns undefined for an untracked file', async () => {
    expect(await gitProvenance('untracked.json', repo)).toBeUndefined();
  });

  it('returns undefined outside a git repository', async () => {
    expect(await gitProvenance('cors.policy.json', outside)).toBeUndefined();
  });

  it('returns undefined for a file that does not exist', async () => {
    expect(await gitProvenance('missing.json', repo)).toBeUndefined();
  });
});
