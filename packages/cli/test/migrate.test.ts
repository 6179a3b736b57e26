import { requestFacts, resolveCors } from '@org/cors-core';
import type { CorsPolicy } from '@org/cors-core';
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicyFile } from '@org/cors-loader';
import { fixtures, runCli } from './run-cli.js';

const require = createRequire(import.meta.url);
type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
const cors = require('cors') as (options: unknown) => Middleware;
const koaCors = require('@koa/cors') as (options: unknown) => unknown;
const Koa = require('koa') as new () => { use(mw: unknown): unknown; callback(): (req: IncomingMessage, res: ServerResponse) => void };

const migrateDir = join(fixtures, 'migrate');
let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cors-migrate-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** Migrates a fixture into the work folder; returns the CLI result and the written file. */
async function migrate(file: string, ...args: string[]) {
  const out = join(work, `${file.replace(/\W+/g, '-')}-${args.join('-').replace(/\W+/g, '-')}.policy.ts`);
  const result = await runCli(['migrate', file, '--out', out, ...args], { cwd: migrateDir });
  return { ...result, out, source: result.code === 2 ? '' : await readFile(out, 'utf8') };
}

interface Probe {
  readonly method: string;
  readonly origin: string;
  readonly requestMethod?: string;
  readonly requestHeaders?: string;
  readonly credentials: boolean;
}

type Headers = Record<string, string | undefined>;

