import type { CompiledRules } from './runtime-rules.js';
import type { MatchedRoute } from './decision.js';
import type { PrecomputedDecisions } from './precomputed-decisions.js';
import type { RouteMatcher } from './route-pattern.js';
import type { CompiledPreflightData } from './compiled-data.js';
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
  /** Origin sources, in declaration order: each the same rules with its own credentials and methods. */
  readonly sources: readonly SourceScope[];
}

/** The rules an origin source's origins get, with answers that name the source. */
export interface SourceScope extends CompiledScope {
  readonly name: string;
  readonly refreshSeconds: number;
  readonly timeoutMs: number;
}

/** What the runtime knows of one bound source right now. */
export interface SourceState {
  /** `true`: the source holds `origin`; `false`: it does not; `undefined`: it cannot say (refuse: fail closed). */
  has(origin: string): boolean | undefined;
  /** Lookup sources: a promise (that never rejects) while an answer is fetched; `undefined` when `has` can answer. */
  prepare(origin: string): Promise<void> | undefined;
}

export interface CompiledRouteScope extends CompiledScope {
  readonly matches: RouteMatcher;
}

export interface CompiledPolicy {
  readonly top: CompiledScope;
  readonly routes: readonly CompiledRouteScope[];
  readonly preflight: CompiledPreflightData;
  readonly preflightVary: readonly string[];
  /** Bound sources by name (`bindOriginSources`); `undefined` until bound: every source origin is refused. */
  readonly states: ReadonlyMap<string, SourceState> | undefined;
}

export type PolicyWithCompiled = RuntimeCorsPolicy & { readonly [COMPILED]: CompiledPolicy };

export function compiledOf(policy: RuntimeCorsPolicy): CompiledPolicy {
  const compiled = (policy as Partial<PolicyWithCompiled>)[COMPILED];
  if (compiled === undefined) {
    throw new TypeError('Expected a policy returned by definePolicy(), parsePolicy() or loadCompiledPolicy(); got a plain object.');
  }
  return compiled;
}
