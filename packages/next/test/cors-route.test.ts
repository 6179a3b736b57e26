import { redirect } from 'next/navigation.js';
import { itemsPolicy, preflightInit, serveForTest } from '@org/cors-conformance';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { corsRoute, type CorsPolicySource, type RouteHandler } from '../src/index.js';
import { compiled, items } from './policies.js';
import { corsHeaderNames, varyTokens } from './response-headers.js';
import { webListener } from './web-listener.js';

/** Serves a route module's exports the way the App Router does: the export named after the method. */
function serveRoute(exports: Record<string, RouteHandler | undefined>): Promise<string> {
  return serveForTest(
    webListener(async (request) => {
      const handler = exports[request.method] ?? (request.method === 'HEAD' ? exports['GET'] : undefined);
      return handler ? handler(request, { params: Promise.resolve({}) }) : new Response(null, { status: 405 });
    }),
  );
}

const list: RouteHandler = () => Response.json([{ id: '1' }], { headers: { vary: 'Accept-Encoding', 'x-request-id': 'r1' } });

describe('corsRoute', () => {
  it('supplies an OPTIONS export that answers preflights', async () => {
    const route = corsRoute(items, { GET: list });
    const url = await serveRoute(route);
    const res = await fetch(`${url}/api/items`, preflightInit('https://app.example.com', 'PUT', 'content-type'));
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
  });

  it('wraps each handler: its response keeps its Vary and gains the CORS headers', async () => {
    const url = await serveRoute(corsRoute(items, { GET: list }));
    const res = await fetch(`${url}/api/items`, { headers: { origin: 'https://app.example.com' } });
    expect(await res.json()).toEqual([{ id: '1' }]);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(res.headers.get('access-control-expose-headers')).toBe('X-Request-Id');
    expect(varyTokens(res)).toEqual(['Accept-Encoding', 'Origin']);
  });

  it('passes the request and the route context through to the handler', async () => {
    const route = corsRoute(items, {
      PUT: async (request: Request, context: { params: Promise<{ id?: string }> }) =>
        Response.json({ body: await request.json(), params: await context.params }),
    });
    const url = await serveRoute(route);
    const res = await fetch(`${url}/api/items/1`, {
      method: 'PUT',
      headers: { origin: 'https://app.example.com', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'lamp' }),
    });
    expect(await res.json()).toEqual({ body: { name: 'lamp' }, params: {} });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });

  it('refuses a preflight from an unlisted origin without running any handler', async () => {
    let ran = 0;
    const url = await serveRoute(corsRoute(items, { OPTIONS: () => (ran++, new Response('mine')) }));
    const res = await fetch(`${url}/api/items`, preflightInit('https://evil.example', 'PUT'));
    expect(res.status).toBe(403);
    expect(corsHeaderNames(res)).toEqual([]);
    expect(ran).toBe(0);
  });

  it('hands an OPTIONS that is not a preflight to the user OPTIONS handler', async () => {
    // A browser preflights a cross-origin OPTIONS, then sends it without Access-Control-Request-Method.
    const policy = compiled({ ...itemsPolicy, methods: ['GET', 'PUT', 'OPTIONS'] });
    const url = await serveRoute(corsRoute(policy, { GET: list, OPTIONS: () => new Response('capabilities', { status: 200 }) }));
    const res = await fetch(`${url}/api/items`, { method: 'OPTIONS', headers: { origin: 'https://app.example.com' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('capabilities');
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });

  it('answers an OPTIONS that is not a preflight with 204 and Allow when there is no user handler', async () => {
    const url = await serveRoute(corsRoute(items, { GET: list, PUT: list }));
    const res = await fetch(`${url}/api/items`, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS, PUT');
    expect(corsHeaderNames(res)).toEqual([]);
  });

  it('answers a handler that throws with a 500 that keeps the CORS headers, and logs the error', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failure = new Error('database down');
    const url = await serveRoute(corsRoute(items, { GET: () => { throw failure; } }));
    const res = await fetch(`${url}/api/items`, { headers: { origin: 'https://app.example.com' } });
    expect(res.status).toBe(500);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(varyTokens(res)).toEqual(['Origin']);
    expect(logged).toHaveBeenCalledWith(failure);
    logged.mockRestore();
  });

  it('rethrows Next.js control flow such as redirect() for Next.js to answer', async () => {
    const route = corsRoute(items, { GET: () => redirect('/elsewhere') });
    const request = new Request('http://127.0.0.1/api/items', { headers: { origin: 'https://app.example.com' } });
    await expect(route.GET(request, { params: Promise.resolve({}) })).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
  });

  it('keeps each handler\'s parameter types and adds only OPTIONS (checked by tsc)', () => {
    const route = corsRoute(items, {
      PUT: (_request: Request, _context: { params: Promise<{ id: string }> }) => new Response(null, { status: 204 }),
    });
    expectTypeOf(route.PUT).parameters.toEqualTypeOf<[Request, { params: Promise<{ id: string }> }]>();
    expectTypeOf(route.PUT).returns.toEqualTypeOf<Promise<Response>>();
    expectTypeOf(route.OPTIONS).returns.toEqualTypeOf<Promise<Response>>();
    expectTypeOf(route).not.toHaveProperty('GET');
    expect(Object.keys(route).sort()).toEqual(['OPTIONS', 'PUT']);
  });

  it('refuses raw policy input at construction with a TypeError naming both ways to load it', () => {
    expect(() => corsRoute(itemsPolicy as unknown as CorsPolicySource, { GET: list })).toThrow(TypeError);
    expect(() => corsRoute(itemsPolicy as unknown as CorsPolicySource, { GET: list })).toThrow(/definePolicy\(input\).*cors-policy compile/);
  });

  it('applies the environment overlay it is given, from compiled data', async () => {
    const data = compiled({ ...itemsPolicy, environments: { development: { origins: ['http://localhost:3000'] } } });
    const url = await serveRoute(corsRoute(data, { GET: list }, { environment: 'development' }));
    const res = await fetch(`${url}/api/items`, { headers: { origin: 'http://localhost:3000' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
  });
});
