import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, send, varyNames } from './support/http.js';
import { packWorkspacePackages } from './support/pack.js';
import { run } from './support/run.js';
import { startServer, type ServerProcess } from './support/server-process.js';
import { extractTarball, listFiles, unresolvedMapSources } from './support/tarball.js';

/** Every package published to npm: one line per package. */
const PUBLISHED = [
  '@org/cors-core',
  '@org/cors-express',
  '@org/cors-koa',
  '@org/cors-nest',
  '@org/cors-next',
  '@org/cors-fetch',
  '@org/cors-cli',
  '@org/cors-loader',
  '@org/cors-report',
  '@org/cors-source-sqlite',
  '@org/cors-source-postgres',
] as const;

const REPOSITORY = 'https://github.com/org/cors-policy-as-code';
/** What a service installs beside the tarballs (npm adds the adapters' other peers); TypeScript because `next build` type-checks. */
const REGISTRY_PACKAGES = [
  'express@5.3.0',
  'koa@3.3.0',
  '@nestjs/platform-express@12.5.1',
  'reflect-metadata@0.2.2',
  'next@16.4.6',
  'react@19.3.1',
  'react-dom@19.3.1',
  'typescript@6.0.3',
  '@types/react@19.3.0',
  '@types/node@20.19.43',
];
const SHOP = 'https://shop.acme.example';
const POLICY_NAME = 'acme-orders-api';

const here = dirname(fileURLToPath(import.meta.url));
const workspaceRoot = resolve(here, '../../..');
const exampleDir = join(workspaceRoot, 'examples/shared-policies');
const serviceFixture = resolve(here, '../fixtures/service');
const buildTimeFixture = resolve(here, '../fixtures/build-time-app');

// npm must see the user's npm config, not the variables pnpm and turbo export to scripts.
const env: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|pnpm_)/i.test(key))),
  NEXT_TELEMETRY_DISABLED: '1',
};

let tmp = '';
let service = '';
let tarballs = new Map<string, string>();
let sharedTarball = '';
const servers: ServerProcess[] = [];

beforeAll(async () => {
  // Outside the workspace: no node_modules of this repository can be found from here.
  tmp = await mkdtemp(join(tmpdir(), 'cors-artifacts-'));
  const tarballDir = join(tmp, 'tarballs');
  await mkdir(tarballDir);
  tarballs = await packWorkspacePackages(workspaceRoot, PUBLISHED, tarballDir);

  // The organisation's policy package, published on its own (here: packed with npm).
  const shared = join(tmp, 'acme-cors-policies');
  await cp(exampleDir, shared, { recursive: true, filter: (src) => !/node_modules|\.tgz$/.test(src) });
  const schema = await run('node', [join(workspaceRoot, 'packages/cli/dist/bin.js'), 'schema'], { cwd: shared, env });
  await writeFile(join(shared, 'cors.policy.schema.json'), schema.stdout);
  const packed = await run('npm', ['pack', '--ignore-scripts', '--pack-destination', tarballDir], { cwd: shared, env });
  sharedTarball = join(tarballDir, packed.stdout.trim().split('\n').at(-1)!);

  service = join(tmp, 'service');
  await cp(serviceFixture, service, { recursive: true });
  // Every version is pinned: cached registry metadata is good enough, and reruns skip the round trips.
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs.values(), sharedTarball, ...REGISTRY_PACKAGES], { cwd: service, env });
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  if (tmp !== '') await rm(tmp, { recursive: true, force: true });
});

describe('the published package list', () => {
  it('names every non-private package in packages/*, each a devDependency so turbo builds it first', async () => {
    const published = (await workspaceManifests()).filter((m) => m.private !== true).map((m) => m.name);
    expect(published.sort()).toEqual([...PUBLISHED].sort());

    const own = await readJson(resolve(here, '../package.json'));
    for (const name of PUBLISHED) expect(own.devDependencies?.[name], name).toBe('workspace:*');
  });
});

