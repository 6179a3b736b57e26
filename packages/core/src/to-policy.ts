import { COMPILED } from './compiled-policy.js';
import { definePolicy, policyForEnvironment, type DefinePolicyOptions } from './define-policy.js';
import type { CorsPolicy } from './policy.js';
import type { PolicyInput } from './policy-schema.js';

/** Whether a value is a loaded policy (from `definePolicy` / `parsePolicy`), not a plain input object. */
export function isCorsPolicy(value: unknown): value is CorsPolicy {
  return value !== null && typeof value === 'object' && COMPILED in value;
}

/**
 * For adapters: accepts a loaded policy or a policy input, and loads the latter — throwing
 * `CorsPolicyError` at boot on a bad policy rather than on the first request.
 */
export function toPolicy(policyOrInput: CorsPolicy | PolicyInput, options?: DefinePolicyOptions): CorsPolicy {
  if (isCorsPolicy(policyOrInput)) {
    if (options?.environment !== undefined && options.environment !== policyOrInput.environment) {
      return policyForEnvironment(policyOrInput, options.environment);
    }
    return policyOrInput;
  }
  return definePolicy(policyOrInput, options);
}
