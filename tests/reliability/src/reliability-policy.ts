import type { PolicyInput } from '@org/cors-core';

/** Origins the policy lists, and one its pattern matches: the generator mixes them with hostile values. */
export const LISTED_ORIGINS = ['https://app.example.com', 'https://shop.example.com', 'http://localhost:3000'] as const;
export const PATTERN_MATCHED_ORIGIN = 'https://acme.tenant.example.com';

/**
 * The policy every host enforces in the reliability run: credentialed exact origins and a pattern at
 * the top, a public `*` route, a disabled route and a route with its own origin, so every code path
 * of the resolver (and both precomputed and echoed answers) is reached.
 */
export const reliabilityPolicy: PolicyInput = {
  name: 'reliability',
  origins: [...LISTED_ORIGINS, 'https://*.tenant.example.com'],
  credentials: true,
  methods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowHeaders: ['Content-Type', 'Authorization', 'X-Request-Id'],
  exposeHeaders: ['X-Request-Id'],
  maxAge: 600,
  routes: [
    { path: '/public/**', origins: ['*'], credentials: false },
    { path: '/admin/**', disabled: true },
    { path: '/partners/*/feed', origins: ['https://partner.example'], credentials: false, methods: ['GET'] },
  ],
};
