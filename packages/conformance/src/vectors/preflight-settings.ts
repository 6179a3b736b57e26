import type { ConformanceVector, VectorRequest } from '../vector.js';
import { ALL_CORS_HEADERS, PREFLIGHT_ONLY_HEADERS } from './headers.js';
import { credentialedApi } from './policies.js';

function preflight(origin: string, method: string): VectorRequest {
  return {
    method: 'OPTIONS',
    path: '/api/items/1',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'content-type' },
  };
}

/** The `preflight` settings and `maxAge` edge values; what is and is not a preflight. */
export const preflightSettingsVectors: readonly ConformanceVector[] = [
  {
    id: 'settings/vary-off',
    title: 'With preflight.vary off, an allowed preflight does not vary on the request-method and request-headers',
    policy: { ...credentialedApi, name: 'no-preflight-vary-api', preflight: { vary: false } },
    request: preflight('https://myapp.com', 'PUT'),
    expect: {
      status: 204,
      headers: { 'access-control-allow-origin': 'https://myapp.com' },
      noVary: ['Access-Control-Request-Method', 'Access-Control-Request-Headers'],
      appRan: false,
    },
  },
  {
    id: 'settings/vary-off-actual',
    title: 'With preflight.vary off, actual requests still get Vary: Origin',
    policy: { ...credentialedApi, name: 'no-preflight-vary-api', preflight: { vary: false } },
    request: { method: 'GET', path: '/api/items', headers: { origin: 'https://myapp.com' } },
    expect: { status: 200, vary: ['Origin'], appRan: true },
  },
  {
    id: 'settings/refused-status',
    title: 'A custom refusedStatus is used for refused preflights, still without CORS headers',
    policy: { ...credentialedApi, name: 'refused-400-api', preflight: { refusedStatus: 400 } },
    request: preflight('https://evil.com', 'PUT'),
    expect: { status: 400, absent: [...ALL_CORS_HEADERS], appRan: false },
  },
  {
    id: 'settings/success-status',
    title: 'A successStatus of 200 answers allowed preflights with 200 and no app',
    policy: { ...credentialedApi, name: 'success-200-api', preflight: { successStatus: 200 } },
    request: preflight('https://myapp.com', 'PUT'),
    expect: {
      status: 200,
      headers: { 'access-control-allow-origin': 'https://myapp.com' },
      browser: { credentials: true, allowed: true },
      appRan: false,
    },
  },
  {
    id: 'settings/continue-to-app',
    title: 'With continueToApp, an allowed preflight gets its CORS headers and is then answered by the app',
    policy: { ...credentialedApi, name: 'continue-api', preflight: { continueToApp: true } },
    request: preflight('https://myapp.com', 'PUT'),
    expect: {
      status: 200,
      headers: { 'access-control-allow-origin': 'https://myapp.com', 'access-control-allow-credentials': 'true' },
      includes: { 'access-control-allow-methods': ['PUT'] },
      browser: { credentials: true, allowed: true },
      appRan: true,
    },
  },
  {
    id: 'settings/continue-to-app-refused',
    title: 'With continueToApp, a refused preflight is still answered by the CORS layer',
    policy: { ...credentialedApi, name: 'continue-api', preflight: { continueToApp: true } },
    request: preflight('https://evil.com', 'PUT'),
    expect: { status: 403, absent: [...ALL_CORS_HEADERS], appRan: false },
  },
  {
    id: 'settings/max-age-zero',
    title: 'maxAge 0 is sent as Access-Control-Max-Age: 0 (do not cache)',
    policy: { ...credentialedApi, name: 'max-age-zero-api', maxAge: 0 },
    request: preflight('https://myapp.com', 'PUT'),
    expect: { status: 204, headers: { 'access-control-max-age': '0' }, appRan: false },
  },
  {
    id: 'not-preflight/options-without-acrm',
    title: 'An OPTIONS with Origin but no Access-Control-Request-Method is not a preflight: the app answers it',
    policy: credentialedApi,
    request: { method: 'OPTIONS', path: '/api/items', headers: { origin: 'https://myapp.com' } },
    expect: { status: 200, absent: [...PREFLIGHT_ONLY_HEADERS], vary: ['Origin'], appRan: true },
  },
  {
    id: 'not-preflight/acrm-without-origin',
    title: 'An OPTIONS with Access-Control-Request-Method but no Origin is not a preflight: the app answers it',
    policy: credentialedApi,
    request: { method: 'OPTIONS', path: '/api/items', headers: { 'access-control-request-method': 'PUT' } },
    expect: { status: 200, absent: [...ALL_CORS_HEADERS], vary: ['Origin'], appRan: true },
  },
  {
    id: 'not-preflight/options-actual-allowed',
    title: 'A cross-origin OPTIONS that is not a preflight gets CORS headers when the policy lists OPTIONS',
    policy: { ...credentialedApi, name: 'options-api', methods: ['GET', 'OPTIONS'] },
    request: { method: 'OPTIONS', path: '/api/items', headers: { origin: 'https://myapp.com' } },
    expect: {
      status: 200,
      headers: { 'access-control-allow-origin': 'https://myapp.com', 'access-control-allow-credentials': 'true' },
      absent: [...PREFLIGHT_ONLY_HEADERS],
      vary: ['Origin'],
      browser: { credentials: true, allowed: true },
      appRan: true,
    },
  },
];
