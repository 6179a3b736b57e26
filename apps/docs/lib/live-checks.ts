import type { LiveCheck, LiveService } from '@org/cors-report';

/*
 * What this repository's live page calls: the four example services (scripts/start.sh starts them
 * with the `development` overlay) and the requests each must answer as the storefront policy says.
 * Plain data; @org/cors-report's `renderLivePage` turns it into the page and its script.
 */

/** The environment the example services load the policy with. */
export const LIVE_ENVIRONMENT = 'development';

export const LIVE_CHECKS: readonly LiveCheck[] = [
  { id: 'simple-get', title: 'GET /api/items', method: 'GET', path: '/api/items', headers: {}, credentials: false },
  { id: 'credentialed-get', title: 'GET /api/items with cookies', method: 'GET', path: '/api/items', headers: {}, credentials: true },
  {
    id: 'put-json-auth',
    title: 'PUT /api/items/1 with JSON, Authorization and cookies (preflighted)',
    method: 'PUT',
    path: '/api/items/1',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer demo-token' },
    body: JSON.stringify({ name: 'Lamp' }),
    credentials: true,
  },
  { id: 'exposed-header', title: 'Read the exposed X-Request-Id header', method: 'GET', path: '/api/items', headers: {}, credentials: false, readsHeader: 'X-Request-Id' },
  { id: 'refused-method', title: 'PATCH /api/items/1 (not in the policy\'s methods)', method: 'PATCH', path: '/api/items/1', headers: { 'Content-Type': 'application/json' }, body: '{}', credentials: false },
  { id: 'public-status', title: 'GET /public/status (public route, any site)', method: 'GET', path: '/public/status', headers: {}, credentials: false },
  { id: 'public-status-credentialed', title: 'GET /public/status with cookies (never allowed on a "*" route)', method: 'GET', path: '/public/status', headers: {}, credentials: true },
];

/** The example services, one per framework, all enforcing the same policy. `?express=<url>` etc. overrides one. */
export const LIVE_SERVICES: readonly LiveService[] = [
  { id: 'express', label: 'Express', url: 'http://127.0.0.1:4101' },
  { id: 'koa', label: 'Koa', url: 'http://127.0.0.1:4102' },
  { id: 'nest', label: 'NestJS', url: 'http://127.0.0.1:4103' },
  { id: 'next', label: 'Next.js', url: 'http://127.0.0.1:4104' },
];
