import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { splitCommand, describeRunFailure } from '../../../action/lib/cli.mjs';
import { expandPolicyFiles, globToRegExp } from '../../../action/lib/files.mjs';
import { createPullRequestRepo, removeTemporaryDirs } from './support/git-fixture.js';
import { readBoolean, readTimeoutSeconds } from '../../../action/lib/inputs.mjs';
import { locate } from '../../../action/lib/locate.mjs';
import { decide } from '../../../action/lib/verdict.mjs';
import { escapeData, escapeProperty, formatCommand } from '../../../action/lib/workflow.mjs';
import { parseWorkflowCommands } from './support/workflow-commands.js';

describe('workflow commands', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('50% done\r\n::error::x')).toBe('50%25 done%0D%0A::error::x');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    expect(formatCommand('error', { file: 'a,b.ts', line: 3, col: undefined, title: 't: x' }, 'm\n::warning::y')).toBe(
      '::error file=a%2Cb.ts,line=3,title=t%3A x::m%0A::warning::y',
    );
  });

  it('round-trips hostile text through the runner as one command', () => {
    const hostile = 'x\n::warning title=injected::y,%0A';
    const parsed = parseWorkflowCommands(formatCommand('error', { file: hostile, title: hostile }, hostile));
    expect(parsed).toEqual([{ name: 'error', properties: { file: hostile, title: hostile }, message: hostile }]);
  });
});

describe('inputs', () => {
  it('reads booleans as YAML does and refuses anything else', () => {
    expect(readBoolean('site', 'True', false)).toBe(true);
    expect(readBoolean('site', '', false)).toBe(false);
    expect(() => readBoolean('site', 'yes', false)).toThrow('Input "site" must be true or false (got "yes").');
  });

  it('refuses a timeout that is not a whole number of seconds', () => {
    expect(readTimeoutSeconds('')).toBe(180);
    expect(readTimeoutSeconds('30')).toBe(30);
    expect(() => readTimeoutSeconds('1e3')).toThrow(/whole number of seconds/);
    expect(() => readTimeoutSeconds('0')).toThrow(/whole number of seconds/);
  });

  it('splits the cli input into words without a shell', () => {
    expect(splitCommand(`node "/a b/bin.js" --x 'y z' $(rm -rf /)`)).toEqual(['node', '/a b/bin.js', '--x', 'y z', '$(rm', '-rf', '/)']);
    expect(() => splitCommand('node "open')).toThrow(/unclosed/);
  });
});

describe('globs', () => {
  it('matches **, * and ? against /-separated paths', () => {
    const re = globToRegExp('packages/**/src/*.policy.?s');
    expect(re.test('packages/a/b/src/api.policy.ts')).toBe(true);
    expect(re.test('packages/src/api.policy.js')).toBe(true);
    expect(re.test('packages/a/src/sub/api.policy.ts')).toBe(false);
    expect(globToRegExp('a.(ts)').test('a.(ts)')).toBe(true);
  });
});

describe('policy-files', () => {
  afterAll(removeTemporaryDirs);

  it('expands globs over the files git knows, drops !exclusions, and refuses what selects nothing', async () => {
    const repo = await createPullRequestRepo({ 'p/a.policy.ts': 'a', 'p/b.policy.ts': 'b', 'p/deep/c.policy.json': 'c' }, { 'p/b.policy.ts': 'b2' });
    expect(expandPolicyFiles('p/**/*.policy.*\n!p/b.*', repo.dir)).toEqual(['p/a.policy.ts', 'p/deep/c.policy.json']);
    expect(expandPolicyFiles('./p/a.policy.ts p/a.policy.ts', repo.dir)).toEqual(['p/a.policy.ts']);
    expect(() => expandPolicyFiles('p/*.yaml', repo.dir)).toThrow('Input "policy-files": "p/*.yaml" matches no file');
    expect(() => expandPolicyFiles('p/missing.ts', repo.dir)).toThrow('"p/missing.ts" is not a file');
    expect(() => expandPolicyFiles('  ', repo.dir)).toThrow('Input "policy-files" is empty');
    expect(() => expandPolicyFiles('p/*.ts !p/*', repo.dir)).toThrow('selects no file');
  });

  it('says a checkout is missing instead of crashing outside git', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cors-action-nogit-'));
    try {
      expect(() => expandPolicyFiles('*.ts', dir)).toThrow(/is not in a git checkout \(run actions\/checkout first\)/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('locating a finding in the source', () => {
  const source = `// origins: in a comment
export const policy = definePolicy({
  routes: [
    { path: '/a', origins: ['https://a.example'] },
    {
      path: '/b',
      credentials: true,
    },
  ],
  origins: ['https://x.example',
    "http://y.example"],
});
`;
  it.each([
    [['origins', 1], { line: 11, col: 5 }],
    [['origins'], { line: 10, col: 3 }],
    [['routes', 1, 'credentials'], { line: 7, col: 7 }],
    [['routes', 0, 'origins', 0], { line: 4, col: 29 }],
    [['maxAge'], { line: 1, col: 1 }],
  ])('finds %j', (path, at) => {
    expect(locate(source, path)).toEqual(at);
  });
});

describe('the verdict', () => {
  const ok = { check: { errors: 0 }, diff: { failures: [], loosening: false }, site: { status: 'built' }, failOnLoosening: true, approvalLabel: 'ok', labels: [] };
  it('fails when a step did not run, never reading that as no errors', () => {
    expect(decide({ ...ok, check: undefined }).failures).toEqual(['`cors-policy check` did not run.']);
    expect(decide({ ...ok, diff: undefined }).pass).toBe(false);
    expect(decide(ok).pass).toBe(true);
  });
  it('names what a CLI exit code means', () => {
    expect(describeRunFailure({ code: 3, signal: null, timedOut: false, stdout: '', stderr: '' }, 10)).toBe('exited with code 3: a policy file could not be loaded');
    expect(describeRunFailure({ code: 4, signal: null, timedOut: false, stdout: '', stderr: '' }, 10)).toMatch(/did not finish/);
    expect(describeRunFailure({ code: 70, signal: null, timedOut: false, stdout: '', stderr: '' }, 10)).toMatch(/internal error/);
    expect(describeRunFailure({ code: 1, signal: null, timedOut: false, stdout: '', stderr: '' }, 10)).toBeUndefined();
  });
});

describe('the action scripts', () => {
  it('import only Node built-ins and each other: the action installs nothing', () => {
    const dir = fileURLToPath(new URL('../../../action/', import.meta.url));
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mjs'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    const specifiers = files.flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/^\s*import\b[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? ''));
    expect(specifiers.length).toBeGreaterThan(20);
    expect(specifiers.filter((s) => !s.startsWith('node:') && !s.startsWith('./') && !s.startsWith('../'))).toEqual([]);
  });
});
