import type { ConformanceVector, VectorRequest } from '../vector.js';
import { ALL_CORS_HEADERS } from './headers.js';
import { credentialedApi } from './policies.js';

function privateNetworkPreflight(origin: string): VectorRequest {
  return {
    method: 'OPTIONS',
    path: '/api/items/1',
    headers: {
      origin,
      'access-control-request-method': 'PUT',
      'access-control-request-private-network': 'true',
    },
  };
}

const optedIn = { ...credentialedApi, name: 'private-network-api', privateNetwork: true };

/** Private Network Access: opt-in only, and only on successful preflights from allowed origins. */
export const privateNetworkVectors: readonly ConformanceVector[] = [
  {
    id: 'private-network/opted-in',
    title: 'A policy that opts in answers a private-network preflight with Access-Control-Allow-Private-Network: true',
    policy: optedIn,
    request: privateNetworkPreflight('https://myapp.com'),
    expect: {
      status: 204,
      headers: { 'access-control-allow-origin': 'https://myapp.com', 'access-control-allow-private-network': 'true' },
      browser: { credentials: true, allowed: true },
      appRan: false,
    },
  },
  {
    id: 'private-network/opted-in-refused-origin',
    title: 'An opted-in policy still refuses a private-network preflight from an unlisted origin',
    policy: optedIn,
    request: privateNetworkPreflight('https://evil.com'),
    expect: { status: 403, absent: [...ALL_CORS_HEADERS], appRan: false },
  },
  {
    id: 'private-network/off',
    title: 'A policy that does not opt in never sends Access-Control-Allow-Private-Network',
    policy: credentialedApi,
    request: privateNetworkPreflight('https://myapp.com'),
    expect: {
      status: 403,
      absent: ['access-control-allow-private-network'],
      browser: { credentials: true, allowed: false },
      appRan: false,
    },
  },
  {
    id: 'private-network/not-requested',
    title: 'An opted-in policy does not send Access-Control-Allow-Private-Network on ordinary preflights',
    policy: optedIn,
    request: { method: 'OPTIONS', path: '/api/items/1', headers: { origin: 'https://myapp.com', 'access-control-request-method': 'PUT' } },
    expect: { status: 204, absent: ['access-control-allow-private-network'], appRan: false },
  },
];
