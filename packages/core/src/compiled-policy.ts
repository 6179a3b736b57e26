import type { CompiledRoute, CompiledRules } from './compile.js';
import type { CorsPolicy, PreflightSettings } from './policy.js';

/**
 * Where the compiled matchers live on a policy object: a symbol, so they stay off its public shape.
 * A registered symbol, so that a policy made by one copy of core (the CJS build, a bundled copy) is
 * recognised by another (the ESM build). The suffix is the compiled format: bump it whenever
 * `CompiledPolicy` changes shape, so copies that disagree refuse each other's policies.
 */
export const COMPILED: unique symbol = Symbol.for('@org/cors-core/compiled-policy@1');

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
