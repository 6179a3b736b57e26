import { execFileSync } from 'node:child_process';
import { access, copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, hasStackTrace, runCli } from './run-cli.js';

/*
 * Each attack on the review gate, reproduced end to end through the built bin: it must fail the gate
 * with its documented exit code and a clear message, never exit 0, never print a stack.
 */
const attacks = join(fixtures, 'attacks');
const run = (args: string[], cwd = attacks) => runCli(args, { cwd });

describe('attack: a policy file that never finishes loading', () => {
  it.each([
    ['check', ['check', 'never-settles.policy.ts', '--timeout', '5']],
    ['explain', ['explain', 'never-settles.policy.ts', '--origin', 'https://myapp.com', '--timeout', '5']],
    ['diff --fail-on-loosening', ['diff', 'never-settles.policy.ts', 'never-settles.policy.ts', '--fail-on-loosening', '--timeout', '5']],
  ])('"await new Promise(() => {})" fails %s with exit 4 and says so', async (_command, args) => {
    const result = await run(args);
    expect(result.code).toBe(4);
    expect(result.stdout + result.stderr).toContain('never-settles.policy.ts did not finish loading');
    expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
  });

  it.each([
    ['check', ['check', 'exits-zero.policy.ts']],
    ['explain', ['explain', 'exits-zero.policy.ts', '--origin', 'https://myapp.com']],
    ['diff --fail-on-loosening', ['diff', 'exits-zero.policy.ts', 'exits-zero.policy.ts', '--fail-on-loosening']],
  ])('"process.exit(0)" fails %s with exit 4 instead of ending the gate with success', async (_command, args) => {
    const result = await run(args);
    expect(result.code).toBe(4);
    expect(result.stdout + result.stderr).toMatch(/exits-zero\.policy\.ts did not finish loading: it ended the process itself \(exit code 0\)/);
  });

  it('rejects a --timeout that is not a positive number of seconds with exit 2', async () => {
    for (const value of ['0', 'soon', '-1']) {
      const result = await run(['check', 'one-bad-definition.policy.ts', `--timeout=${value}`]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--timeout must be a number of seconds between 0 and 3600 (got "${value}")`);
    }
  });
});

describe('attack: git:--output=FILE reaching git as an option', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), 'cors-attack-git-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    await copyFile(join(fixtures, 'plain.policy.json'), join(repo, 'cors.policy.json'));
    git('add', '.');
    git('commit', '-q', '-m', 'base');
  });
  afterAll(() => rm(repo, { recursive: true, force: true }));

  it('refuses the ref with exit 2 and creates no file', async () => {
    const target = join(repo, 'written-by-git');
    const result = await run(['diff', `git:--output=${target}:cors.policy.json`, 'cors.policy.json'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('starts with "-"');
    await expect(access(target)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a range and a ref with control characters with exit 2', async () => {
    for (const ref of ['main..HEAD', 'main\u001b[31m']) {
      const result = await run(['diff', `git:${ref}:cors.policy.json`, 'cors.policy.json'], repo);
      expect(result.code).toBe(2);
      expect(result.stderr).not.toContain('\u001b');
    }
  });

  it('attack "mistyped base path": a git base missing at the ref that is not the head file is exit 2, naming it', async () => {
    const result = await run(['diff', 'git:HEAD:cors.polcy.json', 'cors.policy.json', '--fail-on-loosening'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('git:HEAD:cors.polcy.json does not exist at that revision');
  });
});

describe('attack: values that crashed the CLI', () => {
  it('"throw null" is a load error naming the file, exit 3, no stack', async () => {
    const result = await run(['check', 'throws-null.policy.ts']);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('throws-null.policy.ts threw null while loading');
    expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
  });

  it('a 5,000-deep JSON policy is refused as too deep, exit 3, no stack', async () => {
    for (const args of [['check', 'deep.policy.json'], ['render', 'deep.policy.json']]) {
      const result = await run(args);
      expect(result.code).toBe(3);
      expect(result.stdout + result.stderr).toContain('deep.policy.json nests deeper than 64 levels');
      expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
    }
  });
});

describe('attack: one failing definePolicy hiding the other policies of a file', () => {
  it('reports every policy of the file, the refused ones with their issues, and exits 1', async () => {
    const result = await run(['check', '--format', 'json', 'one-bad-definition.policy.ts']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { files: Array<{ policies: Array<{ export: string; name: string; loaded: boolean; findings: Array<{ code: string }> }> }> };
    const policies = report.files[0]?.policies ?? [];
    expect(policies.map((p) => [p.export, p.name, p.loaded])).toEqual([
      ['good', 'good-api', true],
      ['loose', 'loose-api', true],
      ['refused', 'refused-api', false],
      ['(module)', 'hidden-api', false],
    ]);
    expect(policies[1]?.findings.map((f) => f.code)).toContain('origins/insecure-with-credentials');
  });
});

describe('attack: terminal escape sequences in policy text', () => {
  it('prints them escaped, never raw, in text and JSON output', async () => {
    for (const format of ['text', 'json']) {
      const result = await run(['check', 'ansi.policy.ts', '--format', format]);
      expect(result.code).toBe(1);
      const output = result.stdout + result.stderr;
      expect(output).not.toMatch(/[\u001b\u009b]/);
      expect(output).toContain('\\u001b[2J');
    }
  });
});

describe('which policy is enforced, and where its issues are', () => {
  it('gives each JSON finding its file, line and column (for annotations)', async () => {
    const result = await run(['check', '--format', 'json', 'located.policy.json']);
    const report = JSON.parse(result.stdout) as { files: Array<{ policies: Array<{ findings: Array<{ code: string; file: string; line: number | null; column: number | null }> }> }> };
    const finding = report.files[0]?.policies[0]?.findings.find((f) => f.code === 'origins/wildcard-with-credentials');
    expect(finding).toMatchObject({ file: 'located.policy.json', line: 5, column: 5 });
  });

  it('checks a policy package by specifier and prints the version it enforces', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cors-attack-pkg-'));
    try {
      const pkg = join(dir, 'node_modules', '@acme', 'cors-policies');
      await mkdir(pkg, { recursive: true });
      await writeFile(join(pkg, 'package.json'), JSON.stringify({ name: '@acme/cors-policies', version: '1.2.0', main: 'cors.policy.json' }));
      await writeFile(join(pkg, 'cors.policy.json'), JSON.stringify({ name: 'storefront-api', origins: ['https://myapp.com'] }));
      for (const spec of ['@acme/cors-policies', '@acme/cors-policies/cors.policy.json']) {
        const result = await run(['check', spec], dir);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('storefront-api (@acme/cors-policies@1.2.0, cors.policy.json)');
      }
      const explained = await run(['explain', '@acme/cors-policies', '--origin', 'https://myapp.com'], dir);
      expect(explained.code).toBe(0);
      const missing = await run(['check', '@acme/not-installed'], dir);
      expect(missing.code).toBe(2);
      expect(missing.stdout).toContain('File not found: @acme/not-installed');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
