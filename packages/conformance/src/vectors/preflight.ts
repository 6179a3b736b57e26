import type { ConformanceVector, VectorRequest } from '../vector.js';
import { ALL_CORS_HEADERS, PREFLIGHT_VARY } from './headers.js';
import { credentialedApi, customHeaderApi, publicApi, simpleApi } from './policies.js';

function preflight(origin: string, method: string, headers?: string): VectorRequest {
  return {
    method: 'OPTIONS',
    path: '/api/items/1',
    headers: {
      origin,
      'access-control-request-method': method,
      ...(headers === undefined ? {} : { 'access-control-request-headers': headers }),
    },
  };
}

/** A refused preflight: the policy's status, no CORS headers at all, the app never runs. */
const refusedPreflight = { status: 403, absent: [...ALL_CORS_HEADERS], appRan: false } as const;

/** Preflights the policy grants, and the ones it refuses without leaking anything. */
export const preflightVectors: readonly ConformanceVector[] = [
  {
    id: 'preflight/allowed',
    title: 'An allowed preflight is answered 204 with origin, credentials, method, headers, max-age and Vary',
    policy: credentialedApi,
    request: preflight('https://myapp.com', 'PUT', 'content-type'),
    expect: {
      status: 204,
      headers: {
        'access-control-allow-origin': 'https://myapp.com',
        'access-control-allow-credentials': 'true',
        'access-control-max-age': '600',
      },
      includes: { 'access-control-allow-methods': ['PUT'], 'access-control-allow-headers': ['content-type'] },
      vary: [...PREFLIGHT_VARY],
      browser: { credentials: true, allowed: true },
      appRan: false,
    },
  },
  {
    id: 'preflight/two-headers',
    title: 'A preflight asking for two listed headers is allowed for both',
    policy: credentialedApi,
    request: preflight('https://myapp.com', 'DELETE', 'authorization,content-type'),
    expect: {
      status: 204,
      includes: { 'access-control-allow-headers': ['authorization', 'content-type'] },
      browser: { credentials: true, allowed: true },
      appRan: false,
    },
  },
  {
    id: 'preflight/header-case-insensitive',
    title: 'Requested header names match the policy case-insensitively, with optional whitespace around commas',
    policy: credentialedApi,
    request: preflight('https://myapp.com', 'PUT', 'Content-Type , AUTHORIZATION'),
    expect: { status: 204, browser: { credentials: true, allowed: true }, appRan: false },
  },
  {
    id: 'preflight/repeated-acrh-lines',
    title: 'Repeated Access-Control-Request-Headers lines are combined into one list',
    policy: credentialedApi,
    request: {
      method: 'OPTIONS',
      path: '/api/items/1',
      headers: {
        origin: 'https://myapp.com',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': ['content-type', 'authorization'],
      },
    },
    expect: {
      status: 204,
      includes: { 'access-control-allow-headers': ['authorization', 'content-type'] },
      appRan: false,
    },
  },
  {
    id: 'preflight/header-only',
    title: 'A preflight for a safelisted method with a custom header is allowed by the header rule alone',
    policy: customHeaderApi,
    request: preflight('https://myapp.com', 'GET', 'x-trace'),
    expect: {
      status: 204,
      headers: { 'access-control-allow-origin': 'https://myapp.com' },
      includes: { 'access-control-allow-headers': ['x-trace'] },
      browser: { credentials: false, allowed: true },
      appRan: false,
    },
  },
  {
    id: 'preflight/wildcard-policy',
    title: 'A * policy answers a preflight with Access-Control-Allow-Origin: *',
    policy: publicApi,
    request: preflight('https://anyone.example.net', 'POST', 'content-type'),
    expect: {
      status: 204,
      headers: { 'access-control-allow-origin': '*' },
      absent: ['access-control-allow-credentials'],
      browser: { credentials: false, allowed: true },
      appRan: false,
    },
  },
  {
    id: 'preflight/no-max-age',
    title: 'A policy without maxAge sends no Access-Control-Max-Age (the browser default applies)',
    policy: customHeaderApi,
    request: preflight('https://myapp.com', 'POST', 'x-trace'),
    expect: { status: 204, absent: ['access-control-max-age'], appRan: false },
  },
  {
    id: 'preflight/refused-origin',
    title: 'A preflight from an unlisted origin is refused with 403 and no CORS headers',
    policy: credentialedApi,
    request: preflight('https://evil.com', 'PUT', 'content-type'),
    expect: { ...refusedPreflight, browser: { credentials: true, allowed: false } },
  },
  {
    id: 'preflight/refused-null-origin',
    title: 'A preflight from Origin: null is refused',
    policy: credentialedApi,
    request: preflight('null', 'PUT'),
    expect: refusedPreflight,
  },
  {
    id: 'preflight/refused-method',
    title: 'A preflight asking for a method the policy does not list is refused without listing the allowed ones',
    policy: credentialedApi,
    request: preflight('https://myapp.com', 'PATCH'),
    expect: { ...refusedPreflight, browser: { credentials: true, allowed: false } },
  },
  {
    id: 'preflight/refused-method-case',
    title: 'A lower-case patch does not match a configured PATCH (only the six standard methods are normalised)',
    policy: { ...credentialedApi, name: 'patch-api', methods: ['GET', 'PATCH'] },
    request: preflight('https://myapp.com', 'patch'),
    expect: refusedPreflight,
  },
  {
    id: 'preflight/method-normalised',
    title: 'A policy method written in lower case (put) is normalised and allows PUT',
    policy: { ...simpleApi, name: 'lower-put-api', methods: ['get', 'put'] },
    request: preflight('https://myapp.com', 'PUT'),
    expect: {
      status: 204,
      includes: { 'access-control-allow-methods': ['PUT'] },
      browser: { credentials: false, allowed: true },
      appRan: false,
    },
  },
  {
    id: 'preflight/refused-header',
    title: 'A preflight asking for a header the policy does not list is refused',
    policy: credentialedApi,
    request: preflight('https://myapp.com', 'PUT', 'x-secret'),
    expect: { ...refusedPreflight, browser: { credentials: true, allowed: false } },
  },
  {
    id: 'preflight/refused-one-of-headers',
    title: 'A preflight is refused when any one of the requested headers is not listed',
    policy: credentialedApi,
    request: preflight('https://myapp.com', 'PUT', 'content-type,x-secret'),
    expect: refusedPreflight,
  },
  {
    id: 'preflight/nothing-to-grant',
    title: 'A policy with no headers beyond the safelisted ones refuses a preflight that asks for Content-Type',
    policy: simpleApi,
    request: preflight('https://myapp.com', 'POST', 'content-type'),
    expect: refusedPreflight,
  },
  {
    id: 'preflight/refused-vary',
    title: 'A refused preflight still varies on Origin and the requested method and headers',
    policy: credentialedApi,
    request: preflight('https://evil.com', 'PUT', 'content-type'),
    expect: { ...refusedPreflight, vary: [...PREFLIGHT_VARY] },
  },
  {
    id: 'preflight/malformed-method',
    title: 'A preflight whose Access-Control-Request-Method is not a method token is refused',
    policy: credentialedApi,
    request: preflight('https://myapp.com', 'PUT GET'),
    expect: refusedPreflight,
  },
  {
    id: 'preflight/malformed-headers',
    title: 'A preflight whose Access-Control-Request-Headers is not a list of tokens is refused',
    policy: { ...credentialedApi, name: 'any-header-api', allowHeaders: ['*'] },
    request: preflight('https://myapp.com', 'PUT', 'x-one, x two'),
    expect: refusedPreflight,
  },
  {
    id: 'preflight/missing-route',
    title: 'A preflight for a path the app does not route is still answered by the CORS layer',
    policy: credentialedApi,
    request: { ...preflight('https://myapp.com', 'PUT', 'content-type'), path: '/missing/thing' },
    expect: {
      status: 204,
      headers: { 'access-control-allow-origin': 'https://myapp.com' },
      browser: { credentials: true, allowed: true },
      appRan: false,
    },
  },
];
