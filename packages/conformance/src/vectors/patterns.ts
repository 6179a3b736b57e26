import type { ConformanceVector, VectorRequest } from '../vector.js';
import { ALL_CORS_HEADERS, PREFLIGHT_VARY } from './headers.js';
import { patternApi, portPatternApi } from './policies.js';

function getWithOrigin(origin: string): VectorRequest {
  return { method: 'GET', path: '/api/items', headers: { origin } };
}

const refused = { status: 200, absent: [...ALL_CORS_HEADERS], vary: ['Origin'], appRan: true } as const;

/** `https://*.example.com` stands for one or more whole labels; `:*` for any port. Nothing else. */
export const patternVectors: readonly ConformanceVector[] = [
  {
    id: 'pattern/one-label',
    title: 'A subdomain pattern matches a one-label subdomain and echoes the concrete origin',
    policy: patternApi,
    request: getWithOrigin('https://shop.myapp.com'),
    expect: {
      status: 200,
      headers: { 'access-control-allow-origin': 'https://shop.myapp.com', 'access-control-allow-credentials': 'true' },
      vary: ['Origin'],
      browser: { credentials: true, allowed: true },
      appRan: true,
    },
  },
  {
    id: 'pattern/two-labels',
    title: 'A subdomain pattern matches a two-label subdomain',
    policy: patternApi,
    request: getWithOrigin('https://eu.shop.myapp.com'),
    expect: {
      status: 200,
      headers: { 'access-control-allow-origin': 'https://eu.shop.myapp.com' },
      vary: ['Origin'],
      appRan: true,
    },
  },
  {
    id: 'pattern/apex',
    title: 'A subdomain pattern does not match the apex domain',
    policy: patternApi,
    request: getWithOrigin('https://myapp.com'),
    expect: refused,
  },
  {
    id: 'pattern/other-scheme',
    title: 'An https subdomain pattern does not match an http subdomain',
    policy: patternApi,
    request: getWithOrigin('http://shop.myapp.com'),
    expect: refused,
  },
  {
    id: 'pattern/other-port',
    title: 'A subdomain pattern without :* does not match a subdomain on another port',
    policy: patternApi,
    request: getWithOrigin('https://shop.myapp.com:8443'),
    expect: refused,
  },
  {
    id: 'pattern/lookalike-label',
    title: 'A subdomain pattern does not match a host that only ends with the base (https://evilmyapp.com)',
    policy: patternApi,
    request: getWithOrigin('https://evilmyapp.com'),
    expect: refused,
  },
  {
    id: 'pattern/lookalike-suffix',
    title: 'A subdomain pattern does not match a host that only contains the base (https://shop.myapp.com.evil.com)',
    policy: patternApi,
    request: getWithOrigin('https://shop.myapp.com.evil.com'),
    expect: refused,
  },
  {
    id: 'pattern/empty-label',
    title: 'A subdomain pattern does not match an empty leading label (https://.myapp.com)',
    policy: patternApi,
    request: getWithOrigin('https://.myapp.com'),
    expect: refused,
  },
  {
    id: 'pattern/host-too-long',
    title: 'A subdomain pattern does not match a host longer than 253 characters',
    policy: patternApi,
    request: getWithOrigin(`https://${`${'a'.repeat(60)}.`.repeat(4)}shop.myapp.com`),
    expect: refused,
  },
  {
    id: 'pattern/preflight',
    title: 'A preflight from a pattern-matched origin is allowed and echoes the concrete origin',
    policy: patternApi,
    request: {
      method: 'OPTIONS',
      path: '/api/items/1',
      headers: { origin: 'https://shop.myapp.com', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' },
    },
    expect: {
      status: 204,
      headers: { 'access-control-allow-origin': 'https://shop.myapp.com', 'access-control-allow-credentials': 'true' },
      vary: [...PREFLIGHT_VARY],
      browser: { credentials: true, allowed: true },
      appRan: false,
    },
  },
  {
    id: 'pattern/any-port',
    title: 'A :* port wildcard matches a subdomain on any explicit port',
    policy: portPatternApi,
    request: getWithOrigin('https://shop.myapp.com:8443'),
    expect: {
      status: 200,
      headers: { 'access-control-allow-origin': 'https://shop.myapp.com:8443' },
      vary: ['Origin'],
      appRan: true,
    },
  },
  {
    id: 'pattern/any-port-other-scheme',
    title: 'A :* port wildcard does not widen the scheme',
    policy: portPatternApi,
    request: getWithOrigin('http://shop.myapp.com:8080'),
    expect: refused,
  },
];
