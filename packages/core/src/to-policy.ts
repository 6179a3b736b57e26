import { COMPILED } from './compiled-policy.js';
import { definePolicy, policyForEnvironment, type DefinePolicyOptions } from './define-policy.js';
import type { CorsPolicy } from './policy.js';
import type { PolicyInput } from './policy-schema.js';
import { isRuntimePolicy } from './runtime-policy.js';

/**
 * Whether a value is a loaded policy (from `definePolicy` / `parsePolicy`), not a plain input object
 * nor a runtime-only policy from `loadCompiledPolicy`: both carry the compiled form, only an authoring
 * policy has the validated source, the resolved rules and the findings that authoring code reads.
 * Checked structurally, so a policy made by another copy of core counts.
 */
export function isCorsPolicy(value: unknown): value is CorsPolicy {
  if (value === null || typeof value !== 'object' || !(COMPILED in value)) return false;
  const policy = value as Partial<Record<keyof CorsPolicy, unknown>>;
  return (
    isObject(policy.source) &&
    isObject(policy.rules) &&
    isObject(policy.preflight) &&
    Array.isArray(policy.routes) &&
    Array.isArray(policy.findings) &&
    Array.isArray(policy.owners) &&
    Array.isArray(policy.deployments)
  );
}

function isObject(value: unknown): boolean {
  return value !== null && typeof value === 'object';
}

/**
 * For adapters: accepts a loaded policy or a policy input, and loads the latter — throwing
 * `CorsPolicyError` at boot on a bad policy rather than on the first request. A runtime-only policy
 * (compiled data loaded with `loadCompiledPolicy`) is refused with a `TypeError`: it has no source to
 * validate or lint again, and belongs with the runtime entry.
 */
export function toPolicy(policyOrInput: CorsPolicy | PolicyInput, options?: DefinePolicyOptions): CorsPolicy {
  if (isCorsPolicy(policyOrInput)) {
    if (options?.environment !== undefined && options.environment !== policyOrInput.environment) {
      return policyForEnvironment(policyOrInput, options.environment);
    }
    return policyOrInput;
  }
  if (isRuntimePolicy(policyOrInput)) {
    throw new TypeError(
      `The CORS policy "${policyOrInput.name}" was loaded from compiled data (loadCompiledPolicy), which the authoring entry cannot use: ` +
        'pass it to an adapter, or choose its environment with selectPolicyEnvironment from @org/cors-core/runtime.',
    );
  }
  return definePolicy(policyOrInput, options);
}
