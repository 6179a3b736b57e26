import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiffJson } from '@org/cors-report';
import { fixtures, hasStackTrace, runCli } from './run-cli.js';


describe('cors-policy diff', () => {
  it('names every loosening of the example policy in the Markdown, under a loosening heading first', async () => {
    const result = await runCli(['diff', 'example-base.policy.ts', 'example-head.policy.ts']);
    expect(result.code).toBe(0);
    const md = result.stdout;
    const loosening = md.indexOf('#### ⚠️ Loosening — needs a security review');
    expect(loosening).toBeGreaterThan(-1);
    const section = md.slice(loosening, md.indexOf('\n#### ', loosening + 1) === -1 ? undefined : md.indexOf('\n#### ', loosening + 1));
    expect(section).toContain('Origin `https://checkout.myapp.com` added');
    expect(section).toContain('Wildcard pattern `https://*.preview.myapp.com` added: every subdomain of `preview.myapp.com`');
    expect(section).toContain('Credentials turned on');
    expect(section).toContain('route `/partner/**`');
    expect(section).toContain('Preflight cache raised from 10 minutes to 1 hour');
    expect(section).toContain('Request header `X-Csrf-Token` allowed');
    expect(md).toMatch(/\*\*5 loosenings\*\*/);
  });

  it('classes each change for bots with --format json, in the versioned shape', async () => {
    const result = await runCli(['diff', 'example-base.policy.ts', 'example-head.policy.ts', '--format', 'json']);
    const json = JSON.parse(result.stdout) as DiffJson;
    expect(json).toMatchObject({ schemaVersion: 1, kind: 'cors-policy-diff', base: 'example-base.policy.ts', head: 'example-head.policy.ts' });
    expect(json.diffs[0]?.diff.changes[0]?.text).toEqual(expect.arrayContaining([{ code: expect.any(String) }]));
    const changes = json.diffs[0]?.diff.changes ?? [];
    expect(changes.map((c) => [c.code, c.kind, c.scope.route ?? null]).sort()).toEqual(
      [
        ['allow-header-added', 'loosening', null],
        ['credentials-enabled', 'loosening', '/partner/**'],
        ['max-age-raised', 'loosening', null],
        ['origin-added', 'loosening', null],
        ['pattern-added', 'loosening', null],
      ].sort(),
    );
    expect(json.loosening).toBe(true);
  });

  it('reports the reverse change as tightenings only', async () => {
    const result = await runCli(['diff', 'example-head.policy.ts', 'example-base.policy.ts']);
    expect(result.stdout).not.toContain('Loosening');
    expect(result.stdout).toContain('No loosening: 5 tightenings, 0 neutral.');
    expect(result.stdout).toContain('Origin `https://checkout.myapp.com` removed');
  });

  it('says there is no semantic change when only the text differs', async () => {
    const result = await runCli(['diff', 'example-base.policy.ts', 'example-base.policy.ts']);
    expect(result.stdout).toContain('No semantic change');
  });

  it('exits 1 on a loosening with --fail-on-loosening, 0 on a tightening', async () => {
    expect((await runCli(['diff', 'example-base.policy.ts', 'example-head.policy.ts', '--fail-on-loosening'])).code).toBe(1);
    expect((await runCli(['diff', 'example-head.policy.ts', 'example-base.policy.ts', '--fail-on-loosening'])).code).toBe(0);
  });

  describe('origin sources', () => {
    let dir: string;
    const source = (credentials: boolean, methods: string[]) => ({ name: 'tenant-api', origins: ['https://app.example.com', { source: 'tenant-domains', credentials, methods }], methods: ['GET', 'POST'] });
    const write = async (name: string, input: unknown) => {
      await writeFile(join(dir, name), JSON.stringify(input));
      return join(dir, name);
    };
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'cors-diff-sources-'));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it('fails --fail-on-loosening when a change turns credentials on for a source, naming the source', async () => {
      const base = await write('off.policy.json', source(false, ['GET']));
      const head = await write('on.policy.json', source(true, ['GET']));
      const result = await runCli(['diff', base, head, '--fail-on-loosening']);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(
        "Source `tenant-domains`: credentials (cookies) not allowed → allowed — every site its provider names, tenant-controlled, may now read responses with the user's cookies",
      );
      expect(result.stdout).toContain('#### ⚠️ Loosening');
      const back = await runCli(['diff', head, base, '--fail-on-loosening', '--format', 'json']);
      expect(back.code).toBe(0);
      expect((JSON.parse(back.stdout) as DiffJson).diffs[0]?.diff.changes.map((c) => [c.code, c.kind])).toContainEqual(['source-credentials-disabled', 'tightening']);
    });

    it('fails --fail-on-loosening when methods are widened for a source', async () => {
      const base = await write('get.policy.json', source(false, ['GET']));
      const head = await write('get-post.policy.json', source(false, ['GET', 'POST']));
      const result = await runCli(['diff', base, head, '--fail-on-loosening']);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('Method `POST` allowed for the source `tenant-domains`');
    });
  });

  it('exits 2 with one line when a revision does not exist', async () => {
    const result = await runCli(['diff', 'nope.policy.ts', 'example-head.policy.ts']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('File not found: nope.policy.ts');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  describe('with git revisions', () => {
    let repo: string;
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'pipe' });

    beforeAll(async () => {
      repo = await mkdtemp(join(tmpdir(), 'cors-diff-git-'));
      git('init', '-q', '-b', 'main');
      await copyFile(join(fixtures, 'clean.policy.ts'), join(repo, 'other.policy.ts'));
      git('add', '.');
      git('commit', '-q', '-m', 'before the policy');
      await copyFile(join(fixtures, 'example-base.policy.ts'), join(repo, 'cors.policy.ts'));
      git('add', '.');
      git('commit', '-q', '-m', 'base');
      await copyFile(join(fixtures, 'example-head.policy.ts'), join(repo, 'cors.policy.ts'));
    });
    afterAll(() => rm(repo, { recursive: true, force: true }));

    it('reads the base with git show and diffs it against the working tree', async () => {
      const result = await runCli(['diff', 'git:HEAD:cors.policy.ts', 'cors.policy.ts'], { cwd: repo });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Origin `https://checkout.myapp.com` added');
      expect(result.stdout).toMatch(/\*\*5 loosenings\*\*/);
    });

    it('treats a policy file that did not exist at the base revision as entirely new', async () => {
      const result = await runCli(['diff', 'git:HEAD~1:cors.policy.ts', 'cors.policy.ts', '--format', 'md'], { cwd: repo });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('### New CORS policy `storefront-api`');
      expect(result.stdout).toContain('#### ⚠️ Loosening');
    });

    it('exits 2 on an unknown git ref', async () => {
      const result = await runCli(['diff', 'git:no-such-ref:cors.policy.ts', 'cors.policy.ts'], { cwd: repo });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('"no-such-ref" does not name a commit in this repository');
    });
  });
});
