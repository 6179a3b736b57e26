import { corsDecider, isObserving, resolveCors, type CorsDecider, type RuntimeCorsPolicy } from '@org/cors-core/runtime';
import type { Deciding } from './deciding.js';
import { loadPolicy } from './load-policy.js';
import { memoizedByPair } from './memoized-by-pair.js';
import { preparerFor } from './preparers.js';
import type { ObservedCorsOptions } from './options.js';

/**
 * The `observed` entry: plain `resolveCors` when no decision event, report-only candidate or developer
 * mode is asked for (free when off); else core's decider, built once per options object and policy,
 * so `onError`'s "log once" and the loaded candidate are kept.
 */
export const OBSERVED: Deciding = {
  check: (policy, options) => {
    if (isObserving(options)) deciderFor(policy, options);
    OBSERVED.preparer(policy, options);
  },
  preparer: (policy, { reportOnly, environment }) => preparerFor(policy, reportOnly === undefined ? undefined : loadPolicy(reportOnly, environment)),
  decide: (policy, options, facts) => (isObserving(options) ? deciderFor(policy, options)(facts) : resolveCors(policy, facts)),
};

/**
 * The decider, per options object and enforced policy (handleCors is called per request with the same
 * options); throws `DeveloperModeError` for developer mode under `NODE_ENV=production`.
 */
const deciders = memoizedByPair((options: ObservedCorsOptions, policy: RuntimeCorsPolicy): CorsDecider => {
  const { onDecision, onError, reportOnly, developerMode, environment } = options;
  const candidate = reportOnly === undefined ? undefined : loadPolicy(reportOnly, environment);
  // Fetch hosts without `process` (Workers, browsers) have no NODE_ENV: nothing to refuse there.
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
  return corsDecider(policy, { onDecision, onError, reportOnly: candidate, developerMode, env });
});

function deciderFor(policy: RuntimeCorsPolicy, options: ObservedCorsOptions): CorsDecider {
  return deciders(options, policy);
}