describe.each(PUBLISHED)('the %s tarball', (name) => {
  let root = '';
  beforeAll(async () => {
    root = await extractTarball(tarballs.get(name)!, join(tmp, 'extracted', name));
  });

  it('carries the metadata npm shows and the LICENSE it names', async () => {
    const manifest = await readJson(join(root, 'package.json'));
    const dir = name.replace('@org/cors-', '');
    expect(manifest.license).toBe('MIT');
    expect(manifest.engines?.node).toBe('>=20.19');
    expect(manifest.repository).toEqual({ type: 'git', url: `git+${REPOSITORY}.git`, directory: `packages/${dir}` });
    expect(manifest.homepage).toMatch(new RegExp(`^${REPOSITORY}/`));
    expect(manifest.bugs).toEqual({ url: `${REPOSITORY}/issues` });
    expect(manifest.keywords?.length).toBeGreaterThan(0);
    expect(manifest.files).toContain('LICENSE');
    expect(await readFile(join(root, 'LICENSE'), 'utf8')).toContain('Copyright (c) 2026 the cors-policy-as-code authors');
  });

  it('depends on other @org packages by caret range, never by workspace: or an exact pin', async () => {
    const manifest = await readJson(join(root, 'package.json'));
    const ranges = { ...manifest.dependencies, ...manifest.peerDependencies };
    expect(JSON.stringify(manifest)).not.toContain('workspace:');
    const versions = new Map((await workspaceManifests()).map((m) => [m.name, m.version]));
    for (const [dep, range] of Object.entries(ranges).filter(([dep]) => dep.startsWith('@org/'))) {
      expect(versions.has(dep), dep).toBe(true);
      expect(range, dep).toBe(`^${versions.get(dep)}`);
    }
  });

  it('has a README whose links work on npm (absolute, no ../ paths)', async () => {
    const readme = await readFile(join(root, 'README.md'), 'utf8');
    const relative = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((href) => !/^(https?:|mailto:|#)/.test(href));
    expect(relative).toEqual([]);
  });

  it('links its code to the canonical repository, never to a bare docs/ path or another repository', async () => {
    const code = (await listFiles(root)).filter((file) => /^(dist|src)\/.*\.(c?js|d\.c?ts|ts)$/.test(file));
    const wrong: string[] = [];
    for (const file of code) {
      const text = await readFile(join(root, file), 'utf8');
      for (const [url] of text.matchAll(/https?:\/\/github\.com\/org\/[^\s)'"`]*/g)) if (!/^[/.#]/.test(url.slice(REPOSITORY.length)) || !url.startsWith(REPOSITORY)) wrong.push(`${file}: ${url}`);
      for (const [path] of text.matchAll(/(?<![\w/.-])docs\/[\w/.-]+\.md/g)) wrong.push(`${file}: ${path}`);
    }
    expect(wrong).toEqual([]);
  });

  it('ships every source a shipped .map points at (or ships no map)', async () => {
    expect(await unresolvedMapSources(root)).toEqual([]);
  });
});

describe('a service installed from the tarballs, outside the repository', () => {
  it.each([
    ['Express', 'express-server.mjs', 'typed'],
    ['Express', 'express-server.mjs', 'json'],
    ['Koa', 'koa-server.mjs', 'typed'],
    ['Koa', 'koa-server.mjs', 'json'],
    ['NestJS', 'nest-server.mjs', 'typed'],
    ['NestJS', 'nest-server.mjs', 'json'],
  ])('enforces the shared policy in %s (%s, %s form) over real HTTP', async (_host, file, form) => {
    const { server, match } = await startServer('node', [file, form], {
      cwd: service, env, ready: /\{"port":(\d+)\}/, timeoutMs: 60_000,
    });
    servers.push(server);
    await expectPolicyEnforced(Number(match[1]), '/api/orders');
  });

  it('builds and serves a Next.js app whose proxy.ts (typed form) and route (JSON form) use the shared policy', async () => {
    const next = join(service, 'node_modules/next/dist/bin/next');
    await run('node', [next, 'build'], { cwd: service, env });
    const port = await freePort();
    const { server } = await startServer('node', [next, 'start', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: service, env, ready: /Ready in/, timeoutMs: 60_000,
    });
    servers.push(server);
    await expectPolicyEnforced(port, '/api/orders');
    await expectPolicyEnforced(port, '/json-api/orders');
  });

  it('checks the shared policy with the cors-policy bin, and ships the schema its $schema names', async () => {
    const check = await run('npx', ['--no-install', 'cors-policy', 'check', 'node_modules/@acme/cors-policies/cors.policy.json'], {
      cwd: service, env, check: false,
    });
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    expect(check.stdout.split('\n').some((line) => line.includes(POLICY_NAME))).toBe(true);

    const policy = await readJson(join(service, 'node_modules/@acme/cors-policies/cors.policy.json'));
    const schema = await run('npx', ['--no-install', 'cors-policy', 'schema'], { cwd: service, env });
    const shipped = await readFile(join(service, 'node_modules/@acme/cors-policies', String(policy.$schema)), 'utf8');
    expect(JSON.parse(shipped)).toEqual(JSON.parse(schema.stdout));
  });

  it.each([
    ['require (CommonJS)', 'require-check.cjs'],
    ['import (ESM)', 'import-check.mjs'],
  ])('loads core, an adapter and the shared policy with %s', async (_label, file) => {
    const { stdout } = await run('node', [file], { cwd: service, env });
    expect(JSON.parse(stdout)).toEqual({ definePolicy: 'function', isCorsPolicy: true, middleware: 'function', name: POLICY_NAME });
  });
});

describe('the origin-source providers installed from their tarballs', () => {
  it.each([
    ['import (ESM)', `Promise.all(['@org/cors-source-sqlite', '@org/cors-source-postgres'].map((name) => import(name)))`],
    ['require (CommonJS)', `Promise.resolve(['@org/cors-source-sqlite', '@org/cors-source-postgres'].map((name) => require(name)))`],
  ])('load with %s without their database drivers (the application passes its own)', async (_label, load) => {
    const script = `${load}.then((mods) => console.log(JSON.stringify(mods.map((m) => Object.keys(m).sort()))))`;
    const { stdout } = await run('node', ['-e', script], { cwd: service, env });
    expect(JSON.parse(stdout)).toEqual([
      ['addOrigin', 'createOriginTable', 'removeOrigin', 'sqliteOriginSource'],
      ['addOrigin', 'postgresOriginSource', 'removeOrigin', 'setupOriginTable'],
    ]);
    // Optional peers: npm installs no driver the application did not ask for.
    for (const driver of ['better-sqlite3', 'pg']) expect(existsSync(join(service, 'node_modules', driver)), driver).toBe(false);
  });
});

describe('a service enforcing the shared policy compiled by the cors-policy bin', () => {
  it.each([
    ['ESM', 'orders.compiled.mjs', 'compiled-server.mjs'],
    ['CommonJS', 'orders.compiled.cjs', 'compiled-server.cjs'],
  ])('answers preflights from @org/cors-core/runtime and the compiled module (%s)', async (_label, compiled, file) => {
    const compile = ['--no-install', 'cors-policy', 'compile', '@acme/cors-policies', '--out', `compiled/${compiled}`];
    const result = await run('npx', compile, { cwd: service, env });
    expect(result.stdout).toContain(`ordersPolicy (${POLICY_NAME})`);
    const text = await readFile(join(service, 'compiled', compiled), 'utf8');
    // The header names the package version it was compiled from.
    expect(text).toContain('Sources: @acme/cors-policies (@acme/cors-policies@1.2.0, index.cjs).');
    // What CI runs: the file just written is current.
    expect((await run('npx', [...compile, '--check'], { cwd: service, env, check: false })).code).toBe(0);

    const { server, match } = await startServer('node', [file], { cwd: service, env, ready: /\{"port":(\d+)[,}].*\n/, timeoutMs: 60_000 });
    servers.push(server);
    if (file.endsWith('.cjs')) expect(JSON.parse(match[0]!)).toMatchObject({ validatorLoaded: false });
    await expectPolicyEnforced(Number(match[1]), '/api/orders');
  });
});

describe('build-time validation: a Next.js app whose build compiles its policy before next build', () => {
  let app = '';
  let policySource = '';
  beforeAll(async () => {
    app = join(tmp, 'edge-app');
    await cp(buildTimeFixture, app, { recursive: true });
    policySource = await readFile(join(app, 'cors.policy.ts'), 'utf8');
    const needed = ['@org/cors-core', '@org/cors-next', '@org/cors-fetch', '@org/cors-cli', '@org/cors-loader', '@org/cors-report'].map((name) => tarballs.get(name)!);
    const registry = REGISTRY_PACKAGES.filter((spec) => /^(next|react|react-dom|typescript|@types\/react|@types\/node)@/.test(spec));
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...needed, ...registry], { cwd: app, env });
  });

  it('builds, and its Edge middleware carries only the compiled data and the runtime', async () => {
    const build = await run('npm', ['run', 'build'], { cwd: app, env });
    expect(build.stdout).toContain('Wrote cors.compiled.ts (1 policy)');

    const manifest = JSON.parse(await readFile(join(app, '.next/server/middleware-manifest.json'), 'utf8')) as {
      middleware: Record<string, { files: string[] }>;
    };
    const files = manifest.middleware['/']?.files ?? [];
    const bundle = (await Promise.all(files.map((file) => readFile(join(app, '.next', file), 'utf8')))).join('\n');
    expect(bundle).toContain('cors-policy/compiled@2');
    expect(bundle).toContain('https://shop.acme.example');
    // No validator (zod), no public-suffix list (tldts), no lint rules.
    for (const marker of ['ZodError', 'blogspot', 'origins/wildcard-with-credentials']) expect(bundle, marker).not.toContain(marker);

    const port = await freePort();
    const next = join(app, 'node_modules/next/dist/bin/next');
    const { server } = await startServer('node', [next, 'start', '-p', String(port), '-H', '127.0.0.1'], { cwd: app, env, ready: /Ready in/, timeoutMs: 60_000 });
    servers.push(server);
    await expectPolicyEnforced(port, '/api/hello');
  });

  it('fails the build with the lint report, before next build runs, when the policy only middleware.ts uses is invalid', async () => {
    const compiled = join(app, 'cors.compiled.ts');
    const before = await readFile(compiled, 'utf8');
    await writeFile(join(app, 'cors.policy.ts'), policySource.replace("origins: ['https://shop.acme.example']", "origins: ['*']"));
    const build = await run('npm', ['run', 'build'], { cwd: app, env, check: false });
    const output = build.stdout + build.stderr;
    expect(build.code).not.toBe(0);
    expect(output).toContain('origins/wildcard-with-credentials');
    expect(output).toContain('cors-policy compile: nothing written');
    expect(output).not.toContain('Creating an optimized production build');
    expect(await readFile(compiled, 'utf8')).toBe(before);
  });
});

/** Allowed preflight → 204 with the exact origin; allowed GET → that origin; refused GET → no ACAO; Vary: Origin on all. */
async function expectPolicyEnforced(port: number, path: string): Promise<void> {
  const preflight = await send(port, {
    method: 'OPTIONS', path,
    headers: { origin: SHOP, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' },
  });
  expect(preflight.status, `preflight ${path}`).toBe(204);
  expect(preflight.headers['access-control-allow-origin']).toBe(SHOP);
  expect(preflight.headers['access-control-allow-credentials']).toBe('true');
  expect(varyNames(preflight)).toContain('origin');

  const allowed = await send(port, { method: 'GET', path, headers: { origin: SHOP } });
  expect(allowed.status, `GET ${path}`).toBe(200);
  expect(allowed.headers['access-control-allow-origin']).toBe(SHOP);
  expect(varyNames(allowed)).toContain('origin');

  const refused = await send(port, { method: 'GET', path, headers: { origin: 'https://evil.example' } });
  expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  expect(refused.headers['access-control-allow-credentials']).toBeUndefined();
  expect(varyNames(refused)).toContain('origin');
}

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  engines?: Record<string, string>;
  repository?: unknown;
  homepage?: string;
  bugs?: unknown;
  keywords?: string[];
  files?: string[];
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  $schema?: string;
}

async function readJson(path: string): Promise<Manifest> {
  return JSON.parse(await readFile(path, 'utf8')) as Manifest;
}

/** The manifests of packages/* (folders without one are skipped). */
async function workspaceManifests(): Promise<Manifest[]> {
  const dirs = await readdir(join(workspaceRoot, 'packages'));
  const manifests = await Promise.all(dirs.map((dir) => readJson(join(workspaceRoot, 'packages', dir, 'package.json')).catch(() => null)));
  return manifests.filter((m): m is Manifest => m !== null);
}
