import { describe, expect, it } from 'vitest';
import type { PolicyInput } from '../src/index.js';
import { actual, base, findingsOf, header, load, preflight } from './helpers.js';

/** Must-accept items of CORS-RULES.md: each loads with no finding at all. */
const accepted: Array<[string, Partial<PolicyInput>]> = [
  ['exact https origins with credentials', { origins: ['https://app.example.com', 'https://admin.example.com:8443'], credentials: true }],
  ['a subdomain pattern on a registrable domain with credentials', { origins: ['https://*.example.com', 'https://*.example.co.uk:*'], credentials: true }],
  ['localhost and loopback over http with credentials', { origins: ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000', 'http://localhost:*', 'http://app.localhost:5173'], credentials: true }],
  ['a pattern under localhost (always loopback, RFC 6761) with credentials', { origins: ['http://*.localhost:*'], credentials: true }],
  ['"*" without credentials', { origins: ['*'] }],
  ['Punycode hosts', { origins: ['https://xn--bcher-kva.example', 'https://*.xn--r8jz45g.jp'], credentials: true }],
  ['Max-Age 0', { maxAge: 0 }],
  ['Max-Age at the Chromium cap', { maxAge: 7200 }],
  ['custom method tokens', { methods: ['PATCH', 'PROPFIND', 'X-PURGE', '*'] }],
  ['["*", "Authorization"] as allowed headers', { allowHeaders: ['*', 'Authorization'] }],
  ['"*" methods and headers with credentials (echoed per request)', { methods: ['*'], allowHeaders: ['*', 'Authorization'], credentials: true }],
  ['"*" exposed headers without credentials', { exposeHeaders: ['*'] }],
  ['canonical IPv4 and IPv6 origins', { origins: ['https://192.0.2.10', 'https://[2001:db8::1]:8443'] }],
  ['a disabled route that would be invalid if enabled', { routes: [{ path: '/internal/**', disabled: true }] }],
];

describe('a JSON policy file', () => {
  it('may point "$schema" at the exported JSON Schema for editor completion', () => {
    const json: unknown = JSON.parse('{"$schema": "./cors-policy.schema.json", "name": "test-api", "origins": ["https://app.example.com"]}');
    expect(findingsOf(json)).toEqual([]);
  });
});

describe('a policy must accept', () => {
  it.each(accepted)('%s, without any finding', (_label, overrides) => {
    expect(findingsOf({ ...base, ...overrides })).toEqual([]);
  });

  it('Punycode origins match what browsers send', () => {
    const policy = load({ origins: ['https://xn--bcher-kva.example'] });
    expect(header(actual(policy, 'https://xn--bcher-kva.example'), 'Access-Control-Allow-Origin')).toBe('https://xn--bcher-kva.example');
    expect(actual(policy, 'https://bücher.example').kind).toBe('actual-refused');
  });

  it('loopback origins with credentials work end to end', () => {
    const policy = load({ origins: ['http://localhost:3000', 'http://[::1]:3000'], credentials: true, methods: ['PUT'] });
    for (const origin of ['http://localhost:3000', 'http://[::1]:3000']) {
      expect(header(preflight(policy, origin, 'PUT'), 'Access-Control-Allow-Origin')).toBe(origin);
    }
  });

  it('the organisation-style policy from the design docs loads without findings', () => {
    const storefront = {
      name: 'storefront-api',
      origins: ['https://myapp.com', 'https://admin.myapp.com'],
      credentials: true,
      methods: ['GET', 'POST', 'PUT', 'DELETE'],
      allowHeaders: ['Content-Type', 'Authorization'],
      maxAge: 600,
      routes: [{ path: '/public/**', origins: ['*'], credentials: false }],
      environments: { development: { developmentOnly: true, origins: ['http://localhost:3000', 'http://127.0.0.1:3000'] } },
    } satisfies PolicyInput;
    expect(findingsOf(storefront)).toEqual([]);
    expect(findingsOf(storefront, 'development')).toEqual([]);
  });
});
