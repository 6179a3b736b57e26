import { join } from 'node:path';
import { expectPolicyError, sendRequest, serveForTest, loadedModules, VALIDATOR } from '@org/cors-conformance';
import { compilePolicy, definePolicy, loadCompiledPolicy, type PolicyInput } from '@org/cors-core';
import Koa from 'koa';
import { describe, expect, it } from 'vitest';
import { cors } from '../src/index.js';

const api = {
  name: 'koa-api',
  origins: ['https://myapp.com'],
  credentials: true,
  methods: ['GET', 'PUT'],
  allowHeaders: ['Content-Type'],
  preflight: { successStatus: 200 },
  environments: { development: { origins: ['http://localhost:3000'] } },
} satisfies PolicyInput;

function serve(...middleware: Koa.Middleware[]): Promise<string> {
  const app = new Koa();
  app.silent = true;
  for (const fn of middleware) app.use(fn);
  return serveForTest(app.callback());
}

const fromMyApp = { origin: 'https://myapp.com' };

describe('cors (koa)', () => {
  it('fails at boot on a bad policy, listing every issue', () => {
    const bad = { name: 'bad', origins: ['null', 'https://*.com'], credentials: true, maxAge: -1 };
    expectPolicyError(() => cors(bad), ['origins/null', 'patterns/public-suffix', 'max-age/invalid']);
  });

  it('answers an allowed preflight with the configured 200 and an empty body', async () => {
    const url = await serve(cors(api));
    const response = await sendRequest(url, {
      method: 'OPTIONS',
      path: '/api/items/1',
      headers: { ...fromMyApp, 'access-control-request-method': 'PUT' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
    expect(response.headers['access-control-allow-origin']).toBe('https://myapp.com');
  });

  it('keeps the status and headers of an http error next to the CORS headers', async () => {
    const url = await serve(cors(api), (ctx) => {
      ctx.throw(401, 'sign in', { headers: { 'WWW-Authenticate': 'Bearer', Vary: 'Authorization' } });
    });
    const response = await sendRequest(url, { method: 'GET', path: '/api/items', headers: fromMyApp });
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.headers['access-control-allow-origin']).toBe('https://myapp.com');
    expect(response.headers.vary).toBe('Authorization, Origin');
  });

  const frozenError = Object.freeze(Object.assign(new Error('frozen'), { status: 409, expose: true }));
  it.each([
    ['an Error', new Error('boom'), 500, 'Internal Server Error'],
    ['a string', 'plain string', 500, 'Internal Server Error'],
    ['a number', 42, 500, 'Internal Server Error'],
    ['null', null, 500, 'Internal Server Error'],
    ['undefined', undefined, 500, 'Internal Server Error'],
    ['a frozen object', Object.freeze({ reason: 'nope' }), 500, 'Internal Server Error'],
    ['a frozen Error with a status', frozenError, 409, 'frozen'],
  ])('keeps the CORS headers and Vary on the error response when a downstream middleware throws %s', async (_kind, thrown, status, body) => {
    const url = await serve(cors(api), (ctx) => {
      ctx.set('Vary', 'Accept-Encoding');
      throw thrown;
    });
    const response = await sendRequest(url, { method: 'GET', path: '/api/items', headers: fromMyApp });
    expect(response.status).toBe(status);
    expect(response.body).toBe(body);
    expect(response.headers['access-control-allow-origin']).toBe('https://myapp.com');
    expect(response.headers['access-control-allow-credentials']).toBe('true');
    expect(response.headers.vary).toMatch(/\bOrigin\b/);
  });

  it('hands the app the thrown non-error wrapped as Koa wraps it, and a frozen error with its cause', async () => {
    const seen: unknown[] = [];
    const app = new Koa();
    app.on('error', (error: unknown) => seen.push(error));
    app.use(cors(api));
    app.use((ctx) => {
      throw ctx.get('x-throw') === 'frozen' ? frozenError : { reason: 'nope' };
    });
    const url = await serveForTest(app.callback());
    await sendRequest(url, { method: 'GET', path: '/', headers: fromMyApp });
    await sendRequest(url, { method: 'GET', path: '/', headers: { ...fromMyApp, 'x-throw': 'frozen' } });
    expect(seen.map((error) => (error as Error).message)).toEqual(['non-error thrown: {"reason":"nope"}', 'frozen']);
    expect((seen[1] as Error).cause).toBe(frozenError);
  });

  it('keeps Origin in Vary and the origin-specific Allow-Origin when a later middleware replaces Vary with ctx.set', async () => {
    const url = await serve(cors(api), (ctx) => {
      ctx.set('Vary', 'Accept-Encoding');
      ctx.body = [];
    });
    const response = await sendRequest(url, { method: 'GET', path: '/api/items', headers: fromMyApp });
    expect(response.headers['access-control-allow-origin']).toBe('https://myapp.com');
    expect(response.headers.vary).toBe('Accept-Encoding, Origin');
  });

  it('accepts a loaded policy and an environment option', async () => {
    const url = await serve(cors(definePolicy(api), { environment: 'development' }), (ctx) => {
      ctx.body = [];
    });
    const response = await sendRequest(url, { method: 'GET', path: '/api/items', headers: { origin: 'http://localhost:3000' } });
    expect(response.headers['access-control-allow-origin']).toBe('http://localhost:3000');
  });

  it('appends to a Vary header set by earlier middleware', async () => {
    const url = await serve(
      async (ctx, next) => {
        ctx.vary('Accept-Encoding');
        await next();
      },
      cors(api),
      (ctx) => {
        ctx.body = [];
      },
    );
    const response = await sendRequest(url, { method: 'GET', path: '/api/items', headers: fromMyApp });
    expect(response.headers.vary).toBe('Accept-Encoding, Origin');
  });
});

describe('cors (koa) with compiled policies', () => {
  const compiledJson = () => JSON.parse(JSON.stringify(compilePolicy(definePolicy(api)))) as unknown as ReturnType<typeof compilePolicy>;
  async function allowed(middleware: Koa.Middleware): Promise<Array<string | undefined>> {
    const url = await serve(middleware, (ctx) => {
      ctx.body = [];
    });
    const ask = async (origin: string) => (await sendRequest(url, { method: 'GET', path: '/api/items', headers: { origin } })).headers['access-control-allow-origin'] as string | undefined;
    return [await ask('https://myapp.com'), await ask('http://localhost:3000')];
  }

  it('enforces a policy from loadCompiledPolicy', async () => {
    expect(await allowed(cors(loadCompiledPolicy(compiledJson())))).toEqual(['https://myapp.com', undefined]);
  });

  it('enforces compiled data as plain JSON, in the environment asked for', async () => {
    expect(await allowed(cors(compiledJson(), { environment: 'development' }))).toEqual(['https://myapp.com', 'http://localhost:3000']);
  });

  it('never loads the validator in a fresh Node given compiled data; raw input loads it', async () => {
    const run = (policy: unknown) => loadedModules(join(import.meta.dirname, '..'), (adapter) => `const { cors } = await import(${JSON.stringify(adapter)});\ncors(${JSON.stringify(policy)});`);
    const compiled = await run(compiledJson());
    expect(compiled.some((path) => /core\/dist\/node\.js$/.test(path))).toBe(true);
    expect(compiled.filter((path) => VALIDATOR.test(path))).toEqual([]);
    expect((await run(api)).some((path) => /[/\\]zod[/\\]/.test(path))).toBe(true);
  }, 60_000);
});
