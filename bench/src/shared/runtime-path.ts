import { compilePolicy, definePolicy, type PolicyInput } from '@org/cors-core';
import { loadCompiledPolicy, type RuntimeCorsPolicy } from '@org/cors-core/runtime';
import { apiPolicyInput } from '@org/cors-policies';

/*
 * The seed policy (the storefront policy of @org/cors-policies) in the two forms ours ships in:
 * authoring (`definePolicy(input)`) and compiled (`compilePolicy(definePolicy(input))` as JSON,
 * enforced with `loadCompiledPolicy` from `@org/cors-core/runtime`).
 */

/** The seed policy input with `origins` replaced (route rules, environments and expectations kept). */
export function seedInput(origins?: readonly string[]): PolicyInput {
  return origins === undefined ? structuredClone(apiPolicyInput) : { ...structuredClone(apiPolicyInput), origins: [...origins] };
}

/** The compiled policy of `input` as the JSON text a deployment ships. */
export function compiledJson(input: PolicyInput): string {
  return JSON.stringify(compilePolicy(definePolicy(input)));
}

/** `input` as the runtime enforces it: compiled, serialised, parsed and loaded. */
export function runtimePolicy(input: PolicyInput): RuntimeCorsPolicy {
  return loadCompiledPolicy(JSON.parse(compiledJson(input)));
}
