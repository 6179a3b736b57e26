import type { CompiledRoute, CompiledRules } from './compile.js';
import type { CorsPolicy, PreflightSettings } from './policy.js';

/** Where the compiled matchers live on a policy object: a symbol, so they stay off its public shape. */
export const COMPILED: unique symbol = Symbol('cors-policy.compiled');

export interface CompiledPolicy {
  readonly top: CompiledRules;
  readonly routes: readonly CompiledRoute[];
  readonly preflight: PreflightSettings;
  readonly preflightVary: readonly string[];
}

export type PolicyWithCompiled = CorsPolicy & { readonly [COMPILED]: CompiledPolicy };

export function compiledOf(policy: CorsPolicy): CompiledPolicy {
  const compiled = (policy as Partial<PolicyWithCompiled>)[COMPILED];
  if (compiled === undefined) {
    throw new TypeError('Expected a policy returned by definePolicy() or parsePolicy(); got a plain object.');
  }
  return compiled;
}
