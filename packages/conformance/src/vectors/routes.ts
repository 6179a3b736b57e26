import type { ConformanceVector } from '../vector.js';
import { ALL_CORS_HEADERS } from './headers.js';
import { routedApi } from './policies.js';

const refused = { status: 200, absent: [...ALL_CORS_HEADERS], vary: ['Origin'], appRan: true } as const;

/** Route rules: the first matching rule's settings apply; fields it omits are inherited. */
export const routeVectors: readonly ConformanceVector[] = [
  {
    id: 'routes/public-any-origin',
    title: 'A public * route answers any origin with * and no credentials, without Vary: Origin',
    policy: routedApi,
    request: { method: 'GET', path: '/public/status', headers: { origin: 'https://anyone.example.net' } },
    expect: {
      status: 200,
      headers: { 'access-control-allow-origin': '*' },
      absent: ['access-control-allow-credentials'],
      noVary: ['Origin'],
      browser: { credentials: false, allowed: true },
      appRan: true,
    },
  },
  {
    id: 'routes/public-nested',
    title: 'A /public/** route covers nested paths and ignores the query string',
    policy: routedApi,
    request: { method: 'GET', path: '/public/health/db?verbose=1', headers: { origin: 'https://anyone.example.net' } },
    expect: { status: 200, headers: { 'access-control-allow-origin': '*' }, appRan: true },
  },
  {
    id: 'routes/public-method-bound',
    title: 'A read-only public route withholds CORS headers from a cross-origin POST',
    policy: routedApi,
    request: { method: 'POST', path: '/public/status', headers: { origin: 'https://anyone.example.net' } },
    expect: { status: 200, absent: [...ALL_CORS_HEADERS], appRan: true },
  },
  {
    id: 'routes/top-level-outside-route',
    title: 'Paths outside every route rule use the top-level rules',
    policy: routedApi,
    request: { method: 'GET', path: '/api/items', headers: { origin: 'https://anyone.example.net' } },
    expect: refused,
  },
  {
    id: 'routes/case-insensitive',
    title: 'Route paths match as frameworks route them, ignoring ASCII case and a trailing slash: /PUBLIC/status/ is the public route',
    policy: routedApi,
    request: { method: 'GET', path: '/PUBLIC/status/', headers: { origin: 'https://anyone.example.net' } },
    expect: { status: 200, headers: { 'access-control-allow-origin': '*' }, noVary: ['Origin'], appRan: true },
  },
  {
    id: 'routes/disabled-case-insensitive',
    title: 'A disabled route cannot be escaped by changing case: /INTERNAL/Metrics gets no CORS headers even for a listed origin',
    policy: routedApi,
    request: { method: 'GET', path: '/INTERNAL/Metrics', headers: { origin: 'https://myapp.com' } },
    expect: { status: 200, absent: [...ALL_CORS_HEADERS], appRan: true },
  },
  {
    id: 'routes/credentialed-route',
    title: 'A route with its own origins allows them, inheriting credentials from the top level',
    policy: routedApi,
    request: { method: 'GET', path: '/partners/orders', headers: { origin: 'https://partner.example.org' } },
    expect: {
      status: 200,
      headers: { 'access-control-allow-origin': 'https://partner.example.org', 'access-control-allow-credentials': 'true' },
      vary: ['Origin'],
      browser: { credentials: true, allowed: true },
      appRan: true,
    },
  },
  {
    id: 'routes/route-origins-replace',
    title: 'A route that sets origins replaces the top-level list instead of adding to it',
    policy: routedApi,
    request: { method: 'GET', path: '/partners/orders', headers: { origin: 'https://myapp.com' } },
    expect: refused,
  },
  {
    id: 'routes/route-origin-elsewhere',
    title: 'A route-level origin gets nothing outside its route',
    policy: routedApi,
    request: { method: 'GET', path: '/api/items', headers: { origin: 'https://partner.example.org' } },
    expect: refused,
  },
  {
    id: 'routes/single-segment',
    title: 'A * path segment matches exactly one segment: /partners/a/b falls back to the top level',
    policy: routedApi,
    request: { method: 'GET', path: '/partners/orders/1', headers: { origin: 'https://partner.example.org' } },
    expect: refused,
  },
  {
    id: 'routes/disabled-actual',
    title: 'A disabled route gives no CORS headers even to a top-level origin',
    policy: routedApi,
    request: { method: 'GET', path: '/internal/metrics', headers: { origin: 'https://myapp.com' } },
    expect: { status: 200, absent: [...ALL_CORS_HEADERS], appRan: true },
  },
  {
    id: 'routes/disabled-preflight',
    title: 'A disabled route refuses preflights',
    policy: routedApi,
    request: {
      method: 'OPTIONS',
      path: '/internal/metrics',
      headers: { origin: 'https://myapp.com', 'access-control-request-method': 'PUT' },
    },
    expect: { status: 403, absent: [...ALL_CORS_HEADERS], appRan: false },
  },
];
