import { definePolicy } from '@org/cors-core';

/** A storefront API shared with a partner, with a route, an overlay, deployments and an acknowledged warning. */
export const storefront = definePolicy({
  name: 'storefront-api',
  description: 'The shop API.',
  owners: ['Team Shop'],
  origins: ['https://myapp.com', 'https://partner.example'],
  credentials: true,
  methods: ['GET', 'POST', 'PUT'],
  allowHeaders: ['Content-Type', 'Authorization'],
  maxAge: 10000,
  routes: [{ path: '/public/**', description: 'Catalogue', origins: ['*'], credentials: false }],
  environments: { staging: { description: 'Pre-production', origins: ['https://staging.myapp.com'] } },
  deployments: [
    { service: 'shop-api', url: 'https://api.myapp.com', description: 'EU cluster' },
    { service: 'shop-api-staging', environment: 'staging', url: 'https://api.staging.myapp.com' },
  ],
  acknowledgements: [{ rule: 'max-age/above-browser-cap', path: 'maxAge', reason: 'Firefox users benefit from the longer cache.' }],
  expectations: [{ description: 'The partner may read orders', request: { origin: 'https://partner.example', path: '/orders' }, allowed: true }],
});

/** A second API the partner may also read, without cookies, through a subdomain pattern too. */
export const reports = definePolicy({
  name: 'reports-api',
  owners: ['Team Data'],
  origins: ['https://partner.example', 'https://*.myapp.com'],
  methods: ['GET'],
  exposeHeaders: ['X-Report-Id'],
});

const HOSTILE = `<script>alert(1)</script></title>"'\n<img src=x onerror=alert(2)>`;

/** Every free-text field carries markup; the name is the only field core keeps to a slug. */
export const hostile = definePolicy({
  name: 'hostile-api',
  description: HOSTILE,
  owners: [HOSTILE],
  origins: ['https://app.example.com'],
  routes: [{ path: '/x', description: HOSTILE }],
  environments: { dev: { description: HOSTILE, origins: ['http://localhost:3000'] } },
  deployments: [{ service: HOSTILE, environment: 'dev', url: HOSTILE, description: HOSTILE }],
  expectations: [{ description: HOSTILE, request: { origin: 'https://app.example.com' }, allowed: true }],
  privateNetwork: true,
  acknowledgements: [{ rule: 'private-network/deprecated', path: 'privateNetwork', reason: HOSTILE }],
});
export { HOSTILE };
