import { COMPILED_POLICY_FORMAT, VARIANT_DATA, type CompiledCorsPolicy, type CompiledEnvironmentData, type CompiledVariantData } from './compiled-data.js';
import { policyForEnvironment } from './define-policy.js';
import type { CorsPolicy } from './policy.js';

function variantData(policy: CorsPolicy): CompiledVariantData {
  const data = (policy as CorsPolicy & { readonly [VARIANT_DATA]?: CompiledVariantData })[VARIANT_DATA];
  if (data === undefined) throw new TypeError('Expected a policy returned by definePolicy() or parsePolicy(); got a plain object.');
  return data;
}

/**
 * The compiled form of a loaded policy: plain JSON-serialisable data with every environment, for
 * `loadCompiledPolicy` from `@org/cors-core/runtime` (no validator, no public-suffix list: a few KB in
 * an Edge bundle). The policy was validated and linted when it loaded; the data carries no findings.
 *
 * @example
 * writeFileSync('cors.policy.compiled.json', JSON.stringify(compilePolicy(apiPolicy)));
 */
export function compilePolicy(policy: CorsPolicy): CompiledCorsPolicy {
  const environments: Record<string, CompiledEnvironmentData> = {};
  for (const name of policy.environments) {
    environments[name] = { ...variantData(policyForEnvironment(policy, name)), developmentOnly: policy.source.environments?.[name]?.developmentOnly === true };
  }
  return {
    format: COMPILED_POLICY_FORMAT,
    name: policy.name,
    environment: policy.environment ?? null,
    base: variantData(policyForEnvironment(policy, undefined)),
    environments,
  };
}
