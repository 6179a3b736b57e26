import * as authoring from '@org/cors-core';
import type { CorsPolicy, PolicyInput } from '@org/cors-core';
import { apiPolicyInput } from '@org/cors-policies';

/*
 * The seed policy (the storefront policy of @org/cors-policies) in the two forms ours ships in:
 * authoring (`definePolicy(input)`) and compiled (`compilePolicy(definePolicy(input))`, loaded with
 * `loadCompiledPolicy` from `@org/cors-core/runtime`). Until the runtime entry is on main, the
 * compiled form is `undefined` and every lean contender reports "n/a".
 */

/** The seed policy input with `origins` replaced (route rules, environments and expectations kept). */
export function seedInput(origins?: readonly string[]): PolicyInput {
  return origins === undefined ? structuredClone(apiPolicyInput) : { ...structuredClone(apiPolicyInput), origins: [...origins] };
}

/** The compiled policy JSON of `input`, or `undefined` while core has no `compilePolicy`. */
export function compiledJson(input: PolicyInput): string | undefined {
  const compile = (authoring as Record<string, unknown>)['compilePolicy'] as ((policy: CorsPolicy) => unknown) | undefined;
  return compile === undefined ? undefined : JSON.stringify(compile(authoring.definePolicy(input)));
}
