import { expectPolicyError, sendRequest, serveForTest } from '@org/cors-conformance';
import { CorsPolicyError, definePolicy, type PolicyInput } from '@org/cors-core';
import express from 'express';
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
});
