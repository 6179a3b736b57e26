import { getRequestListener } from '@hono/node-server';
import { preflightInit, serveForTest } from '@org/cors-conformance';
import { describe, expect, it } from 'vitest';
import { withCors } from '../src/index.js';
import { allowed, compiledData, defined, varyTokens } from './policies.js';

describe('withCors around a fetch handler', () => {
  it('passes the extra arguments of a Worker-style fetch(request, env, ctx) through', async () => {
    interface Env {
      readonly GREETING: string;
    }
    const handler = withCors(compiledData(), (request: Request, env: Env, ctx: { id: number }) =>
      Response.json({ path: new URL(request.url).pathname, greeting: env.GREETING, id: ctx.id }),
    );
    const res = await handler(new Request('http://127.0.0.1/api/items', { headers: { origin: allowed } }), { GREETING: 'hi' }, { id: 7 });
    expect(await res.json()).toEqual({ path: '/api/items', greeting: 'hi', id: 7 });
    expect(res.headers.get('access-control-allow-origin')).toBe(allowed);
  });

  it('serves preflights and responses over real HTTP (@hono/node-server serve({ fetch }))', async () => {
    let ran = 0;
    const url = await serveForTest(getRequestListener(withCors(defined, () => (ran++, new Response('ok', { headers: { vary: 'Accept-Language' } }))), { overrideGlobalObjects: false }));
    const preflight = await fetch(`${url}/api/items`, preflightInit(allowed, 'PUT', 'content-type'));
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
    expect(ran).toBe(0);
    const res = await fetch(`${url}/public/feed`, { headers: { origin: 'https://anyone.example' } });
    expect(await res.text()).toBe('ok');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(varyTokens(res)).toEqual(['Accept-Language']);
    expect(ran).toBe(1);
  });
});
