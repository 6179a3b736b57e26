import type { ConformanceVector } from '../vector.js';
import { ALL_CORS_HEADERS } from './headers.js';
import { credentialedApi, publicApi } from './policies.js';

/** The CORS layer composes with the app: it appends to the app's Vary and survives errors and 404s. */
export const appIntegrationVectors: readonly ConformanceVector[] = [
  {
    id: 'app/vary-preserved',
    title: 'The app\'s own Vary token and Vary: Origin are both present',
    policy: credentialedApi,
    request: { method: 'GET', path: '/api/items', headers: { origin: 'https://myapp.com' } },
    app: { vary: 'Accept-Encoding' },
    expect: {
      status: 200,
      headers: { 'access-control-allow-origin': 'https://myapp.com' },
      vary: ['Origin', 'Accept-Encoding'],
      appRan: true,
    },
  },
  {
    id: 'app/vary-preserved-refused',
    title: 'A refused request keeps the app\'s Vary token next to Vary: Origin',
    policy: credentialedApi,
    request: { method: 'GET', path: '/api/items', headers: { origin: 'https://evil.com' } },
    app: { vary: 'Accept-Language' },
    expect: { status: 200, absent: [...ALL_CORS_HEADERS], vary: ['Origin', 'Accept-Language'], appRan: true },
  },
  {
    id: 'app/vary-preserved-wildcard',
    title: 'A * policy leaves the app\'s Vary alone and adds no Origin token',
    policy: publicApi,
    request: { method: 'GET', path: '/api/items', headers: { origin: 'https://anyone.example.net' } },
    app: { vary: 'Accept-Encoding' },
    expect: { status: 200, vary: ['Accept-Encoding'], noVary: ['Origin'], appRan: true },
  },
  {
    id: 'app/request-vary-not-copied',
    title: 'A Vary header sent by the client is never copied into the response',
    policy: credentialedApi,
    request: { method: 'GET', path: '/api/items', headers: { origin: 'https://myapp.com', vary: 'X-Injected' } },
    expect: { status: 200, vary: ['Origin'], noVary: ['X-Injected'], appRan: true },
  },
  {
    id: 'app/error-keeps-cors',
    title: 'When the app throws, the 500 response keeps the CORS headers and Vary: Origin',
    policy: credentialedApi,
    request: { method: 'GET', path: '/api/items', headers: { origin: 'https://myapp.com' } },
    app: { throws: true },
    expect: {
      status: 500,
      headers: { 'access-control-allow-origin': 'https://myapp.com', 'access-control-allow-credentials': 'true' },
      vary: ['Origin'],
      browser: { credentials: true, allowed: true },
      appRan: true,
    },
  },
  {
    id: 'app/error-refused',
    title: 'When the app throws for a refused origin, the 500 response has no CORS headers but Vary: Origin',
    policy: credentialedApi,
    request: { method: 'GET', path: '/api/items', headers: { origin: 'https://evil.com' } },
    app: { throws: true },
    expect: { status: 500, absent: [...ALL_CORS_HEADERS], vary: ['Origin'], appRan: true },
  },
  {
    id: 'app/error-wildcard',
    title: 'When the app throws under a * policy, the 500 response keeps Access-Control-Allow-Origin: *',
    policy: publicApi,
    request: { method: 'POST', path: '/api/items', headers: { origin: 'https://anyone.example.net' } },
    app: { throws: true },
    expect: { status: 500, headers: { 'access-control-allow-origin': '*' }, appRan: true },
  },
  {
    id: 'app/not-found',
    title: 'A path the app does not route still gets CORS headers on the framework\'s 404',
    policy: credentialedApi,
    request: { method: 'GET', path: '/missing/thing', headers: { origin: 'https://myapp.com' } },
    expect: {
      status: 404,
      headers: { 'access-control-allow-origin': 'https://myapp.com', 'access-control-allow-credentials': 'true' },
      vary: ['Origin'],
      browser: { credentials: true, allowed: true },
      appRan: false,
    },
  },
  {
    id: 'app/post-body',
    title: 'An allowed POST with a JSON body reaches the app with CORS headers',
    policy: credentialedApi,
    request: { method: 'POST', path: '/api/items', headers: { origin: 'https://myapp.com', 'content-type': 'application/json' }, body: '{"name":"pen"}' },
    expect: { status: 200, headers: { 'access-control-allow-origin': 'https://myapp.com' }, appRan: true },
  },
];
