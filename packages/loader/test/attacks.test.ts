import { execFileSync } from 'node:child_process';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cjsLoader, fixtures, loader } from './built-loader.js';

const { loadPolicyFile, readPolicySpec, PolicyLoadError } = loader;

describe('policy modules run isolated and time-limited', () => {
  it('attack "never settles": a module awaiting a promise that never settles is a did-not-finish error', async () => {
    const error = await loadPolicyFile('never-settles.policy.ts', { cwd: fixtures, timeoutMs: 5_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolicyLoadError);
    expect(['timed-out', 'exited']).toContain((error as InstanceType<typeof PolicyLoadError>).code);
    expect((error as Error).message).toMatch(/^never-settles\.policy\.ts did not finish loading/);
  });

  it('attack "endless loop": a module that never returns is ended at the time limit', async () => {
    const started = Date.now();
    await expect(loadPolicyFile('endless-loop.policy.ts', { cwd: fixtures, timeoutMs: 1_500 })).rejects.toMatchObject({
      code: 'timed-out',
      message: expect.stringMatching(/did not finish loading within 1\.5 s/) as unknown,
    });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('attack "process.exit(0)": ending the process ends only the worker, and is an error', async () => {
    await expect(loadPolicyFile('exits-zero.policy.ts', { cwd: fixtures, timeoutMs: 30_000 })).rejects.toMatchObject({
      code: 'exited',
      message: expect.stringContaining('exit code 0') as unknown,
    });
  });

  it('runs policy modules from the CommonJS build too', async () => {
    const loaded = await cjsLoader.loadPolicyFile('one-bad-definition.policy.ts', { cwd: fixtures, timeoutMs: 30_000 });
    expect(loaded.policies.map((p) => p.exportName)).toEqual(['good', 'loose', 'refused', '(module)']);
    await expect(cjsLoader.loadPolicyFile('exits-zero.policy.ts', { cwd: fixtures, timeoutMs: 30_000 })).rejects.toMatchObject({ code: 'exited' });
  });
});

describe('anything thrown is a load error', () => {
  it('attack "throw null": reports that the file threw null', async () => {
    await expect(loadPolicyFile('throws-null.policy.ts', { cwd: fixtures, timeoutMs: 30_000 })).rejects.toMatchObject({
      name: 'PolicyLoadError',
      code: 'evaluation-error',
      message: 'throws-null.policy.ts threw null while loading (throw an Error to explain why)',
    });
  });

  it('attack "5,000-deep JSON": refuses it as too deep before parsing', async () => {
    await expect(loadPolicyFile('deep.policy.json', { cwd: fixtures })).rejects.toMatchObject({ code: 'too-deep' });
  });

  it('attack "5,000-deep export": refuses a deeply nested exported value as too deep', async () => {
    await expect(loadPolicyFile('deep-export.policy.ts', { cwd: fixtures, timeoutMs: 30_000 })).rejects.toMatchObject({ code: 'too-deep' });
  });

  it('checks nesting without recursion, however deep the text', () => {
    expect(loader.MAX_NESTING_DEPTH).toBe(64);
    expect(() => loader.collectPolicies(JSON.parse(`${'['.repeat(65)}${']'.repeat(65)}`))).not.toThrow();
    const deep: { next?: unknown } = {};
    let cursor = deep;
    for (let i = 0; i < 100; i++) cursor = (cursor.next = {}) as { next?: unknown };
    expect(() => loader.collectPolicies({ name: 'x', origins: [deep] })).toThrow(loader.TooDeepError);
  });
});

describe('every policy in a file is checked', () => {
  it('attack "one failing definePolicy": the other policies of the file are still loaded and checked', async () => {
    const loaded = await loadPolicyFile('one-bad-definition.policy.ts', { cwd: fixtures, timeoutMs: 30_000 });
    const summary = loaded.policies.map((p) => [p.exportName, p.ok, p.ok ? p.policy.name : p.name, p.issues.filter((i) => i.severity === 'error').map((i) => i.code)]);
    expect(summary).toEqual([
      ['good', true, 'good-api', []],
      ['loose', true, 'loose-api', []],
      ['refused', false, 'refused-api', ['origins/wildcard-with-credentials']],
      ['(module)', false, 'hidden-api', ['origins/not-an-origin']],
    ]);
  });

  it('refuses values that are not plain data instead of trusting them', async () => {
    const loaded = await loadPolicyFile('not-plain-data.policy.ts', { cwd: fixtures, timeoutMs: 30_000 });
    expect(loaded.policies[0]).toMatchObject({ ok: false, name: 'regex-api', issues: [{ code: 'policy/invalid-shape', path: ['origins', 0] }] });
  });
});

describe('locations and packages', () => {
  it('gives each issue of a JSON policy the line and column of the offending value', async () => {
    const loaded = await loadPolicyFile('located.policy.json', { cwd: fixtures });
    const issue = loaded.policies[0]?.issues.find((i) => i.code === 'origins/null');
    expect(issue).toMatchObject({ line: 5, column: 5 });
  });

  it('gives issues of a module the line where the offending value is written', async () => {
    const loaded = await loadPolicyFile('one-bad-definition.policy.ts', { cwd: fixtures, timeoutMs: 30_000 });
    expect(loaded.policies[3]?.issues.find((i) => i.code === 'origins/not-an-origin')?.line).toBe(9);
  });

  it('names the package a policy file ships in, from the nearest package.json', async () => {
    const loaded = await loadPolicyFile('pkg/sub/cors.policy.json', { cwd: fixtures });
    expect(loaded.package).toEqual({ name: '@acme/cors-policies', version: '1.2.0', path: 'sub/cors.policy.json' });
  });

  it('resolves a package specifier from node_modules when no such file exists', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cors-loader-pkg-'));
    try {
      const pkg = join(dir, 'node_modules', '@acme', 'cors-policies');
      execFileSync('mkdir', ['-p', pkg]);
      await writeFile(join(pkg, 'package.json'), JSON.stringify({ name: '@acme/cors-policies', version: '1.2.0', main: 'cors.policy.json' }));
      await writeFile(join(pkg, 'cors.policy.json'), JSON.stringify({ name: 'storefront-api', origins: ['https://myapp.com'] }));
      for (const spec of ['@acme/cors-policies', '@acme/cors-policies/cors.policy.json']) {
        const loaded = await readPolicySpec(spec, dir);
        expect(loaded?.file).toBe(spec);
        expect(loaded?.package).toMatchObject({ name: '@acme/cors-policies', version: '1.2.0', path: 'cors.policy.json' });
      }
      await expect(readPolicySpec('@acme/missing', dir)).rejects.toMatchObject({ code: 'file-not-found' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('git revisions are hostile input', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), 'cors-loader-git-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    await writeFile(join(repo, 'cors.policy.json'), JSON.stringify({ name: 'api', origins: ['https://myapp.com'] }));
    git('add', '.');
    git('commit', '-q', '-m', 'base');
  });
  afterAll(() => rm(repo, { recursive: true, force: true }));

  it('attack "git:--output=FILE": a ref that git would read as an option is refused and writes nothing', async () => {
    const target = join(repo, 'pwned');
    await expect(readPolicySpec(`git:--output=${target}:cors.policy.json`, repo)).rejects.toMatchObject({ code: 'git-error' });
    await expect(access(target)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.each([
    ['a leading dash', '-p'],
    ['a range', 'main..HEAD'],
    ['a control character', 'main\u001b[2J'],
    ['a space', 'main foo'],
  ])('refuses a ref with %s', async (_what, ref) => {
    await expect(readPolicySpec(`git:${ref}:cors.policy.json`, repo)).rejects.toMatchObject({ code: 'git-error' });
  });

  it.each(['main', 'HEAD', 'HEAD~0', 'HEAD^{commit}'.slice(0, 4)])('accepts the ref %s', async (ref) => {
    const loaded = await readPolicySpec(`git:${ref}:cors.policy.json`, repo);
    expect(loaded?.policies[0]?.ok).toBe(true);
  });

  it('accepts a full SHA, and refuses a ref that names no commit', async () => {
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
    expect((await readPolicySpec(`git:${sha}:cors.policy.json`, repo))?.policies).toHaveLength(1);
    await expect(readPolicySpec('git:no-such-branch:cors.policy.json', repo)).rejects.toMatchObject({
      code: 'git-error',
      message: expect.stringContaining('does not name a commit') as unknown,
    });
  });

  it('refuses a path that starts with a dash or is absolute', () => {
    expect(loader.unsafeGitSpecReason({ ref: 'main', path: '--output=x' })).toMatch(/starts with "-"/);
    expect(loader.unsafeGitSpecReason({ ref: 'main', path: '/etc/passwd' })).toMatch(/absolute/);
    expect(loader.unsafeGitSpecReason({ ref: 'origin/main', path: 'cors.policy.json' })).toBeUndefined();
  });
});
