import type { ConformanceVector, VectorRequest } from '../vector.js';
import { ALL_CORS_HEADERS } from './headers.js';
import { credentialedApi, loopbackApi } from './policies.js';

/** A GET to the credentialed API with these `Origin` header line(s). */
function getWithOrigin(origin: string | readonly string[]): VectorRequest {
  return { method: 'GET', path: '/api/items', headers: { origin } };
}

/** The response to a refused actual request: the app answers, no CORS headers, `Vary: Origin`. */
const refused = { status: 200, absent: [...ALL_CORS_HEADERS], vary: ['Origin'], appRan: true } as const;

/**
 * Origin matching is byte-for-byte against canonical configured origins: nothing a browser would not
 * send matches, and nothing is matched by substring, prefix or suffix.
 */
export const originMatchingVectors: readonly ConformanceVector[] = [
  {
    id: 'origin/null',
    title: 'Origin: null is never matched and never echoed',
    policy: credentialedApi,
    request: getWithOrigin('null'),
    expect: { ...refused, browser: { credentials: true, allowed: false } },
  },
  {
    id: 'origin/upper-case',
    title: 'An upper-case Origin does not match its lower-case configured origin',
    policy: credentialedApi,
    request: getWithOrigin('https://MyApp.com'),
    expect: refused,
  },
  {
    id: 'origin/upper-case-scheme',
    title: 'An upper-case scheme in Origin does not match',
    policy: credentialedApi,
    request: getWithOrigin('HTTPS://myapp.com'),
    expect: refused,
  },
  {
    id: 'origin/trailing-slash',
    title: 'An Origin with a trailing slash does not match',
    policy: credentialedApi,
    request: getWithOrigin('https://myapp.com/'),
    expect: refused,
  },
  {
    id: 'origin/with-path',
    title: 'An Origin carrying a path does not match',
    policy: credentialedApi,
    request: getWithOrigin('https://myapp.com/login'),
    expect: refused,
  },
  {
    id: 'origin/default-port',
    title: 'An Origin with an explicit default port does not match (browsers omit it)',
    policy: credentialedApi,
    request: getWithOrigin('https://myapp.com:443'),
    expect: refused,
  },
  {
    id: 'origin/comma-joined',
    title: 'Two origins joined with a comma in one Origin line match neither',
    policy: credentialedApi,
    request: getWithOrigin('https://myapp.com, https://admin.myapp.com'),
    expect: refused,
  },
  {
    id: 'origin/space-joined',
    title: 'Two origins joined with a space in one Origin line match neither',
    policy: credentialedApi,
    request: getWithOrigin('https://myapp.com https://admin.myapp.com'),
    expect: refused,
  },
  {
    id: 'origin/repeated-lines',
    title: 'Repeated Origin lines match nothing, even when both carry an allowed origin',
    policy: credentialedApi,
    request: getWithOrigin(['https://myapp.com', 'https://myapp.com']),
    expect: refused,
  },
  {
    id: 'origin/repeated-lines-mixed',
    title: 'An allowed origin smuggled as a second Origin line is not echoed',
    policy: credentialedApi,
    request: getWithOrigin(['https://evil.com', 'https://myapp.com']),
    expect: refused,
  },
  {
    id: 'origin/empty',
    title: 'An empty Origin matches nothing and still gets Vary: Origin',
    policy: credentialedApi,
    request: getWithOrigin(''),
    expect: refused,
  },
  {
    id: 'origin/lookalike-suffix',
    title: 'A host that merely starts with an allowed host (https://myapp.com.evil.com) is refused',
    policy: credentialedApi,
    request: getWithOrigin('https://myapp.com.evil.com'),
    expect: { ...refused, browser: { credentials: true, allowed: false } },
  },
  {
    id: 'origin/lookalike-prefix',
    title: 'A host that merely ends with an allowed host (https://evilmyapp.com) is refused',
    policy: credentialedApi,
    request: getWithOrigin('https://evilmyapp.com'),
    expect: { ...refused, browser: { credentials: true, allowed: false } },
  },
  {
    id: 'origin/other-scheme',
    title: 'The same host over http is a different origin and is refused',
    policy: credentialedApi,
    request: getWithOrigin('http://myapp.com'),
    expect: refused,
  },
  {
    id: 'origin/other-port',
    title: 'The same host on another port is a different origin and is refused',
    policy: credentialedApi,
    request: getWithOrigin('https://myapp.com:8443'),
    expect: refused,
  },
  {
    id: 'origin/subdomain-of-exact',
    title: 'An exact origin does not cover its subdomains',
    policy: credentialedApi,
    request: getWithOrigin('https://api.myapp.com'),
    expect: refused,
  },
  {
    id: 'origin/whitespace',
    title: 'An Origin padded with an internal tab does not match',
    policy: credentialedApi,
    request: getWithOrigin('https://myapp.com\t.evil'),
    expect: refused,
  },
  {
    id: 'origin/oversized',
    title: 'An 8 KiB Origin is refused, quickly',
    policy: credentialedApi,
    request: getWithOrigin(`https://${'a'.repeat(8192)}.myapp.com`),
    expect: { ...refused, maxDurationMs: 1000 },
  },
  {
    id: 'origin/ipv6',
    title: 'A canonical IPv6 loopback origin is matched and echoed',
    policy: loopbackApi,
    request: getWithOrigin('http://[::1]:3000'),
    expect: {
      status: 200,
      headers: { 'access-control-allow-origin': 'http://[::1]:3000', 'access-control-allow-credentials': 'true' },
      vary: ['Origin'],
      browser: { credentials: true, allowed: true },
      appRan: true,
    },
  },
  {
    id: 'origin/ipv6-non-canonical',
    title: 'A non-canonical spelling of an allowed IPv6 origin does not match',
    policy: loopbackApi,
    request: getWithOrigin('http://[0:0:0:0:0:0:0:1]:3000'),
    expect: refused,
  },
  {
    id: 'origin/ipv4-non-canonical',
    title: 'A non-canonical spelling of an allowed IPv4 origin (leading zeros) does not match',
    policy: loopbackApi,
    request: getWithOrigin('http://127.000.000.001:3000'),
    expect: refused,
  },
  {
    id: 'origin/punycode',
    title: 'A Punycode origin is matched as configured',
    policy: loopbackApi,
    request: getWithOrigin('https://xn--mnchen-3ya.de'),
    expect: {
      status: 200,
      headers: { 'access-control-allow-origin': 'https://xn--mnchen-3ya.de' },
      vary: ['Origin'],
      appRan: true,
    },
  },
  {
    id: 'origin/unicode',
    title: 'The Unicode spelling of an allowed Punycode origin does not match (browsers send Punycode)',
    policy: loopbackApi,
    request: getWithOrigin('https://m\u00fcnchen.de'),
    expect: refused,
  },
];
