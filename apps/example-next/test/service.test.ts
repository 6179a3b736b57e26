import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sendRequest } from '@org/cors-conformance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDir, ensureBuilt, nextStart } from './next-server.js';

// The real thing: `next build` output served by `next start`, proxy.ts on the Node.js runtime.
let server: Awaited<ReturnType<typeof nextStart>>;
let url: string;
beforeAll(async () => {
  ensureBuilt();
  server = await nextStart();
  url = server.url;
}, 240_000);
afterAll(() => server?.close());

const corsHeaderNames = (headers: Record<string, unknown>) => Object.keys(headers).filter((name) => name.startsWith('access-control-'));

describe('example-next', () => {
  it('builds proxy.ts for the Node.js runtime, matching /api/**', () => {
    const manifest = JSON.parse(readFileSync(join(appDir, '.next', 'server', 'functions-config-manifest.json'), 'utf8'));
    expect(manifest.functions['/_middleware'].runtime).toBe('nodejs');
    expect(manifest.functions['/_middleware'].matchers[0].originalSource).toBe('/api/:path*');
  });

  it('lets the shop read items with credentials and the exposed request id', async () => {
    const response = await sendRequest(url, { method: 'GET', path: '/api/items', headers: { origin: 'https://myapp.com' } });
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('https://myapp.com');
    expect(response.headers['access-control-allow-credentials']).toBe('true');
    expect(response.headers['access-control-expose-headers']).toMatch(/x-request-id/i);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.vary).toMatch(/\bOrigin\b/);
    expect(JSON.parse(response.body)).toContainEqual({ id: 1, name: 'pen' });
  });

  it('gives an unknown site no CORS headers', async () => {
    const response = await sendRequest(url, { method: 'GET', path: '/api/items', headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(200);
    expect(corsHeaderNames(response.headers)).toEqual([]);
    expect(response.headers.vary).toMatch(/\bOrigin\b/);
  });

  it('refuses an unknown site\'s preflight with 403 and no CORS headers', async () => {
    const response = await sendRequest(url, {
      method: 'OPTIONS',
      path: '/api/items/2',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'PUT' },
    });
    expect(response.status).toBe(403);
    expect(corsHeaderNames(response.headers)).toEqual([]);
  });

  it('lets the admin console preflight (the route exports no OPTIONS) and send a JSON update', async () => {
    const headers = { origin: 'https://admin.myapp.com' };
    const preflight = await sendRequest(url, {
      method: 'OPTIONS',
      path: '/api/items/2',
      headers: { ...headers, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toBe('PUT');
    expect(preflight.headers['access-control-max-age']).toBe('600');
    const update = await sendRequest(url, {
      method: 'PUT',
      path: '/api/items/2',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'sketchbook' }),
    });
    expect(update.status).toBe(200);
    expect(JSON.parse(update.body)).toEqual({ id: 2, name: 'sketchbook' });
    expect(update.headers['access-control-allow-origin']).toBe('https://admin.myapp.com');
  });

  it('keeps the CORS headers on an error response, so the page can read the error', async () => {
    const response = await sendRequest(url, {
      method: 'PUT',
      path: '/api/items/1',
      headers: { origin: 'https://myapp.com', 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(response.headers['access-control-allow-origin']).toBe('https://myapp.com');
  });

  it('lets any site read the public status through the corsRoute handler, without credentials', async () => {
    const response = await sendRequest(url, { method: 'GET', path: '/public/status', headers: { origin: 'https://status-widget.example' } });
    expect(JSON.parse(response.body)).toEqual({ status: 'ok' });
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await sendRequest(url, {
      method: 'OPTIONS',
      path: '/public/status',
      headers: { origin: 'https://status-widget.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
  });

  it('allows the local dev server only when started with APP_ENV=development', async () => {
    const request = { method: 'GET', path: '/api/items', headers: { origin: 'http://localhost:3000' } };
    expect((await sendRequest(url, request)).headers['access-control-allow-origin']).toBeUndefined();
    const dev = await nextStart({ APP_ENV: 'development' });
    try {
      expect((await sendRequest(dev.url, request)).headers['access-control-allow-origin']).toBe('http://localhost:3000');
    } finally {
      await dev.close();
    }
  }, 60_000);
});
