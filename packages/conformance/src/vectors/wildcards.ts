import type { ConformanceVector, VectorRequest } from '../vector.js';
import { ALL_CORS_HEADERS } from './headers.js';
import { credentialedApi, simpleApi } from './policies.js';

function preflight(method: string, headers?: string): VectorRequest {
  return {
    method: 'OPTIONS',
    path: '/api/items/1',
    headers: {
      origin: 'https://myapp.com',
      'access-control-request-method': method,
      ...(headers === undefined ? {} : { 'access-control-request-headers': headers }),
    },
  };
}

const anyHeader = { ...simpleApi, name: 'any-header-api', allowHeaders: ['*'] };
const anyHeaderCredentialed = { ...credentialedApi, name: 'any-header-credentialed-api', allowHeaders: ['*'] };
const anyHeaderWithAuthorization = { ...credentialedApi, name: 'any-header-auth-api', allowHeaders: ['*', 'Authorization'] };
const anyMethod = { ...simpleApi, name: 'any-method-api', methods: ['*'] };
const anyMethodCredentialed = { ...credentialedApi, name: 'any-method-credentialed-api', methods: ['*'] };

const refusedPreflight = { status: 403, absent: [...ALL_CORS_HEADERS], appRan: false } as const;

/** `*` in allow-headers and methods: literal in credentialed mode (so echoed), never covering Authorization. */
export const wildcardVectors: readonly ConformanceVector[] = [
  {
    id: 'wildcard/headers',
    title: 'A * allow-headers policy lets an anonymous preflight send any header',
    policy: anyHeader,
    request: preflight('POST', 'x-one,x-two'),
    expect: { status: 204, browser: { credentials: false, allowed: true }, appRan: false },
  },
  {
    id: 'wildcard/headers-no-authorization',
    title: '* in allow-headers does not cover Authorization',
    policy: anyHeader,
    request: preflight('GET', 'authorization'),
    expect: { ...refusedPreflight, browser: { credentials: false, allowed: false } },
  },
  {
    id: 'wildcard/headers-credentials-echo',
    title: '* in allow-headers with credentials echoes the requested headers instead of a literal *',
    policy: anyHeaderCredentialed,
    request: preflight('PUT', 'x-one,x-two'),
    expect: {
      status: 204,
      includes: { 'access-control-allow-headers': ['x-one', 'x-two'] },
      excludes: { 'access-control-allow-headers': ['*'] },
      browser: { credentials: true, allowed: true },
      appRan: false,
    },
  },
  {
    id: 'wildcard/headers-credentials-no-authorization',
    title: '* in allow-headers with credentials still refuses Authorization',
    policy: anyHeaderCredentialed,
    request: preflight('PUT', 'authorization,x-one'),
    expect: refusedPreflight,
  },
  {
    id: 'wildcard/headers-with-authorization',
    title: '["*", "Authorization"] allows Authorization along with any other header',
    policy: anyHeaderWithAuthorization,
    request: preflight('PUT', 'authorization,x-one'),
    expect: {
      status: 204,
      includes: { 'access-control-allow-headers': ['authorization', 'x-one'] },
      browser: { credentials: true, allowed: true },
      appRan: false,
    },
  },
  {
    id: 'wildcard/methods',
    title: 'A * methods policy lets an anonymous preflight use any method',
    policy: anyMethod,
    request: preflight('PATCH'),
    expect: { status: 204, browser: { credentials: false, allowed: true }, appRan: false },
  },
  {
    id: 'wildcard/methods-credentials-echo',
    title: '* in methods with credentials echoes the requested method instead of a literal *',
    policy: anyMethodCredentialed,
    request: preflight('PATCH', 'content-type'),
    expect: {
      status: 204,
      includes: { 'access-control-allow-methods': ['PATCH'] },
      excludes: { 'access-control-allow-methods': ['*'] },
      browser: { credentials: true, allowed: true },
      appRan: false,
    },
  },
  {
    id: 'wildcard/methods-actual',
    title: 'A * methods policy gives CORS headers to an actual request with any method',
    policy: anyMethodCredentialed,
    request: { method: 'PATCH', path: '/api/items/1', headers: { origin: 'https://myapp.com' } },
    expect: {
      status: 200,
      headers: { 'access-control-allow-origin': 'https://myapp.com', 'access-control-allow-credentials': 'true' },
      appRan: true,
    },
  },
];
