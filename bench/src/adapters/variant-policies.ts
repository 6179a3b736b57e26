import { bindOriginSources, definePolicy, type CorsDecisionEvent, type PolicyInput } from '@org/cors-core';
import type { RuntimeCorsPolicy } from '@org/cors-core/runtime';
import { TENANT_ORIGIN } from '../shared/bench-rules.js';
import { runtimePolicy, seedInput } from '../shared/runtime-path.js';

/*
 * What the production variants of `ours` enforce, built as a user builds them (docs/sources.md,
 * docs/decision-events.md): the seed policy with a `tenants` lookup source, bound before mounting;
 * and the plain seed policy with a report-only candidate and an `onDecision` hook that only counts.
 */

/** Where a server with a counting hook answers its counts (`DecisionCounts` as JSON); never timed. */
export const BENCH_EVENTS_PATH = '/bench/events';

/** The seed policy plus a `tenants` source with default settings (no credentials, the policy's methods). */
function sourceInput(): PolicyInput {
  const input = seedInput();
  return { ...input, origins: [...input.origins, { source: 'tenants' }] };
}

/** A lookup provider over an in-memory set: the answer is cached after the first request, so load times hits. */
function tenantsLookup() {
  const tenants = new Set([TENANT_ORIGIN]);
  return { tenants: { has: async (origin: string) => tenants.has(origin) } };
}

/**
 * The source variant's policy, bound to its lookup source: `authoring` from `definePolicy` (as the
 * Express, Koa and Nest `ours` mount `apiPolicy`), `compiled` through `loadCompiledPolicy` (as the
 * Hono `ours` does).
 */
export function sourceBoundPolicy(form: 'authoring' | 'compiled'): RuntimeCorsPolicy {
  const input = sourceInput();
  return bindOriginSources(form === 'authoring' ? definePolicy(input) : runtimePolicy(input), tenantsLookup());
}

/** The report-only candidate: the seed policy narrowed to GET (its examples dropped: they name the methods it removes). */
export function reportOnlyCandidate(): RuntimeCorsPolicy {
  return runtimePolicy({ ...seedInput(), methods: ['GET'], expectations: [] });
}

export interface DecisionCounts {
  /** Events of the enforced policy (one per request with an `Origin`). */
  readonly decisions: number;
  /** Report-only events: requests the candidate would answer differently. */
  readonly reportOnly: number;
}

/** A cheap `onDecision` hook (two counters, no I/O) and a way to read what it counted. */
export function decisionCounter(): { onDecision: (event: CorsDecisionEvent) => void; counts: () => DecisionCounts } {
  let decisions = 0;
  let reportOnly = 0;
  return {
    onDecision: (event) => {
      if (event.reportOnly) reportOnly++;
      else decisions++;
    },
    counts: () => ({ decisions, reportOnly }),
  };
}
