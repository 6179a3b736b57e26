import { isObserving, resolveCors, type CorsDecision, type OriginPreparer, type RequestFacts, type RuntimeCorsPolicy } from '@org/cors-core/runtime';
import type { ObservedCorsOptions } from './options.js';
import { preparerFor } from './preparers.js';

/**
 * How an entry of this package decides a request. The plain entry only enforces; the `observed`
 * entry adds decision events, report-only and developer mode. Keeping them apart keeps that code out
 * of the bundles (a Next.js proxy, an Edge middleware) that do not ask for it.
 */
export interface Deciding {
  /** Refuses options this entry cannot honour, when the helper is built (not on the first request). */
  readonly check: (policy: RuntimeCorsPolicy, options: ObservedCorsOptions) => void;
  /** What to await before deciding (bound lookup sources of the policy, or of the candidate); remembered. */
  readonly preparer: (policy: RuntimeCorsPolicy, options: ObservedCorsOptions) => OriginPreparer | undefined;
  readonly decide: (policy: RuntimeCorsPolicy, options: ObservedCorsOptions, facts: RequestFacts) => CorsDecision;
}

/** The plain entry's check: observing options are refused, never silently dropped. */
export function refuseObserving(options: ObservedCorsOptions): void {
  if (isObserving(options)) {
    throw new TypeError('onDecision, reportOnly and developerMode are options of "@org/cors-fetch/observed" (and "@org/cors-next/observed"): import the same helpers from there.');
  }
}

/** The plain entry: enforce the policy. */
export const ENFORCE_ONLY: Deciding = {
  check: (policy, options) => {
    refuseObserving(options);
    preparerFor(policy);
  },
  preparer: (policy) => preparerFor(policy),
  decide: (policy, _options, facts) => resolveCors(policy, facts),
};
