import { originPreparer, type OriginPreparer, type RuntimeCorsPolicy } from '@org/cors-core/runtime';

/** Per enforced policy (and per report-only candidate): what to await before deciding; `null`: nothing. */
const preparers = new WeakMap<RuntimeCorsPolicy, WeakMap<object, OriginPreparer | null>>();
const NO_CANDIDATE = {};

/**
 * `originPreparer(policy, candidate)`, remembered, because `handleCors` may be called per request.
 * Throws `CorsPolicyError` for a policy whose origin sources are not bound.
 */
export function preparerFor(policy: RuntimeCorsPolicy, candidate?: RuntimeCorsPolicy): OriginPreparer | undefined {
  let byCandidate = preparers.get(policy);
  const key = candidate ?? NO_CANDIDATE;
  const known = byCandidate?.get(key);
  if (known !== undefined) return known ?? undefined;
  const prepare = originPreparer(policy, candidate);
  if (byCandidate === undefined) preparers.set(policy, (byCandidate = new WeakMap()));
  byCandidate.set(key, prepare ?? null);
  return prepare;
}
