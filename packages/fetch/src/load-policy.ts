import { isRuntimePolicy, toRuntimePolicy, type CompiledCorsPolicy, type RuntimeCorsPolicy } from '@org/cors-core/runtime';

/**
 * What every helper of this package accepts as its policy:
 *
 * - a `CorsPolicy` from `definePolicy(input)` (`@org/cors-core`), which is a `RuntimeCorsPolicy`;
 * - a `RuntimeCorsPolicy` from `loadCompiledPolicy(data)`;
 * - compiled data (`CompiledCorsPolicy`): the module `cors-policy compile` writes, or `compilePolicy()`'s output.
 *
 * Raw policy input (a plain `{ name, origins, … }` object, a policy JSON file) is refused with a
 * `TypeError`: validating it needs `@org/cors-core`'s validator, which this package never loads.
 */
export type CorsPolicySource = RuntimeCorsPolicy | CompiledCorsPolicy;

/** Loaded forms of compiled data (and environment switches), per source object: per-request calls stay lookups. */
const loaded = new WeakMap<object, Map<string | undefined, RuntimeCorsPolicy>>();

/**
 * `toRuntimePolicy`, remembered per source and environment so that `handleCors` may be given
 * compiled data on every request without rebuilding it. Throws `toRuntimePolicy`'s `TypeError` for
 * raw policy input.
 */
export function loadPolicy(policy: CorsPolicySource, environment: string | undefined): RuntimeCorsPolicy {
  if (isRuntimePolicy(policy) && (environment === undefined || environment === policy.environment)) return policy;
  let byEnvironment = loaded.get(policy);
  const known = byEnvironment?.get(environment);
  if (known !== undefined) return known;
  const runtime = toRuntimePolicy(policy, environment);
  if (byEnvironment === undefined) loaded.set(policy, (byEnvironment = new Map()));
  byEnvironment.set(environment, runtime);
  return runtime;
}
