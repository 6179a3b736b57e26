import { corsDecider, isObserving, resolveCors, type CorsDecider, type RuntimeCorsPolicy } from '@org/cors-core/runtime';
import type { Deciding } from './deciding.js';
import { loadPolicy } from './load-policy.js';
import { preparerFor } from './preparers.js';
import type { ObservedCorsOptions } from './options.js';

/** Per options object, per enforced policy: the bound decider (handleCors is called per request with the same options). */
const deciders = new WeakMap<object, WeakMap<RuntimeCorsPolicy, CorsDecider>>();

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

/** Builds (or finds) the decider; throws `DeveloperModeError` for developer mode under `NODE_ENV=production`. */
function deciderFor(policy: RuntimeCorsPolicy, options: ObservedCorsOptions): CorsDecider {
  let byPolicy = deciders.get(options);
  const known = byPolicy?.get(policy);
  if (known !== undefined) return known;
  const { onDecision, onError, reportOnly, developerMode, environment } = options;
  const candidate = reportOnly === undefined ? undefined : loadPolicy(reportOnly, environment);
  // Fetch hosts without `process` (Workers, browsers) have no NODE_ENV: nothing to refuse there.
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
  const decider = corsDecider(policy, { onDecision, onError, reportOnly: candidate, developerMode, env });
  if (byPolicy === undefined) deciders.set(options, (byPolicy = new WeakMap()));
  byPolicy.set(policy, decider);
  return decider;
}
