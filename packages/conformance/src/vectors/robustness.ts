import type { ConformanceVector } from '../vector.js';
import { ALL_CORS_HEADERS } from './headers.js';
import { credentialedApi } from './policies.js';

/** `x-h0001,x-h0002,…`: `count` distinct, individually valid header names. */
function manyHeaderNames(count: number): string {
  return Array.from({ length: count }, (_, i) => `x-h${String(i).padStart(4, '0')}`).join(',');
}

/** The policy most tempted to echo whatever arrives: `*` headers with credentials. */
const echoingPolicy = { ...credentialedApi, name: 'any-header-credentialed-api', allowHeaders: ['*'] };

/** The policy most tempted to echo the requested method: `*` methods with credentials. */
const anyMethodPolicy = { ...credentialedApi, name: 'any-method-credentialed-api', methods: ['*'] };

/** Request input an attacker controls must cost little and never be echoed wholesale. */
export const robustnessVectors: readonly ConformanceVector[] = [
  {
    id: 'robustness/acrh-many-items',
    title: 'A preflight requesting 1,400 headers (12 KiB) is refused quickly, even under * allow-headers',
    policy: echoingPolicy,
    request: {
      method: 'OPTIONS',
      path: '/api/items/1',
      headers: { origin: 'https://myapp.com', 'access-control-request-method': 'PUT', 'access-control-request-headers': manyHeaderNames(1400) },
    },
    expect: { status: 403, absent: [...ALL_CORS_HEADERS], appRan: false, maxDurationMs: 1000 },
  },
  {
    id: 'robustness/acrh-64k',
    title: 'A 64 KiB Access-Control-Request-Headers is refused quickly, by the CORS layer or by the server (431)',
    policy: echoingPolicy,
    request: {
      method: 'OPTIONS',
      path: '/api/items/1',
      headers: {
        origin: 'https://myapp.com',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': `x-${'a'.repeat(64 * 1024)}`,
      },
    },
    expect: { status: [403, 431], absent: [...ALL_CORS_HEADERS], appRan: false, maxDurationMs: 1000 },
  },
  {
    id: 'robustness/acrh-commas',
    title: 'A preflight whose Access-Control-Request-Headers is 8 KiB of commas is refused quickly',
    policy: echoingPolicy,
    request: {
      method: 'OPTIONS',
      path: '/api/items/1',
      headers: { origin: 'https://myapp.com', 'access-control-request-method': 'PUT', 'access-control-request-headers': ','.repeat(8192) },
    },
    expect: { status: 403, absent: [...ALL_CORS_HEADERS], appRan: false, maxDurationMs: 1000 },
  },
  {
    id: 'robustness/acrm-oversized',
    title: 'A 64 KiB Access-Control-Request-Method is refused quickly and never echoed, even under * methods',
    policy: anyMethodPolicy,
    request: {
      method: 'OPTIONS',
      path: '/api/items/1',
      headers: { origin: 'https://myapp.com', 'access-control-request-method': `X${'P'.repeat(64 * 1024)}` },
    },
    expect: { status: [403, 431], absent: [...ALL_CORS_HEADERS], appRan: false, maxDurationMs: 1000 },
  },
  {
    id: 'robustness/acrm-over-cap',
    title: 'A 65-byte custom Access-Control-Request-Method is refused as malformed under * methods',
    policy: anyMethodPolicy,
    request: {
      method: 'OPTIONS',
      path: '/api/items/1',
      headers: { origin: 'https://myapp.com', 'access-control-request-method': 'X'.repeat(65) },
    },
    expect: { status: 403, absent: [...ALL_CORS_HEADERS], appRan: false },
  },
];
