import type { OriginLookupProvider, PolicyInput } from '@org/cors-core';

/** Origins the policy lists, and one its pattern matches: the generator mixes them with hostile values. */
export const LISTED_ORIGINS = ['https://app.example.com', 'https://shop.example.com', 'http://localhost:3000'] as const;
export const PATTERN_MATCHED_ORIGIN = 'https://acme.tenant.example.com';

/**
 * The policy every host enforces in the reliability run: credentialed exact origins and a pattern at
 * the top, a public `*` route, a disabled route and a route with its own origin, so every code path
 * of the resolver (and both precomputed and echoed answers) is reached. At the top, a lookup source of
 * tenant domains (see {@link tenantLookup}).
 */
export const reliabilityPolicy: PolicyInput = {
  name: 'reliability',
  origins: [...LISTED_ORIGINS, 'https://*.tenant.example.com', { source: 'tenants', timeoutMs: 50 }],
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

/** How many distinct tenant hosts the generator draws from: many more than the lookup cache holds. */
export const TENANT_HOSTS = 50_000;
/** The lookup cache of the run: small, so that it is full (and evicting) before the heap is first read. */
export const LOOKUP_CACHE_SIZE = 1_000;

/** `https://t<n>.customer.example`: the tenant origins the generator sends. */
export const tenantOrigin = (n: number): string => `https://t${n}.customer.example`;

/** Whether the source holds `origin`: two tenants in three; never anything that is not a tenant origin. */
export function isTenant(origin: string): boolean {
  const n = /^https:\/\/t(\d+)\.customer\.example$/.exec(origin)?.[1];
  return n !== undefined && Number(n) % 3 !== 0;
}

/**
 * The tenant source as a database would answer it, with a database's bad moments: one tenant in 89
 * fails and one in 97 never answers (the policy's 50 ms timeout ends the wait), so fail-closed paths
 * and timeouts run all the time.
 */
export const tenantLookup: OriginLookupProvider = {
  has(origin) {
    const n = Number(/^https:\/\/t(\d+)\./.exec(origin)?.[1] ?? -1);
    if (n >= 0 && n % 97 === 0) return new Promise<boolean>(() => undefined);
    if (n >= 0 && n % 89 === 0) return Promise.reject(new Error('database unavailable'));
    return Promise.resolve(isTenant(origin));
  },
};
