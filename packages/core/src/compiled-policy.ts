import type { CompiledRules } from './runtime-rules.js';
import type { CorsDecision, MatchedRoute } from './decision.js';
import type { PrecomputedDecisions } from './precomputed-decisions.js';
import type { RouteMatcher } from './route-pattern.js';
import type { CompiledPreflightData, CompiledRulesData, CompiledSourceData } from './compiled-data.js';
import type { RuntimeCorsPolicy } from './runtime-policy.js';

/**
 * Where the compiled matchers live on a policy object: a symbol, so they stay off its public shape.
 * A registered symbol, so that a policy made by one copy of core (the CJS build, a bundled copy) is
 * recognised by another (the ESM build). The suffix is the compiled format: bump it whenever
 * `CompiledPolicy` changes shape, so copies that disagree refuse each other's policies.
 */
export const COMPILED: unique symbol = Symbol.for('@org/cors-core/compiled-policy@4');

/** One set of rules in force (top level or a route rule), with its precomputed answers. */
export interface CompiledScope {
  readonly rules: CompiledRules;
  readonly route: MatchedRoute | undefined;
  readonly decisions: PrecomputedDecisions;
  /** Origin sources, in declaration order, as the compiled data lists them (compiled when bound). */
  readonly sources: readonly CompiledSourceData[];
  /** The data `rules` were compiled from: binding sources compiles each source's rules from it. */
  readonly data: CompiledRulesData;
}

/** The rules an origin source's origins get (the scope's, with the source's credentials and methods), with answers that name it. */
export interface SourceScope extends CompiledScope {
  readonly name: string;
}

/**
 * Whose rules answer a non-static origin in a scope that lists sources: the first source scope holding
 * it, or the refusal (`origin-not-allowed`, or `source-unavailable` when a source cannot say; the
 * resolver still answers `origin-null` or `origin-malformed` for such origins). Installed by
 * `bindOriginSources`, so that policies without sources never bundle the code.
 */
export type SourceResolver = (scope: CompiledScope, origin: string, preflight: boolean) => CompiledScope | CorsDecision;

export interface CompiledRouteScope extends CompiledScope {
  readonly matches: RouteMatcher;
}

export interface CompiledPolicy {
  readonly top: CompiledScope;
  readonly routes: readonly CompiledRouteScope[];
  readonly preflight: CompiledPreflightData;
  readonly preflightVary: readonly string[];
  /** Bound sources (`bindOriginSources`); `undefined` until bound: every source origin is refused (`source-unavailable`). */
  readonly sourced: SourceResolver | undefined;
}

export type PolicyWithCompiled = RuntimeCorsPolicy & { readonly [COMPILED]: CompiledPolicy };

export function compiledOf(policy: RuntimeCorsPolicy): CompiledPolicy {
  const compiled = (policy as Partial<PolicyWithCompiled>)[COMPILED];
  if (compiled === undefined) {
    throw new TypeError('Expected a policy returned by definePolicy(), parsePolicy() or loadCompiledPolicy(); got a plain object.');
  }
  return compiled;
}
