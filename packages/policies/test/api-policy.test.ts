import { definePolicy, explain } from '@org/cors-core';
import { describe, expect, it } from 'vitest';
import { apiPolicy, apiPolicyInput } from '../src/index.js';

describe('the storefront API policy', () => {
  it('loads without errors or unacknowledged warnings', () => {
    expect(apiPolicy.findings.filter((f) => f.severity !== 'info' && f.acknowledged === undefined)).toEqual([]);
  });

  it('lets the shop PUT with Authorization and cookies', () => {
    const result = explain(apiPolicy, { origin: 'https://myapp.com', method: 'PUT', path: '/api/items/1', headers: ['Content-Type', 'Authorization'], credentials: true });
    expect(result.allowed).toBe(true);
  });

  it('refuses an unlisted site', () => {
    expect(explain(apiPolicy, { origin: 'https://evil.example', method: 'GET', path: '/api/items' }).allowed).toBe(false);
  });

  it('lets any site read the public routes, but never with cookies', () => {
    expect(explain(apiPolicy, { origin: 'https://evil.example', path: '/public/status' }).allowed).toBe(true);
    expect(explain(apiPolicy, { origin: 'https://evil.example', path: '/public/status', credentials: true }).allowed).toBe(false);
  });

  it('allows the local dev server only in the development environment', () => {
    const dev = definePolicy(apiPolicyInput, { environment: 'development' });
    expect(explain(dev, { origin: 'http://localhost:3000', path: '/api/items', credentials: true }).allowed).toBe(true);
    expect(explain(apiPolicy, { origin: 'http://localhost:3000', path: '/api/items', credentials: true }).allowed).toBe(false);
  });
});
