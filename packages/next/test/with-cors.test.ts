import { itemsPolicy, preflightInit, serveForTest } from '@org/cors-conformance';
import { describe, expect, it, vi } from 'vitest';
import { withCors, type CorsPolicySource } from '../src/index.js';
import { compiled, items } from './policies.js';
import { corsHeaderNames, varyTokens } from './response-headers.js';
import { webListener } from './web-listener.js';

/** Serves a proxy the way Next.js calls it: `(request, event)`; these proxies ignore the event. */
function serve(proxy: (request: Request, event: unknown) => Promise<Response>): Promise<string> {
  return serveForTest(webListener((request) => proxy(request, undefined)));
}

describe('withCors', () => {
  it('answers an allowed preflight itself, without running the user proxy', async () => {
    let ran = 0;
    const url = await serve(withCors(items, () => {
      ran++;
      return new Response('proxy');
    }));
    const res = await fetch(`${url}/api/items/1`, preflightInit('https://app.example.com', 'PUT', 'content-type'));
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(res.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(varyTokens(res)).toContain('Origin');
    expect(await res.text()).toBe('');
    expect(ran).toBe(0);
  });

  it('refuses a preflight from an unlisted origin with 403 and no CORS headers', async () => {
    const url = await serve(withCors(items));
    const res = await fetch(`${url}/api/items/1`, preflightInit('https://evil.example', 'PUT'));
    expect(res.status).toBe(403);
    expect(corsHeaderNames(res)).toEqual([]);
  });

  it('adds CORS headers to the response of the user proxy and appends to its Vary', async () => {
    const url = await serve(withCors(items, () => new Response('from proxy', { headers: { vary: 'Accept-Language' } })));
    const res = await fetch(`${url}/api/items`, { headers: { origin: 'https://app.example.com' } });
    expect(await res.text()).toBe('from proxy');
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(varyTokens(res)).toEqual(['Accept-Language', 'Origin']);
  });

  it('continues to the route with NextResponse.next() when there is no user proxy', async () => {
    const url = await serve(withCors(items));
    const res = await fetch(`${url}/api/items`, { headers: { origin: 'https://app.example.com' } });
    expect(res.headers.get('x-middleware-next')).toBe('1');
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });

  it('continues to the route when the user proxy returns nothing', async () => {
    const seen: string[] = [];
    const url = await serve(withCors(items, (request) => void seen.push(new URL(request.url).pathname)));
    const res = await fetch(`${url}/api/items`, { headers: { origin: 'https://app.example.com' } });
    expect(seen).toEqual(['/api/items']);
    expect(res.headers.get('x-middleware-next')).toBe('1');
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });

  it('copies a response whose headers are immutable before adding CORS headers', async () => {
    const url = await serve(withCors(items, () => Response.redirect('http://127.0.0.1/elsewhere', 307)));
    const res = await fetch(`${url}/api/items`, { headers: { origin: 'https://app.example.com' }, redirect: 'manual' });
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('http://127.0.0.1/elsewhere');
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });

  it('serves a refused origin without CORS headers but with Vary: Origin', async () => {
    const url = await serve(withCors(items, () => new Response('ok')));
    const res = await fetch(`${url}/api/items`, { headers: { origin: 'https://evil.example' } });
    expect(await res.text()).toBe('ok');
    expect(corsHeaderNames(res)).toEqual([]);
    expect(varyTokens(res)).toEqual(['Origin']);
  });

  it('answers a user proxy that throws with a 500 that keeps the CORS headers, and logs the error', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const url = await serve(withCors(items, () => { throw new Error('session store down'); }));
    const res = await fetch(`${url}/api/items`, { headers: { origin: 'https://app.example.com' } });
    expect(res.status).toBe(500);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });

  it('applies the environment overlay it is given', async () => {
    const policy = compiled({ ...itemsPolicy, environments: { development: { origins: ['http://localhost:3000'] } } });
    const url = await serve(withCors(policy, () => new Response('ok'), { environment: 'development' }));
    const res = await fetch(`${url}/api/items`, { headers: { origin: 'http://localhost:3000' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
  });

  it('enforces a compiled policy exactly as the policy it was compiled from', async () => {
    const url = await serve(withCors(compiled(), () => new Response('ok')));
    const preflight = await fetch(`${url}/api/items/1`, preflightInit('https://app.example.com', 'PUT', 'content-type'));
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('PUT');
    const open = await fetch(`${url}/public/feed`, { headers: { origin: 'https://anyone.example' } });
    expect(open.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('refuses raw policy input at construction with a TypeError naming both ways to load it', () => {
    expect(() => withCors(itemsPolicy as unknown as CorsPolicySource)).toThrow(TypeError);
    expect(() => withCors(itemsPolicy as unknown as CorsPolicySource)).toThrow(/definePolicy\(input\).*cors-policy compile/);
    // @ts-expect-error raw input is refused by the types too
    expect(() => withCors(itemsPolicy)).toThrow(TypeError);
  });
});
