import type { CompiledRules } from './compile.js';
import type { MatchedRoute } from './decision.js';
import type { PrecomputedDecisions } from './precomputed-decisions.js';
import type { RouteMatcher } from './route-pattern.js';
import type { CorsPolicy, PreflightSettings } from './policy.js';

/**
 * Where the compiled matchers live on a policy object: a symbol, so they stay off its public shape.
 * A registered symbol, so that a policy made by one copy of core (the CJS build, a bundled copy) is
 * recognised by another (the ESM build). The suffix is the compiled format: bump it whenever
 * `CompiledPolicy` changes shape, so copies that disagree refuse each other's policies.
 */
export const COMPILED: unique symbol = Symbol.for('@org/cors-core/compiled-policy@2');

/** One set of rules in force (top level or a route rule), with its precomputed answers. */
export interface CompiledScope {
  readonly rules: CompiledRules;
  readonly route: MatchedRoute | undefined;
  readonly decisions: PrecomputedDecisions;
}

export interface CompiledRouteScope extends CompiledScope {
  readonly matches: RouteMatcher;
}

export interface CompiledPolicy {
  readonly top: CompiledScope;
  readonly routes: readonly CompiledRouteScope[];
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