/** Sends one request to a real server running the other library. */
function send(server: Server, probe: Probe): Promise<{ status: number; headers: Headers }> {
  const { port } = server.address() as AddressInfo;
  const headers: Record<string, string> = { origin: probe.origin };
  if (probe.requestMethod !== undefined) headers['access-control-request-method'] = probe.requestMethod;
  if (probe.requestHeaders !== undefined) headers['access-control-request-headers'] = probe.requestHeaders;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: probe.method, path: '/api/items', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers as Headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** What our policy answers to the same request. */
function ours(policy: CorsPolicy, probe: Probe): { status: number | undefined; headers: Headers } {
  const facts = requestFacts(probe.method, '/api/items', (name) =>
    name === 'origin' ? probe.origin : name === 'access-control-request-method' ? probe.requestMethod : name === 'access-control-request-headers' ? probe.requestHeaders : undefined,
  );
  const decision = resolveCors(policy, facts);
  return {
    status: 'status' in decision ? decision.status : undefined,
    headers: Object.fromEntries(decision.headers.map(([n, v]) => [n.toLowerCase(), v])),
  };
}

/** The Fetch standard's CORS check, as a browser applies it to the response headers. */
function browserAllows(headers: Headers, probe: Probe): boolean {
  if (headers['access-control-allow-origin'] !== probe.origin && !(headers['access-control-allow-origin'] === '*' && !probe.credentials)) return false;
  if (probe.credentials && headers['access-control-allow-credentials'] !== 'true') return false;
  if (probe.requestMethod === undefined) return true;
  const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const safelisted = ['get', 'head', 'post'].includes(probe.requestMethod.toLowerCase());
  if (!safelisted && !list(headers['access-control-allow-methods']).includes(probe.requestMethod.toLowerCase())) return false;
  return list(probe.requestHeaders).every((h) => list(headers['access-control-allow-headers']).includes(h));
}

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer(handler);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function loadDefault(file: string): Promise<CorsPolicy> {
  const [found] = (await loadPolicyFile(file)).policies;
  if (found === undefined || !found.ok) throw new Error(`${file} did not load: ${JSON.stringify(found?.issues)}`);
  return found.policy;
}

const probes = (allowed: string, other: string): Probe[] => [
  { method: 'GET', origin: allowed, credentials: true },
  { method: 'GET', origin: allowed, credentials: false },
  { method: 'OPTIONS', origin: allowed, requestMethod: 'PUT', requestHeaders: 'content-type', credentials: true },
  { method: 'OPTIONS', origin: allowed, requestMethod: 'POST', requestHeaders: 'content-type', credentials: true },
  { method: 'GET', origin: other, credentials: true },
  { method: 'OPTIONS', origin: other, requestMethod: 'PUT', requestHeaders: 'content-type', credentials: true },
];

describe('cors-policy migrate', () => {
  describe('from cors (Express)', () => {
    let server: Server;
    const options = () => readFile(join(migrateDir, 'cors-options.json'), 'utf8').then((t) => JSON.parse(t) as unknown);
    beforeAll(async () => {
      const middleware = cors(await options());
      server = await listen((req, res) => middleware(req, res, () => res.end('ok')));
    });
    afterAll(() => new Promise<void>((done) => server.close(() => done())));

    it('writes a policy that loads and passes check (exit 0)', async () => {
      const result = await migrate('cors-options.json', '--from', 'cors', '--name', 'shop-api');
      expect(result.code).toBe(0);
      expect(result.source).toContain("export default definePolicy({\n  name: 'shop-api',");
      expect(result.stderr).toContain('OPTIONS dropped');
      expect((await runCli(['check', result.out])).code).toBe(0);
    });

    it('answers like the cors package for the listed origins and refuses the others', async () => {
      const { out } = await migrate('cors-options.json', '--from', 'cors');
      const policy = await loadDefault(out);
      for (const probe of probes('https://admin.myapp.com', 'https://evil.example')) {
        const theirs = await send(server, probe);
        const mine = ours(policy, probe);
        const label = JSON.stringify(probe);
        expect(browserAllows(mine.headers, probe), label).toBe(browserAllows(theirs.headers, probe));
        if (browserAllows(theirs.headers, probe)) {
          for (const name of ['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-max-age', 'access-control-expose-headers']) {
            if (probe.method === 'OPTIONS' && name === 'access-control-expose-headers') continue;
            expect(mine.headers[name], `${label} ${name}`).toBe(theirs.headers[name]);
          }
          if (probe.method === 'OPTIONS') expect(mine.status, label).toBe(theirs.status); // optionsSuccessStatus 200 → successStatus 200
        }
      }
    });
  });

  describe('from @koa/cors', () => {
    let server: Server;
    beforeAll(async () => {
      const app = new Koa();
      app.use(koaCors(JSON.parse(await readFile(join(migrateDir, 'koa-static.json'), 'utf8'))));
      app.use((ctx: { body: string }) => {
        ctx.body = 'ok';
      });
      server = await listen(app.callback());
    });
    afterAll(() => new Promise<void>((done) => server.close(() => done())));

    it('answers like @koa/cors for its fixed origin and refuses the others', async () => {
      const result = await migrate('koa-static.json', '--from', 'koa');
      expect(result.code).toBe(0);
      const policy = await loadDefault(result.out);
      for (const probe of probes('https://myapp.com', 'https://evil.example')) {
        const theirs = await send(server, probe);
        const mine = ours(policy, probe);
        expect(browserAllows(mine.headers, probe), JSON.stringify(probe)).toBe(browserAllows(theirs.headers, probe));
      }
    });

    it('refuses to guess a computed origin, maps privateNetworkAccess and reports what is not CORS', async () => {
      const result = await migrate('koa-options.cjs', '--from', 'koa');
      expect(result.code).toBe(1);
      expect(result.source).toMatch(/\/\/ TODO\(cors-policy migrate\): A function decides origins .*\n {2}origins: \[\],/);
      expect(result.source).toContain('privateNetwork: true,');
      expect(result.source).toContain('maxAge: 3600,');
      expect(result.stderr).toMatch(/^error {3}origin: A function decides origins/m);
      expect(result.stderr).toMatch(/^warning secureContext: .*not CORS/m);
      expect(result.stderr).toMatch(/^warning privateNetworkAccess: .*deprecated/m);
      expect(result.stderr).toContain('origins/empty');
    });

    it('treats `*` with credentials as the reflection it is in @koa/cors (error)', async () => {
      const result = await migrate('koa-wildcard-credentials.mjs', '--from', 'koa');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('CVE-2023-49803');
      expect(result.source).not.toContain("origins: ['*']");
    });
  });

  describe('from Nest enableCors', () => {
    it('keeps string origins, reports RegExp origins with a pattern suggestion and maps preflightContinue', async () => {
      const result = await migrate('nest-options.ts', '--from', 'nest', '--name', 'shop-api');
      expect(result.code).toBe(1);
      expect(result.source).toContain("origins: ['https://myapp.com'],");
      expect(result.source).toContain('continueToApp: true,');
      expect(result.stderr).toContain("RegExp /\\.myapp\\.com$/ cannot be migrated");
      expect(result.stderr).toContain("write 'https://*.myapp.com'");
      expect(result.stderr).toContain('not anchored at both ends');
    });
  });

  it('refuses reflected origins (`origin: true`) with a TODO instead of trusting everyone', async () => {
    const result = await migrate('reflect-options.json', '--from', 'cors');
    expect(result.code).toBe(1);
    expect(result.source).toContain('origins: [],');
    expect(result.stderr).toContain('`origin: true` reflects every request origin');
    expect(result.stderr).toMatch(/^warning allowedHeaders: Not set/m);
  });

  it('prints the policy to stdout without --out, and refuses to overwrite without --force', async () => {
    const stdout = await runCli(['migrate', 'cors-options.json', '--from', 'cors'], { cwd: migrateDir });
    expect(stdout.code).toBe(0);
    expect(stdout.stdout).toMatch(/^import \{ definePolicy \} from '@org\/cors-core';/);
    const target = join(work, 'existing.policy.ts');
    await writeFile(target, '// keep me\n');
    const refused = await runCli(['migrate', 'cors-options.json', '--from', 'cors', '--out', target], { cwd: migrateDir });
    expect(refused.code).toBe(2);
    expect(await readFile(target, 'utf8')).toBe('// keep me\n');
    expect((await runCli(['migrate', 'cors-options.json', '--from', 'cors', '--out', target, '--force'], { cwd: migrateDir })).code).toBe(0);
  });

  it('exits 2 without --from or with an unknown one', async () => {
    expect((await runCli(['migrate', 'cors-options.json'], { cwd: migrateDir })).code).toBe(2);
    expect((await runCli(['migrate', 'cors-options.json', '--from', 'hono'], { cwd: migrateDir })).code).toBe(2);
  });
});
