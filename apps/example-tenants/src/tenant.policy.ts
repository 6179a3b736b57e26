import { definePolicy, type CorsPolicy, type PolicyInput } from '@org/cors-core';

/** The name the policy declares and the app binds the table of customer domains to. */
export const TENANT_SOURCE = 'tenant-domains';

/** How long a listing of tenant domains stays in force (the TTL); the runtime relists every half of it. */
export const TENANT_REFRESH_SECONDS = 5;

/**
 * The tenant API: the company's own app, plus every customer custom domain in the table, read at run
 * time. Tenants get GET and POST without cookies; a listing stays in force for 5 s (relisted every
 * 2.5 s), so a domain added or removed takes effect within seconds — short on purpose, for the demo.
 */
export const tenantPolicyInput = {
  name: 'tenant-api',
  description: 'The product API, called by the company\'s app and by every customer\'s custom domain.',
  owners: ['platform-team'],
  origins: [
    'https://app.example.com',
    { source: TENANT_SOURCE, description: 'Customer custom domains (table cors_origins)', methods: ['GET', 'POST'], credentials: false, refreshSeconds: TENANT_REFRESH_SECONDS },
  ],
  methods: ['GET', 'POST'],
  allowHeaders: ['Content-Type'],
  routes: [
    { path: '/public/**', description: 'Service status: readable by any site, never with cookies.', origins: ['*'], credentials: false, methods: ['GET', 'HEAD'], allowHeaders: [] },
  ],
} satisfies PolicyInput;

export const tenantPolicy = definePolicy(tenantPolicyInput);

/**
 * The demo's admin API (`/admin/**`) has a policy of its own: only the pages that manage tenants (the
 * docs site's live page in `scripts/start.sh`) may call it, and never as a tenant. Its origins come
 * from configuration, so they are validated here like any policy: a bad one throws `CorsPolicyError`.
 */
export function adminPolicy(origins: readonly string[]): CorsPolicy {
  return definePolicy({
    name: 'tenant-admin',
    description: 'The demo\'s tenant-domain admin API: the pages that manage tenants, nobody else.',
    origins: [...origins],
    credentials: false,
    methods: ['GET', 'POST', 'DELETE'],
    allowHeaders: ['Content-Type'],
  });
}
