import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, hasStackTrace, runCli } from './run-cli.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Every file under a folder, as `/`-separated relative paths. */
async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(folder, join(e.parentPath, e.name)).split('\\').join('/')).sort();
}

const exists = (path: string) => stat(path).then(() => true, () => false);

describe('cors-policy site', () => {
  let repo: string;
  let scratch: string;
  let commit: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_COMMITTER_DATE: '2026-11-20T10:00:00Z', GIT_AUTHOR_DATE: '2026-11-20T10:00:00Z' } }).trim();

  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), 'cors-site-repo-'));
    scratch = await mkdtemp(join(tmpdir(), 'cors-site-out-'));
    git('init', '-q');
    await writeFile(
      join(repo, 'cors.policy.json'),
      JSON.stringify({
        name: 'partner-api',
        description: 'Orders for partners </title><script>alert(1)</script>',
        owners: ['Team Partners'],
        origins: ['https://partner.example'],
        credentials: true,
        environments: { staging: { origins: ['https://staging.partner.example'] } },
        deployments: [{ service: 'partner-gateway', url: 'https://api.example.com' }, { service: 'partner-gateway-staging', environment: 'staging' }],
      }),
    );
    git('add', 'cors.policy.json');
    git('-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', 'commit', '-q', '-m', 'Add the partner policy');
    commit = git('rev-parse', 'HEAD');
  });
  afterAll(async () => {
    await rm(repo, { recursive: true, force: true });
    await rm(scratch, { recursive: true, force: true });
  });

  it('builds the site for a policy in any git repository, with its provenance, writing only inside --out', async () => {
    const result = await runCli(['site', 'cors.policy.json', '--out', 'public/cors', '--title', 'Acme APIs'], { cwd: repo });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const files = await listFiles(join(repo, 'public/cors'));
    expect(files).toEqual([
      'index.html',
      'origins.html',
      'origins/https--partner.example.html',
      'origins/https--staging.partner.example.html',
      'policies/partner-api.html',
      'rules.html',
      'site.css',
    ]);
    expect(result.stdout).toContain('Wrote 7 files for 1 policy to public/cors:');
    for (const file of files) expect(result.stdout).toContain(join('public/cors', file));
    const page = await readFile(join(repo, 'public/cors/policies/partner-api.html'), 'utf8');
    expect(page).toContain(`Last changed in <code>${commit.slice(0, 7)}</code> on 2026-11-20 by Ada`);
    expect(page).toContain('<title>Policy partner-api — Acme APIs</title>');
    expect(page).toContain('<th scope="row">partner-gateway-staging</th><td><code>staging</code></td>');
    expect(page).toContain('<th scope="row">partner-gateway</th><td>base policy</td><td><code>https://api.example.com</code></td>');
    expect(page).not.toContain('<script>');
    const origin = await readFile(join(repo, 'public/cors/origins/https--partner.example.html'), 'utf8');
    expect(origin).toContain('Which APIs may pages on <code>https://partner.example</code> read');
    // Nothing but the site appeared in the repository.
    expect(git('status', '--porcelain', '--untracked-files=all').split('\n').every((line) => line.startsWith('?? public/cors/'))).toBe(true);
  });

  it("builds the site for the repository's own policies folder", async () => {
    const out = join(scratch, 'own');
    const result = await runCli(['site', 'packages/policies/src', '--out', out], { cwd: repoRoot });
    expect(result.code).toBe(0);
    const index = await readFile(join(out, 'index.html'), 'utf8');
    expect(index).toContain('href="policies/storefront-api.html"');
    const page = await readFile(join(out, 'policies/storefront-api.html'), 'utf8');
    expect(page).toContain('<code>packages/policies/src/api.policy.ts</code>');
    expect(page).toMatch(/Last changed in <code>[0-9a-f]{7}<\/code> on \d{4}-\d{2}-\d{2} by /);
    expect(page).toContain('CORS is not CSRF protection.');
    expect(await exists(join(out, 'origins/https--myapp.com.html'))).toBe(true);
  });

  it('says the provenance is unknown outside git', async () => {
    const folder = await mkdtemp(join(scratch, 'plain-'));
    await writeFile(join(folder, 'api.policy.json'), JSON.stringify({ name: 'plain-api', origins: ['https://a.example'] }));
    const result = await runCli(['site', '.', '--out', 'site'], { cwd: folder });
    expect(result.code).toBe(0);
    const page = await readFile(join(folder, 'site/policies/plain-api.html'), 'utf8');
    expect(page).toContain('Unknown: the file is not tracked by git');
    expect(page).toContain('<code>api.policy.json</code>');
  });

  it('writes nothing and prints the lint report when any policy has errors (exit 1)', async () => {
    const out = join(scratch, 'refused');
    const result = await runCli(['site', 'clean.policy.ts', 'invalid-input.policy.ts', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nothing written');
    expect(result.stderr).toContain('invalid-input.policy.ts');
    expect(result.stderr).toMatch(/error +\S+/);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(await exists(out)).toBe(false);
  });

  it('writes nothing when a file fails to load, with the loader\'s message', async () => {
    const out = join(scratch, 'broken');
    for (const file of ['missing.policy.ts', 'syntax-error.policy.ts', 'no-policy.ts']) {
      const result = await runCli(['site', 'clean.policy.ts', file, '--out', out]);
      expect(result.code, file).not.toBe(0);
      expect(result.stderr).toContain(file);
      expect(hasStackTrace(result.stderr)).toBe(false);
    }
    expect(await exists(out)).toBe(false);
  });

  it('refuses a missing --out, no paths, a folder without policies and an --out that is a file (exit 2)', async () => {
    expect((await runCli(['site', 'clean.policy.ts'])).code).toBe(2);
    expect((await runCli(['site', '--out', join(scratch, 'x')])).code).toBe(2);
    const empty = await mkdtemp(join(scratch, 'empty-'));
    const noPolicies = await runCli(['site', empty, '--out', join(scratch, 'y')]);
    expect(noPolicies.code).toBe(2);
    expect(noPolicies.stderr).toContain('holds no *.policy');
    await writeFile(join(scratch, 'a-file'), 'x');
    const fileOut = await runCli(['site', 'clean.policy.ts', '--out', join(scratch, 'a-file')]);
    expect(fileOut.code).toBe(2);
    expect(fileOut.stderr).toContain('is not a folder');
  });

  it('loads every policy with --environment', async () => {
    const out = join(scratch, 'staging');
    const result = await runCli(['site', 'cors.policy.json', '--out', out, '--environment', 'staging'], { cwd: repo });
    expect(result.code).toBe(0);
    const page = await readFile(join(out, 'policies/partner-api.html'), 'utf8');
    expect(page).toMatch(/<th scope="row"><a href="[^"]+"><code>https:\/\/staging\.partner\.example<\/code><\/a><\/th>/);
    const unknown = await runCli(['site', 'cors.policy.json', '--out', join(scratch, 'prod'), '--environment', 'prod'], { cwd: repo });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('environments/unknown');
  });
});
