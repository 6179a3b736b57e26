import type { ConformanceVector } from '../vector.js';
import { ALL_CORS_HEADERS } from './headers.js';
import { environmentApi } from './policies.js';

/** Environment overlays apply only when the loader selects them, and add origins rather than replace them. */
export const environmentVectors: readonly ConformanceVector[] = [
  {
    id: 'environment/base-refuses-localhost',
    title: 'The base policy refuses the development origin',
    policy: environmentApi,
    request: { method: 'GET', path: '/api/items', headers: { origin: 'http://localhost:3000' } },
    expect: { status: 200, absent: [...ALL_CORS_HEADERS], vary: ['Origin'], appRan: true },
  },
  {
    id: 'environment/development-allows-localhost',
    title: 'Loaded for development, the policy allows the overlay origin with credentials',
    policy: environmentApi,
    environment: 'development',
    request: { method: 'GET', path: '/api/items', headers: { origin: 'http://localhost:3000' } },
    expect: {
      status: 200,
      headers: { 'access-control-allow-origin': 'http://localhost:3000', 'access-control-allow-credentials': 'true' },
      vary: ['Origin'],
      appRan: true,
    },
  },
  {
    id: 'environment/development-keeps-base',
    title: 'Loaded for development, the policy still allows the base origins',
    policy: environmentApi,
    environment: 'development',
    request: { method: 'GET', path: '/api/items', headers: { origin: 'https://myapp.com' } },
    expect: { status: 200, headers: { 'access-control-allow-origin': 'https://myapp.com' }, appRan: true },
  },
];
