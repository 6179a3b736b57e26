import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePolicy, CorsPolicyError, definePolicy, resolveCors, type PolicyInput } from '../src/index.js';
import { actualFacts } from './helpers.js';

type NodeEntry = typeof import('../src/node.js');
type Authoring = typeof import('../src/index.js');

const packageDir = join(import.meta.dirname, '..');
const input = {
  name: 'orders',
  origins: ['https://app.example.com'],
  environments: { staging: { origins: ['https://staging.example.com'] } },
} satisfies PolicyInput;
const bad = { name: 'bad', origins: ['*', 'https://app.example.com/'], credentials: true, methods: ['TRACE'] };
const compiled = (): unknown => JSON.parse(JSON.stringify(compilePolicy(definePolicy(input))));

/*
 * The Node entry loads the authoring build next to it (`./index.cjs`), so it is tested as built: both
 * formats, bundled as tsup bundles dist/, into a folder inside the package (zod and tldts resolve from
 * its node_modules). Never touches dist/, so it cannot race a parallel build.
 */
let outDir = '';
const builds: Record<'esm' | 'cjs', { node: NodeEntry; authoring: Authoring }> = {} as never;

beforeAll(async () => {
  outDir = mkdtempSync(join(packageDir, 'node_modules', '.cors-core-node-test-'));
  await build({
    entry: ['src/index.ts', 'src/runtime.ts', 'src/node.ts'].map((file) => join(packageDir, file)),
    format: ['esm', 'cjs'],
    outDir,
    target: 'es2022',
    platform: 'node',
    config: false,
    silent: true,
    external: ['zod', 'tldts'],
    esbuildOptions: (options) => void (options.logOverride = { 'empty-import-meta': 'silent' }),
  });
  writeFileSync(join(outDir, 'package.json'), '{ "type": "module" }');
  const require = createRequire(import.meta.url);
  builds.esm = { node: await import(pathToFileURL(join(outDir, 'node.js')).href), authoring: await import(pathToFileURL(join(outDir, 'index.js')).href) };
  builds.cjs = { node: require(join(outDir, 'node.cjs')) as NodeEntry, authoring: require(join(outDir, 'index.cjs')) as Authoring };
}, 60_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** What `fn` throws (fails the test when it returns). */
function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe.each(['esm', 'cjs'] as const)('loadPolicyInNode (%s build)', (format) => {
  const entry = () => builds[format].node;

  it('loads compiled data without the validator, deciding as the policy it was compiled from', () => {
    const policy = entry().loadPolicyInNode(compiled() as never);
    expect(resolveCors(policy, actualFacts('https://app.example.com'))).toStrictEqual(resolveCors(definePolicy(input), actualFacts('https://app.example.com')));
    expect(entry().loadPolicyInNode(compiled() as never, 'staging').environment).toBe('staging');
  });

  it('takes a loaded policy as it is, or switched to the environment asked for', () => {
    const loaded = definePolicy(input);
    expect(entry().loadPolicyInNode(loaded)).toBe(loaded);
    expect(resolveCors(entry().loadPolicyInNode(loaded, 'staging'), actualFacts('https://staging.example.com')).kind).toBe('actual-allowed');
  });

  it('validates raw input with the authoring build and applies the environment', () => {
    const policy = entry().loadPolicyInNode(input, 'staging');
    expect(policy.environment).toBe('staging');
    expect(resolveCors(policy, actualFacts('https://staging.example.com')).kind).toBe('actual-allowed');
  });

  it('throws CorsPolicyError at once on bad raw input, listing every issue', () => {
    const error = caught(() => entry().loadPolicyInNode(bad)) as CorsPolicyError;
    expect(error).toBeInstanceOf(CorsPolicyError);
    const codes = error.issues.map((issue) => issue.code);
    expect(codes).toEqual(expect.arrayContaining(['origins/wildcard-with-credentials', 'origins/wildcard-mixed', 'origins/not-an-origin', 'methods/forbidden']));
    for (const code of codes) expect(error.message).toContain(code);
  });

  it('refuses an unknown environment and malformed compiled data', () => {
    expect(caught(() => entry().loadPolicyInNode(input, 'qa'))).toBeInstanceOf(CorsPolicyError);
    const tampered = { ...(compiled() as object), format: 'cors-policy/compiled@99' };
    expect(() => entry().loadPolicyInNode(tampered as never)).toThrow(TypeError);
  });
});

describe('CorsPolicyError is recognised across copies of core', () => {
  const errorFrom = (copy: Authoring) => caught(() => copy.definePolicy(bad as never));

  it.each([
    ['esm', 'cjs'],
    ['cjs', 'esm'],
    ['esm', 'esm'],
    ['cjs', 'cjs'],
  ] as const)('an error from the %s build is an instance of the %s build’s class and of the source’s', (from, to) => {
    const error = errorFrom(builds[from].authoring);
    expect(builds[from].authoring.CorsPolicyError).not.toBe(CorsPolicyError);
    expect(error instanceof builds[to].authoring.CorsPolicyError).toBe(true);
    expect(error instanceof CorsPolicyError).toBe(true);
    expect(error instanceof Error).toBe(true);
  });

  it('is not claimed by look-alikes: an Error with issues, a plain object, null', () => {
    const lookAlike = Object.assign(new Error('CORS policy is invalid'), { name: 'CorsPolicyError', issues: [] });
    for (const copy of [builds.esm.authoring, builds.cjs.authoring]) {
      expect(lookAlike instanceof copy.CorsPolicyError).toBe(false);
      expect({ issues: [] } instanceof copy.CorsPolicyError).toBe(false);
      expect((null as unknown) instanceof copy.CorsPolicyError).toBe(false);
    }
  });

  it('leaves a subclass its own prototype check', () => {
    class StrictPolicyError extends CorsPolicyError {}
    expect(new CorsPolicyError('x', []) instanceof StrictPolicyError).toBe(false);
    expect(new StrictPolicyError('x', []) instanceof StrictPolicyError).toBe(true);
    expect(new StrictPolicyError('x', []) instanceof builds.cjs.authoring.CorsPolicyError).toBe(true);
  });
});

describe('what a Node service loads', () => {
  /**
   * Runs `script` (an ES module) in a fresh Node and returns every module it loaded: ES modules as
   * the loader resolved them (a resolve hook appends each URL to a log), CommonJS modules from
   * `require.cache`.
   */
  function loadedModules(script: string): string[] {
    const log = join(outDir, `loaded-${Math.random().toString(36).slice(2)}.log`);
    const hooks = `import { appendFileSync } from 'node:fs';
      export async function resolve(specifier, context, next) {
        const resolved = await next(specifier, context);
        appendFileSync(process.env.LOADED_MODULES_LOG, resolved.url + '\\n');
        return resolved;
      }`;
    const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
    const head = `import { createRequire as __cr } from 'node:module'; import { appendFileSync as __append } from 'node:fs';`;
    const tail = `__append(process.env.LOADED_MODULES_LOG, Object.keys(__cr(import.meta.url).cache).join('\\n') + '\\n');`;
    execFileSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, '--input-type=module', '-e', `${head}\n${script}\n${tail}`], {
      cwd: outDir,
      env: { ...process.env, LOADED_MODULES_LOG: log },
      stdio: 'pipe',
    });
    return readFileSync(log, 'utf8').split('\n').filter(Boolean);
  }
  const validator = (modules: string[]) => modules.filter((path) => /[/\\](zod|tldts|tldts-core)[/\\]/.test(path));

  it.each([
    ['ESM', `const { loadPolicyInNode } = await import('./node.js');`],
    ['CJS', `const { loadPolicyInNode } = __cr(import.meta.url)('./node.cjs');`],
  ])('with compiled data (%s): no zod, no public-suffix list', (_format, load) => {
    const modules = loadedModules(`${load}\nloadPolicyInNode(${JSON.stringify(compiled())});`);
    expect(modules.some((path) => /node\.c?js$/.test(path))).toBe(true);
    expect(validator(modules)).toEqual([]);
  });

  it.each([
    ['ESM', `const { loadPolicyInNode } = await import('./node.js');`],
    ['CJS', `const { loadPolicyInNode } = __cr(import.meta.url)('./node.cjs');`],
  ])('with raw input (%s): the validator, loaded at that moment', (_format, load) => {
    const modules = loadedModules(`${load}\nloadPolicyInNode(${JSON.stringify(input)});`);
    expect(validator(modules).some((path) => /[/\\]zod[/\\]/.test(path))).toBe(true);
  });

  it('sees the validator an ES module import loads (the probe works for both module systems)', () => {
    expect(validator(loadedModules(`await import('./index.js');`)).some((path) => path.startsWith('file:') && /[/\\]zod[/\\]/.test(path))).toBe(true);
  });

  it('imports nothing of authoring at run time from the source of the Node entry', () => {
    const source = readFileSync(join(packageDir, 'src', 'node.ts'), 'utf8');
    const runtimeImports = [...source.matchAll(/^import (?!type)[^;]*?from '([^']+)'/gm)].map((match) => match[1]);
    expect(runtimeImports).toEqual(['node:module', './runtime-policy.js']);
  });
});
