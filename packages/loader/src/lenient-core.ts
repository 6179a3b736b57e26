import * as core from '@org/cors-core';
import type { DefinePolicyOptions, PolicyInput } from '@org/cors-core';
import { TooDeepError, type RefusedDefinition } from './describe-exports.js';
import { valueTooDeep } from './nesting-depth.js';

/**
 * The `@org/cors-core` policy files see while the loader evaluates them: core itself, except that
 * `definePolicy` does not throw on a bad policy. It records what it was given and returns a frozen
 * placeholder, so the module keeps running and every other policy it exports is still checked; the
 * loader reports each refused definition with its issues.
 */
export function lenientCore(refusals: Map<object, RefusedDefinition>): typeof core {
  const definePolicy = (input: PolicyInput, options: DefinePolicyOptions = {}): core.CorsPolicy => {
    if (valueTooDeep(input)) throw new TooDeepError('nested deeper than 64 levels');
    const environment = (options as { environment?: unknown } | undefined)?.environment;
    const result = core.parsePolicy(input, typeof environment === 'string' ? { environment } : {});
    if (result.ok) return result.policy;
    const name = (input as { name?: unknown } | null | undefined)?.name;
    const placeholder = Object.freeze({ name: typeof name === 'string' ? name : undefined, refused: true });
    refusals.set(placeholder, { input, environment: typeof environment === 'string' ? environment : undefined });
    return placeholder as unknown as core.CorsPolicy;
  };
  return { ...core, definePolicy };
}
