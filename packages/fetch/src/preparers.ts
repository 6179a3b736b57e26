import { originPreparer, type OriginPreparer, type RuntimeCorsPolicy } from '@org/cors-core/runtime';
import { memoizedByPair } from './memoized-by-pair.js';

/** The key for "no report-only candidate". */
const NO_CANDIDATE = {};

/** Per enforced policy and per report-only candidate: what to await before deciding. */
const preparers = memoizedByPair((policy: RuntimeCorsPolicy, candidate: object): OriginPreparer | undefined =>
  originPreparer(policy, candidate === NO_CANDIDATE ? undefined : (candidate as RuntimeCorsPolicy)));

/**
 * `originPreparer(policy, candidate)`, remembered, because `handleCors` may be called per request.
 * Throws `CorsPolicyError` for a policy whose origin sources are not bound.
 */
export function preparerFor(policy: RuntimeCorsPolicy, candidate?: RuntimeCorsPolicy): OriginPreparer | undefined {
  return preparers(policy, candidate ?? NO_CANDIDATE);
}
