import { expectPolicyError, sendRequest, serveForTest } from '@org/cors-conformance';
import { definePolicy, type PolicyInput } from '@org/cors-core';
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

  it('lets Koa answer a thrown non-error with 500, without crashing', async () => {
    const url = await serve(cors(api), () => {
      throw 'plain string';
    });
    const response = await sendRequest(url, { method: 'GET', path: '/api/items', headers: fromMyApp });
    expect(response.status).toBe(500);
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
