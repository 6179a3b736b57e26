import { sendRequest } from '@org/cors-conformance';
import { CorsPolicyError } from '@org/cors-core';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService } from '../src/server.js';

let url: string;
let app: INestApplication;
beforeAll(async () => {
  ({ url, app } = await startService({ port: 0, quiet: true }));
});
afterAll(() => app.close());

describe('example-nest', () => {
  it('lets the shop read items with credentials and the exposed request id', async () => {
    const response = await sendRequest(url, { method: 'GET', path: '/api/items', headers: { origin: 'https://myapp.com' } });
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('https://myapp.com');
    expect(response.headers['access-control-allow-credentials']).toBe('true');
    expect(response.headers['access-control-expose-headers']).toMatch(/x-request-id/i);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(response.body)).toContainEqual({ id: 1, name: 'pen' });
  });

  it('gives an unknown site no CORS headers', async () => {
    const response = await sendRequest(url, { method: 'GET', path: '/api/items', headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers.vary).toMatch(/origin/i);
  });

  it('refuses an unknown site\'s preflight with 403 and no CORS headers', async () => {
    const response = await sendRequest(url, {
      method: 'OPTIONS',
      path: '/api/items/2',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'PUT' },
    });
    expect(response.status).toBe(403);
    expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('lets the admin console preflight (no OPTIONS route exists) and send a JSON update', async () => {
    const headers = { origin: 'https://admin.myapp.com' };
    const preflight = await sendRequest(url, {
      method: 'OPTIONS',
      path: '/api/items/2',
      headers: { ...headers, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toBe('PUT');
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
      body: JSON.stringify({ name: '' }),
    });
    expect(response.status).toBe(400);
    expect(response.headers['access-control-allow-origin']).toBe('https://myapp.com');
    expect(response.headers.vary).toMatch(/origin/i);
  });

  it('lets any site read the public status without credentials', async () => {
    const response = await sendRequest(url, { method: 'GET', path: '/public/status', headers: { origin: 'https://status-widget.example' } });
    expect(JSON.parse(response.body)).toEqual({ status: 'ok' });
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('allows the local dev server only when started for development', async () => {
    const dev = await startService({ port: 0, environment: 'development', quiet: true });
    try {
      const request = { method: 'GET', path: '/api/items', headers: { origin: 'http://localhost:3000' } };
      expect((await sendRequest(dev.url, request)).headers['access-control-allow-origin']).toBe('http://localhost:3000');
      expect((await sendRequest(url, request)).headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await dev.app.close();
    }
  });

  it('refuses to boot for an environment the policy does not define', async () => {
    await expect(startService({ port: 0, environment: 'staging', quiet: true })).rejects.toBeInstanceOf(CorsPolicyError);
  });
});
