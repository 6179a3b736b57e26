import { corsDecider, resolveCors, type CorsDecider, type RequestFacts, type RuntimeCorsPolicy } from '@org/cors-core/runtime';
import type { CorsOptions } from './handle-cors.js';
import { loadPolicy } from './load-policy.js';

/** Per options object, per enforced policy: the bound decider (handleCors is called per request with the same options). */
const deciders = new WeakMap<object, WeakMap<RuntimeCorsPolicy, CorsDecider>>();

/**
 * How to decide a request under `policy` and `options`: plain `resolveCors` when no decision event,
 * report-only candidate or developer mode is asked for (free when off); else core's decider, built once
 * per options object and policy, so `onError`'s "log once" and the loaded candidate are kept.
 */
export function decide(policy: RuntimeCorsPolicy, options: CorsOptions, facts: RequestFacts): ReturnType<CorsDecider> {
  if (options.onDecision === undefined && options.reportOnly === undefined && options.developerMode !== true) return resolveCors(policy, facts);
  return deciderFor(policy, options)(facts);
}

/** Builds (or finds) the decider; throws `DeveloperModeError` for developer mode under `NODE_ENV=production`. */
export function deciderFor(policy: RuntimeCorsPolicy, options: CorsOptions): CorsDecider {
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
