import type { PolicyInput } from '@org/cors-core';

/*
 * The policies the vectors run against. Each is a plausible production policy, small enough that a
 * reader can derive every expectation by hand from CORS-RULES.md.
 */

/** Two exact https origins, with credentials, four methods, two request headers, one exposed header. */
export const credentialedApi = {
  name: 'credentialed-api',
  origins: ['https://myapp.com', 'https://admin.myapp.com'],
  credentials: true,
  methods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowHeaders: ['Content-Type', 'Authorization'],
  exposeHeaders: ['X-Request-Id'],
  maxAge: 600,
} satisfies PolicyInput;

/** One exact origin and nothing else: default methods (GET, HEAD, POST), no credentials, no extra headers. */
export const simpleApi = {
  name: 'simple-api',
  origins: ['https://myapp.com'],
} satisfies PolicyInput;

/** One exact origin allowing one custom request header. */
export const customHeaderApi = {
  name: 'custom-header-api',
  origins: ['https://myapp.com'],
  allowHeaders: ['X-Trace'],
} satisfies PolicyInput;

/** Any origin, no credentials. */
export const publicApi = {
  name: 'public-api',
  origins: ['*'],
  allowHeaders: ['Content-Type'],
  exposeHeaders: ['X-Request-Id'],
} satisfies PolicyInput;

/** Every subdomain of myapp.com (one or more labels), with credentials. */
export const patternApi = {
  name: 'pattern-api',
  origins: ['https://*.myapp.com'],
  credentials: true,
  methods: ['GET', 'POST', 'PUT'],
  allowHeaders: ['Content-Type'],
} satisfies PolicyInput;

/** Every subdomain of myapp.com on any port. */
export const portPatternApi = {
  name: 'port-pattern-api',
  origins: ['https://*.myapp.com:*'],
} satisfies PolicyInput;

/** The credentialed API plus route rules: a public read-only area, a partner area and a closed area. */
export const routedApi = {
  ...credentialedApi,
  name: 'routed-api',
  routes: [
    { path: '/public/**', description: 'Public status, readable by any site.', origins: ['*'], credentials: false, methods: ['GET', 'HEAD'] },
    { path: '/partners/*', description: 'One partner integration.', origins: ['https://partner.example.org'] },
    { path: '/internal/**', description: 'Never called from browsers.', disabled: true },
  ],
} satisfies PolicyInput;

/** The credentialed API with a development overlay adding a local front end. */
export const environmentApi = {
  ...credentialedApi,
  name: 'environment-api',
  environments: { development: { origins: ['http://localhost:3000'] } },
} satisfies PolicyInput;

/** Loopback front ends (IPv4 and IPv6) and a Punycode (internationalised) host, with credentials. */
export const loopbackApi = {
  name: 'loopback-api',
  origins: ['http://127.0.0.1:3000', 'http://[::1]:3000', 'https://xn--mnchen-3ya.de'],
  credentials: true,
} satisfies PolicyInput;
