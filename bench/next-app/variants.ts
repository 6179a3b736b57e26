import { bindOriginSources, compilePolicy, definePolicy, type CorsDecisionEvent, type PolicyInput } from '@org/cors-core';
import { loadCompiledPolicy, type RuntimeCorsPolicy } from '@org/cors-core/runtime';
import { corsRoute } from '@org/cors-next';
import { corsRoute as observedCorsRoute, withCors as observedWithCors } from '@org/cors-next/observed';
import { withCors } from '@org/cors-next';
import { apiPolicy, apiPolicyInput } from '@org/cors-policies';

/*
 * The production variants of ours on Next.js (what src/adapters/variant-policies.ts builds for the Node
 * servers): `ours+source`, the seed policy plus a `tenants` lookup source, bound; `ours+report-only`,
 * the plain policy with a GET-only report-only candidate and a counting `onDecision` hook, from
 * `@org/cors-next/observed`. This file imports packages only: `next build` (Turbopack) does not resolve
 * the `.js` specifiers of the bench's own modules to their `.ts` files. The smoke test checks these
 * variants against the same scenarios as the Node ones.
 */

/** The names the route and the proxy accept besides bare, ours and anchor. */
const NEXT_VARIANTS = ['ours+source', 'ours+report-only'] as const;
type NextVariant = (typeof NEXT_VARIANTS)[number];

export function isNextVariant(name: string | undefined): name is NextVariant {
  return (NEXT_VARIANTS as readonly (string | undefined)[]).includes(name);
}

/** The only origin the `tenants` lookup source holds (bench-rules.ts TENANT_ORIGIN). */
const TENANT_ORIGIN = 'https://shop.tenant-1.example';

function sourceBound(compiled: boolean): RuntimeCorsPolicy {
  const input: PolicyInput = { ...structuredClone(apiPolicyInput), origins: [...apiPolicyInput.origins, { source: 'tenants' }] };
  const policy = compiled ? loadCompiledPolicy(compilePolicy(definePolicy(input))) : definePolicy(input);
  return bindOriginSources(policy, { tenants: { has: async (origin: string) => origin === TENANT_ORIGIN } });
}

const candidate = () => loadCompiledPolicy(compilePolicy(definePolicy({ ...structuredClone(apiPolicyInput), methods: ['GET'], expectations: [] })));


const KEY = Symbol.for('@org/bench/decision-counts');

/**
 * This process's counts of the report-only contender's hook, on globalThis: `next build` bundles the
 * proxy and each route separately, each with its own copy of this module, and `/bench/events` must
 * read what the proxy or the route counted.
 */
export function processCounts(): { decisions: number; reportOnly: number } {
  const global = globalThis as { [KEY]?: { decisions: number; reportOnly: number } };
  return (global[KEY] ??= { decisions: 0, reportOnly: 0 });
}

function onDecision(event: CorsDecisionEvent): void {
  if (event.reportOnly) processCounts().reportOnly++;
  else processCounts().decisions++;
}

type Handler = (request: Request, context: unknown) => Response | Promise<Response>;
const list = (): Response => Response.json({ items: [] });

/** The route handlers of a variant for `/api/items` (ours: `corsRoute(apiPolicy, …)`). */
export function routeVariant(name: NextVariant): { GET: Handler; OPTIONS?: Handler | undefined } {
  if (name === 'ours+source') return corsRoute(sourceBound(false), { GET: () => list() });
  return observedCorsRoute(apiPolicy, { GET: () => list() }, { reportOnly: candidate(), onDecision });
}

/** The proxy.ts function of a variant (ours: `withCors(loadCompiledPolicy(compilePolicy(apiPolicy)))`). */
export function proxyVariant(name: NextVariant): (request: Request, event?: unknown) => Response | Promise<Response> {
  if (name === 'ours+source') return withCors(sourceBound(true));
  return observedWithCors(loadCompiledPolicy(compilePolicy(apiPolicy)), undefined, { reportOnly: candidate(), onDecision });
}
