import { apiPolicyInput } from '@org/cors-policies';

/*
 * What every contender enforces, in both benches: the organisation's storefront policy
 * (@org/cors-policies). The `cors`, `@koa/cors`, Nest and Next.js anchors and the hand-written
 * baseline are configured from these same values, so every contender answers the same question.
 */

/** The origins the storefront policy trusts in production. */
export const POLICY_ORIGINS: readonly string[] = apiPolicyInput.origins;
export const METHODS: readonly string[] = apiPolicyInput.methods;
export const ALLOW_HEADERS: readonly string[] = apiPolicyInput.allowHeaders;
export const EXPOSE_HEADERS: readonly string[] = apiPolicyInput.exposeHeaders;
export const MAX_AGE: number = apiPolicyInput.maxAge;
export const CREDENTIALS: boolean = apiPolicyInput.credentials;

/** The origin every "allowed" scenario sends; listed by the policy. */
export const ALLOWED_ORIGIN = 'https://myapp.com';
/** A well-formed origin no contender lists. */
export const REFUSED_ORIGIN = 'https://evil.example';
/** An origin no static list holds: only the `tenants` lookup source of the adapter bench's `ours+source` does. */
export const TENANT_ORIGIN = 'https://shop.tenant-1.example';
/** The path every scenario requests: matched by no route rule, so the top-level rules apply. */
export const BENCH_PATH = '/api/items';
/** The preflight's `Access-Control-Request-Method`: not safelisted, so Allow-Methods is needed. */
export const PREFLIGHT_METHOD = 'PUT';
/** The preflight's `Access-Control-Request-Headers`: what a JSON client with a bearer token sends. */
export const PREFLIGHT_HEADERS = 'content-type,authorization';
