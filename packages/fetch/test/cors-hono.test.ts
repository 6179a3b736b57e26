import { getRequestListener } from '@hono/node-server';
import { itemsPolicy, preflightInit, serveForTest } from '@org/cors-conformance';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it, vi } from 'vitest';
import { cors, type CorsPolicySource } from '../src/index.js';
import { allowed, compiledData, corsHeaderNames, defined, varyTokens } from './policies.js';

/** Serves a Hono app over real HTTP on 127.0.0.1 for the current test. */
const serve = (app: Hono<any>) => serveForTest(getRequestListener(app.fetch));
const get = (url: string, path: string, origin = allowed) => fetch(`${url}${path}`, { headers: { origin } });

describe('cors() as Hono middleware', () => {
  it('answers an allowed preflight before routing, for a route with no OPTIONS handler', async () => {
    const app = new Hono();
    app.use('*', cors(compiledData()));
    const handler = vi.fn(() => new Response('put'));
    app.put('/api/items/:id', handler);
    const url = await serve(app);
    const res = await fetch(`${url}/api/items/1`, preflightInit(allowed, 'PUT', 'content-type'));
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(res.headers.get('access-control-allow-methods')).toBe('PUT');
    expect(await res.text()).toBe('');
    expect(handler).not.toHaveBeenCalled();
  });

  it("keeps the CORS headers and Vary: Origin on app.onError's response", async () => {
    const app = new Hono();
    app.use('*', cors(defined));
    app.get('/api/items', () => {
      throw new Error('db down');
    });
    app.onError((error, c) => c.json({ error: error.message }, 503, { vary: 'Accept-Language' }));
    const res = await get(await serve(app), '/api/items');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: 'db down' });
    expect(res.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(varyTokens(res)).toEqual(['Accept-Language', 'Origin']);
  });

  it("keeps the CORS headers on an HTTPException's response from Hono's default error handler", async () => {
    const app = new Hono();
    app.use('*', cors(defined));
    app.get('/api/items', () => {
      throw new HTTPException(401, { res: new Response('sign in', { status: 401, headers: { 'www-authenticate': 'Bearer' } }) });
    });
    const res = await get(await serve(app), '/api/items');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.headers.get('access-control-allow-origin')).toBe(allowed);
  });

  it("keeps the CORS headers on Hono's 404 when the middleware is the only handler matched", async () => {
    const app = new Hono();
    app.use('/api/*', cors(defined));
    app.get('/api/items', (c) => c.json([]));
    const url = await serve(app);
    const missing = await get(url, '/api/missing');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(varyTokens(missing)).toEqual(['Origin']);
    const outside = await get(url, '/outside');
    expect(outside.status).toBe(404);
    expect(corsHeaderNames(outside)).toEqual([]);
  });

  it('copies a response with immutable headers (a proxied fetch()) and keeps its Vary next to Origin', async () => {
    const upstream = await serveForTest((_req, res) => res.writeHead(200, { vary: 'Accept-Encoding', 'content-type': 'text/plain' }).end('upstream'));
    const app = new Hono();
    app.use('*', cors(defined));
    app.get('/api/items', () => fetch(`${upstream}/items`));
    const res = await get(await serve(app), '/api/items');
    expect(await res.text()).toBe('upstream');
    expect(res.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(varyTokens(res)).toEqual(['Accept-Encoding', 'Origin']);
  });

  it('writes over what an outer middleware set with c.header(), on preflights and responses alike', async () => {
    const app = new Hono();
    app.use('*', async (c, next) => {
      c.header('Vary', 'Accept-Encoding');
      c.header('X-Frame-Options', 'DENY');
      await next();
    });
    app.use('*', cors(defined));
    app.get('/api/items', (c) => c.text('items'));
    const url = await serve(app);
    const preflight = await fetch(`${url}/api/items`, preflightInit(allowed, 'PUT'));
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('x-frame-options')).toBe('DENY');
    expect(varyTokens(preflight)).toEqual(['Accept-Encoding', 'Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers']);
    const res = await get(url, '/api/items');
    expect(res.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(varyTokens(res)).toEqual(['Accept-Encoding', 'Origin']);
  });

  it('adds the headers to a HEAD request Hono answers with its GET route', async () => {
    const app = new Hono();
    app.use('*', cors(defined));
    app.get('/api/items', (c) => c.json([{ id: 1 }]));
    const res = await fetch(`${await serve(app)}/api/items`, { method: 'HEAD', headers: { origin: allowed } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(allowed);
  });

  it('type-checks in a Hono app with its own Env and on a sub-path', () => {
    const app = new Hono<{ Bindings: { APP_ENV: string }; Variables: { user: string } }>();
    app.use('/api/*', cors(defined, { environment: 'staging' }));
    expect(app.routes.map((route) => route.path)).toEqual(['/api/*']);
  });

  it('refuses raw policy input when the middleware is created', () => {
    expect(() => cors(itemsPolicy as unknown as CorsPolicySource)).toThrow(/definePolicy\(input\)/);
  });
});
