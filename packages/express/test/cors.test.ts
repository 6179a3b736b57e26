import { join } from 'node:path';
import { expectPolicyError, sendRequest, serveForTest, loadedModules, VALIDATOR } from '@org/cors-conformance';
import { compilePolicy, CorsPolicyError, definePolicy, loadCompiledPolicy, type PolicyInput } from '@org/cors-core';
import express, { type Express } from 'express';
import { describe, expect, it } from 'vitest';
import { cors } from '../src/index.js';

const api = {
  name: 'express-api',
  origins: ['https://myapp.com'],
  credentials: true,
  methods: ['GET', 'PUT'],
  allowHeaders: ['Content-Type'],
  routes: [{ path: '/api/public/**', origins: ['*'], credentials: false }],
  environments: { development: { origins: ['http://localhost:3000'] } },
} satisfies PolicyInput;

describe('cors (express)', () => {
  it('fails at boot on a bad policy, listing every issue', () => {
    const bad = { name: 'bad', origins: ['*', 'https://myapp.com/'], credentials: true, methods: ['TRACE'] };
    expectPolicyError(() => cors(bad), ['origins/wildcard-with-credentials', 'origins/wildcard-mixed', 'origins/not-an-origin', 'methods/forbidden']);
  });

  it('fails at boot on an environment the policy does not define', () => {
    expect(() => cors(api, { environment: 'staging' })).toThrow(CorsPolicyError);
  });

  it('applies route rules to the full path when mounted on a router', async () => {
    const router = express.Router();
    router.use(cors(api));
    router.get('/public/status', (_req, res) => res.send('up'));
    router.get('/items', (_req, res) => res.send('[]'));
    const app = express();
    app.use('/api', router);
    const url = await serveForTest(app);

    const publicStatus = await sendRequest(url, { method: 'GET', path: '/api/public/status', headers: { origin: 'https://anyone.example.net' } });
    expect(publicStatus.headers['access-control-allow-origin']).toBe('*');
    const items = await sendRequest(url, { method: 'GET', path: '/api/items', headers: { origin: 'https://anyone.example.net' } });
    expect(items.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers preflights for a mounted router before its routes, without an OPTIONS handler', async () => {
    const router = express.Router();
    router.use(cors(api));
    router.put('/items/:id', (_req, res) => res.json({ ok: true }));
    const app = express();
    app.use('/api', router);
    const url = await serveForTest(app);

    const preflight = await sendRequest(url, {
      method: 'OPTIONS',
      path: '/api/items/7',
      headers: { origin: 'https://myapp.com', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toContain('PUT');
    expect(preflight.body).toBe('');
  });

  it('accepts a loaded policy and an environment option', async () => {
    const app = express();
    app.use(cors(definePolicy(api), { environment: 'development' }));
    app.get('/api/items', (_req, res) => res.send('[]'));
    const url = await serveForTest(app);

    const local = await sendRequest(url, { method: 'GET', path: '/api/items', headers: { origin: 'http://localhost:3000' } });
    expect(local.headers['access-control-allow-origin']).toBe('http://localhost:3000');
  });

  it('appends to a Vary header set by earlier middleware', async () => {
    const app = express();
    app.use((_req, res, next) => {
      res.vary('Accept-Encoding');
      next();
    });
    app.use(cors(api));
    app.get('/api/items', (_req, res) => res.send('[]'));
    const url = await serveForTest(app);

    const response = await sendRequest(url, { method: 'GET', path: '/api/items', headers: { origin: 'https://myapp.com' } });
    expect(response.headers.vary).toBe('Accept-Encoding, Origin');
  });

  it('keeps Origin in Vary and the origin-specific Allow-Origin when a route replaces Vary with res.set', async () => {
    const app = express();
    app.use(cors(api));
    app.get('/api/items', (_req, res) => {
      res.set('Vary', 'Accept-Encoding');
      res.json([]);
    });
    const url = await serveForTest(app);

    const response = await sendRequest(url, { method: 'GET', path: '/api/items', headers: { origin: 'https://myapp.com' } });
    expect(response.headers['access-control-allow-origin']).toBe('https://myapp.com');
    expect(response.headers.vary).toBe('Accept-Encoding, Origin');
  });
});

describe('cors (express) with compiled policies', () => {
  const compiledJson = () => JSON.parse(JSON.stringify(compilePolicy(definePolicy(api)))) as unknown as ReturnType<typeof compilePolicy>;
  async function origins(app: Express): Promise<Array<string | undefined>> {
    app.get('/api/items', (_req, res) => res.send('[]'));
    const url = await serveForTest(app);
    const ask = async (origin: string) => (await sendRequest(url, { method: 'GET', path: '/api/items', headers: { origin } })).headers['access-control-allow-origin'] as string | undefined;
    return [await ask('https://myapp.com'), await ask('http://localhost:3000')];
  }

  it('enforces a policy from loadCompiledPolicy', async () => {
    const app = express();
    app.use(cors(loadCompiledPolicy(compiledJson())));
    expect(await origins(app)).toEqual(['https://myapp.com', undefined]);
  });

  it('enforces compiled data as plain JSON, in the environment asked for', async () => {
    const app = express();
    app.use(cors(compiledJson(), { environment: 'development' }));
    expect(await origins(app)).toEqual(['https://myapp.com', 'http://localhost:3000']);
  });

  it('refuses malformed compiled data at boot with a TypeError naming the field', () => {
    expect(() => cors({ ...compiledJson(), base: {} } as never)).toThrow(/base\.rules/);
  });

  it('never loads the validator in a fresh Node given compiled data; raw input loads it', async () => {
    const run = (policy: unknown) => loadedModules(join(import.meta.dirname, '..'), (adapter) => `const { cors } = await import(${JSON.stringify(adapter)});\ncors(${JSON.stringify(policy)});`);
    const compiled = await run(compiledJson());
    expect(compiled.some((path) => /core\/dist\/node\.js$/.test(path))).toBe(true);
    expect(compiled.filter((path) => VALIDATOR.test(path))).toEqual([]);
    expect((await run(api)).some((path) => /[/\\]zod[/\\]/.test(path))).toBe(true);
  }, 60_000);
});
