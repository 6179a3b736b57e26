import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { definePolicy, type PreflightAllowedDecision, type PreflightRefusedDecision } from '../src/index.js';
import { preflightResponse, resolveCors, webRequestFacts, withCorsHeaders, writeWebDecision } from '../src/runtime.js';

/*
 * The Web writer as a Fetch-standard host uses it: a real `Request` in, real `Headers` and `Response`
 * objects out, read back the way a browser (or a cache) reads them.
 */

const APP = 'https://app.example.com';
const policy = definePolicy({
  name: 'web', origins: [APP], credentials: true, methods: ['GET', 'PUT'], allowHeaders: ['Content-Type'], exposeHeaders: ['X-Request-Id'], maxAge: 600,
  routes: [{ path: '/public/**', origins: ['*'], credentials: false }, { path: '/off/**', disabled: true }],
});

function decide(url: string, init: RequestInit) {
  return resolveCors(policy, webRequestFacts(new Request(url, init)));
}

const preflightInit = (headers: Record<string, string>): RequestInit => ({ method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': 'PUT', ...headers } });

describe('webRequestFacts', () => {
  it('reads method, path (without query) and the CORS headers of a preflight Request', () => {
    const facts = webRequestFacts(new Request('https://api.example.com/items/1?x=1#f', preflightInit({
      'access-control-request-headers': 'content-type', 'access-control-request-private-network': 'true',
    })));
    expect(facts).toEqual({
      method: 'OPTIONS', path: '/items/1', origin: APP, accessControlRequestMethod: 'PUT', accessControlRequestHeaders: 'content-type',
      accessControlRequestPrivateNetwork: 'true',
    });
  });

  it('reads no Origin from a Request that has none', () => {
    expect(webRequestFacts(new Request('https://api.example.com/')).origin).toBeUndefined();
  });
});

describe('writeWebDecision', () => {
  it('sets every header of an allowed answer and appends Origin to the app’s Vary', () => {
    const headers = new Headers({ vary: 'Accept-Encoding', 'content-type': 'text/plain' });
    writeWebDecision(headers, decide('https://api.example.com/items', { headers: { origin: APP } }));
    expect(headers.get('access-control-allow-origin')).toBe(APP);
    expect(headers.get('access-control-allow-credentials')).toBe('true');
    expect(headers.get('access-control-expose-headers')).toBe('X-Request-Id');
    expect(headers.get('vary')).toBe('Accept-Encoding, Origin');
    expect(headers.get('content-type')).toBe('text/plain');
  });

  it('writes Vary: Origin on a refusal too (the answer depends on the Origin), and no CORS header', () => {
    const headers = new Headers();
    writeWebDecision(headers, decide('https://api.example.com/items', { headers: { origin: 'https://evil.example' } }));
    expect([...headers]).toEqual([['vary', 'Origin']]);
  });

  it('replaces a CORS header the app set itself rather than sending two values', () => {
    const headers = new Headers({ 'access-control-allow-origin': 'https://stale.example' });
    writeWebDecision(headers, decide('https://api.example.com/items', { headers: { origin: APP } }));
    expect(headers.get('access-control-allow-origin')).toBe(APP);
  });

  it('adds no Vary when the answer is the same for every origin, and keeps the app’s', () => {
    const bare = new Headers();
    writeWebDecision(bare, decide('https://api.example.com/public/feed', { headers: { origin: APP } }));
    expect([...bare]).toEqual([['access-control-allow-origin', '*'], ['access-control-expose-headers', 'X-Request-Id']]);
    const own = new Headers({ vary: 'Accept-Encoding' });
    writeWebDecision(own, decide('https://api.example.com/public/feed', { headers: { origin: APP } }));
    expect(own.get('vary')).toBe('Accept-Encoding');
  });

  it('touches nothing, not even the app’s Vary, when the decision writes nothing (immutable headers of a fetch() result)', async () => {
    const server = createServer((_req, res) => res.writeHead(200, { vary: 'Accept-Encoding' }).end('ok'));
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    try {
      const upstream = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      await upstream.text();
      expect(() => upstream.headers.set('x-probe', '1')).toThrow(TypeError);
      const nothing = decide('https://api.example.com/off/x', {});
      expect([nothing.headers, nothing.vary]).toEqual([[], []]);
      expect(() => writeWebDecision(upstream.headers, nothing)).not.toThrow();
      expect(upstream.headers.get('vary')).toBe('Accept-Encoding');
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });
});

describe('preflightResponse', () => {
  it('answers an allowed preflight with 204, its CORS headers, the preflight Vary and no body', async () => {
    const decision = decide('https://api.example.com/items', preflightInit({ 'access-control-request-headers': 'content-type' })) as PreflightAllowedDecision;
    expect(decision.kind).toBe('preflight-allowed');
    const response = preflightResponse(decision);
    expect(response.status).toBe(204);
    expect(Object.fromEntries(response.headers)).toEqual({
      'access-control-allow-origin': APP,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'PUT',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '600',
      vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    });
    expect(await response.text()).toBe('');
  });

  it('answers a refused preflight with the refused status and no CORS header at all', () => {
    const decision = decide('https://api.example.com/items', preflightInit({ origin: 'https://evil.example' })) as PreflightRefusedDecision;
    expect(decision.kind).toBe('preflight-refused');
    const response = preflightResponse(decision);
    expect(response.status).toBe(403);
    expect(Object.fromEntries(response.headers)).toEqual({ vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers' });
  });
});

describe('withCorsHeaders', () => {
  it('writes onto the app’s own response and hands that same response back', async () => {
    const app = new Response('ok', { status: 201, headers: { vary: 'Accept' } });
    const out = withCorsHeaders(app, decide('https://api.example.com/items', { headers: { origin: APP } }));
    expect(out).toBe(app);
    expect(out.status).toBe(201);
    expect(out.headers.get('access-control-allow-origin')).toBe(APP);
    expect(out.headers.get('vary')).toBe('Accept, Origin');
    expect(await out.text()).toBe('ok');
  });

  it('writes a "*" answer, which has headers but no Vary', () => {
    const out = withCorsHeaders(new Response('ok'), decide('https://api.example.com/public/feed', { headers: { origin: APP } }));
    expect(out.headers.get('access-control-allow-origin')).toBe('*');
    expect(out.headers.has('vary')).toBe(false);
  });

  it('writes a refusal, which has a Vary but no headers', () => {
    const out = withCorsHeaders(new Response('ok'), decide('https://api.example.com/items', { headers: { origin: 'https://evil.example' } }));
    expect(out.headers.get('vary')).toBe('Origin');
    expect(out.headers.has('access-control-allow-origin')).toBe(false);
  });

  it('copies a response whose headers are immutable (a redirect), keeping its status, Location and body', async () => {
    const redirect = Response.redirect('https://api.example.com/elsewhere', 307);
    expect(() => redirect.headers.set('x-probe', '1')).toThrow(TypeError);
    const out = withCorsHeaders(redirect, decide('https://api.example.com/items', { headers: { origin: APP } }));
    expect(out).not.toBe(redirect);
    expect(out.status).toBe(307);
    expect(out.headers.get('location')).toBe('https://api.example.com/elsewhere');
    expect(out.headers.get('access-control-allow-origin')).toBe(APP);
    expect(out.headers.get('vary')).toBe('Origin');
    expect(await out.text()).toBe('');
  });

  it('leaves a response untouched when the decision has nothing to write (CORS off for the route)', () => {
    const redirect = Response.redirect('https://api.example.com/elsewhere', 302);
    const out = withCorsHeaders(redirect, decide('https://api.example.com/off/x', { headers: { origin: APP } }));
    expect(out).toBe(redirect);
    expect([...out.headers]).toEqual([['location', 'https://api.example.com/elsewhere']]);
  });
});
