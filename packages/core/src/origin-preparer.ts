import { compiledOf } from './compiled-policy.js';
import { CorsPolicyError } from './policy-issue.js';
import type { RuntimeCorsPolicy } from './runtime-policy.js';

/*
 * What an adapter awaits before the synchronous resolver can answer a request whose origin a lookup
 * source must be asked about. The preparer is stored on the bound policy by `bindOriginSources`, so a
 * bundle that never binds sources carries none of the lookup code: adapters only read it here.
 */

/**
 * For one request: `undefined` when the resolver can answer now, else a promise (never rejecting,
 * settled within the sources' timeout) to await first. `target` is the request target (`/a?b=1`).
 */
export type OriginPreparer = (origin: string | undefined, target: string) => Promise<void> | undefined;

const PREPARER: unique symbol = Symbol.for('@org/cors-core/origin-preparer@1');

type WithPreparer = RuntimeCorsPolicy & { readonly [PREPARER]?: OriginPreparer };

/** Stores `preparer` on a bound policy object (before it is frozen). */
export function attachOriginPreparer(policy: RuntimeCorsPolicy, preparer: OriginPreparer): void {
  Object.defineProperty(policy, PREPARER, { value: preparer, enumerable: false });
}

/**
 * What an adapter calls once, when it is mounted: the {@link OriginPreparer} of the enforced policy
 * and of the report-only candidate, when either has bound lookup sources; `undefined` when no request
 * ever needs one (no source, or list sources only: their sets are in memory). Throws `CorsPolicyError`
 * when either declares origin sources that are not bound, so a service cannot start while refusing
 * every tenant (or reporting every tenant as refused) without saying why.
 *
 * @example
 * const prepare = originPreparer(policy);
 * const pending = prepare?.(req.headers.origin, req.url);
 * if (pending !== undefined) await pending;
 */
export function originPreparer(policy: RuntimeCorsPolicy, reportOnly?: RuntimeCorsPolicy): OriginPreparer | undefined {
  const enforced = preparerOf(policy);
  const candidate = reportOnly === undefined ? undefined : preparerOf(reportOnly);
  if (enforced === undefined || candidate === undefined) return enforced ?? candidate;
  return (origin, target) => {
    const first = enforced(origin, target);
    const second = candidate(origin, target);
    if (first === undefined || second === undefined) return first ?? second;
    return Promise.all([first, second]).then(() => undefined);
  };
}

function preparerOf(policy: RuntimeCorsPolicy): OriginPreparer | undefined {
  const own = (policy as WithPreparer)[PREPARER];
  if (own !== undefined) return own;
  const compiled = compiledOf(policy);
  if (compiled.sourced !== undefined) return undefined;
  const names = new Set<string>();
  for (const scope of [compiled.top, ...compiled.routes]) for (const source of scope.sources) names.add(source.name);
  if (names.size === 0) return undefined;
  throw new CorsPolicyError(policy.name, [...names].map((name) => ({
    code: 'origins/source-unbound' as const,
    severity: 'error' as const,
    path: ['sources', name],
    message: `The origin source "${name}" is not bound: all its origins would be refused.`,
    hint: `Mount bindOriginSources(policy, { '${name}': provider }).`,
    value: name,
  })));
}
