import type { CompiledCorsPolicy, CompiledVariantData } from './compiled-data.js';
import { COMPILED, type CompiledPolicy, type CompiledScope } from './compiled-policy.js';
import { checkCompiledShape } from './compiled-shape.js';
import type { MatchedRoute } from './decision.js';
import { unknownEnvironmentIssue } from './environment-name.js';
import { CorsPolicyError } from './policy-issue.js';
import { precomputeDecisions } from './precomputed-decisions.js';
import { compileRoutePattern } from './route-pattern.js';
import { compileRules } from './runtime-rules.js';

/**
 * A policy the runtime can enforce: one from `loadCompiledPolicy` (compiled data, no validator loaded)
 * or one from `definePolicy` (which is also a `CorsPolicy`). Opaque beyond these fields.
 */
export interface RuntimeCorsPolicy {
  readonly name: string;
  /** The environment overlay in force, or `undefined` for the base policy. */
  readonly environment: string | undefined;
  /** Names of every overlay the policy defines. */
  readonly environments: readonly string[];
}

export interface LoadCompiledPolicyOptions {
  /**
   * The environment overlay to enforce; `undefined` for the base policy. When the key is absent, the
   * environment the data was compiled with.
   */
  readonly environment?: string | undefined;
}

/** Where an enforceable policy keeps "the same policy under another environment". */
const SWITCH: unique symbol = Symbol.for('@org/cors-core/environment-switch@1');
type EnvironmentSwitch = (environment: string | undefined) => RuntimeCorsPolicy;
/** Where it keeps the names of its overlays marked `developmentOnly`. */
const DEVELOPMENT_ONLY: unique symbol = Symbol.for('@org/cors-core/development-only@1');

const PREFLIGHT_VARY = ['Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers'] as const;
const PREFLIGHT_VARY_PNA = [...PREFLIGHT_VARY, 'Access-Control-Request-Private-Network'] as const;

/** Builds the resolver's structures for one variant (the base policy or one environment). */
export function compileVariant(data: CompiledVariantData): CompiledPolicy {
  const { preflight } = data;
  const anyPna = data.rules.privateNetwork || data.routes.some((r) => r.privateNetwork);
  const preflightVary = preflight.vary ? (anyPna ? PREFLIGHT_VARY_PNA : PREFLIGHT_VARY) : [];
  const scope = (rulesData: CompiledVariantData['rules'], route: MatchedRoute | undefined): CompiledScope => {
    const rules = compileRules(rulesData);
    return { rules, route, decisions: precomputeDecisions(rules, route, preflight, preflightVary), sources: rulesData.sources, data: rulesData };
  };
  return {
    top: scope(data.rules, undefined),
    routes: data.routes.map((r, index) => ({ ...scope(r, { index, path: r.path }), matches: compileRoutePattern(r.path) })),
    preflight,
    preflightVary,
    sourced: undefined,
  };
}

/** Gives `policy` its compiled form and its environment switch (hidden, non-enumerable). */
export function attachRuntime<T extends object>(policy: T, compiled: CompiledPolicy, switchTo: EnvironmentSwitch, developmentOnly: readonly string[]): T {
  // Descriptors default to non-enumerable, non-writable, non-configurable.
  return Object.defineProperties(policy, { [COMPILED]: { value: compiled }, [SWITCH]: { value: switchTo }, [DEVELOPMENT_ONLY]: { value: developmentOnly } });
}

type Attached = RuntimeCorsPolicy & { readonly [SWITCH]: EnvironmentSwitch; readonly [DEVELOPMENT_ONLY]: readonly string[] };

/** The same policy under another environment (`undefined`: the base policy): a lookup, never a rebuild. */
export function switchEnvironment(policy: RuntimeCorsPolicy, environment: string | undefined): RuntimeCorsPolicy {
  return environment === policy.environment ? policy : (policy as Attached)[SWITCH](environment);
}

/** Whether the policy marks this overlay `developmentOnly`. */
export function isDevelopmentOnly(policy: RuntimeCorsPolicy, environment: string): boolean {
  return (policy as Attached)[DEVELOPMENT_ONLY].includes(environment);
}

/**
 * Loads a compiled policy (from `compilePolicy` or `cors-policy compile`) for enforcement. Checks
 * its shape — never its wisdom: that was the linter's job where it was compiled — and throws a
 * `TypeError` naming the first malformed field. Every environment is in the data; the one enforced is
 * built on first use and kept.
 *
 * @example
 * import compiled from './cors.policy.compiled.json' with { type: 'json' };
 * const policy = loadCompiledPolicy(compiled);
 */
export function loadCompiledPolicy(data: unknown, options: LoadCompiledPolicyOptions = {}): RuntimeCorsPolicy {
  const compiled = checkCompiledShape(data);
  const names = Object.freeze(Object.keys(compiled.environments));
  const developmentOnly = Object.freeze(names.filter((name) => compiled.environments[name]?.developmentOnly === true));
  const built = new Map<string | undefined, RuntimeCorsPolicy>();
  const variant: EnvironmentSwitch = (environment) => {
    const known = built.get(environment);
    if (known !== undefined) return known;
    const source = environment === undefined ? compiled.base : ownEnvironment(compiled, environment);
    if (source === undefined) throw new CorsPolicyError(compiled.name, [unknownEnvironmentIssue(environment as string, names)]);
    const policy = Object.freeze(attachRuntime({ name: compiled.name, environment, environments: names }, compileVariant(source), variant, developmentOnly));
    built.set(environment, policy);
    return policy;
  };
  return variant('environment' in options ? options.environment : (compiled.environment ?? undefined));
}

function ownEnvironment(compiled: CompiledCorsPolicy, name: string): CompiledVariantData | undefined {
  return Object.hasOwn(compiled.environments, name) ? compiled.environments[name] : undefined;
}

/** Whether `value` carries a compiled form (a policy from `definePolicy` or `loadCompiledPolicy`). */
export function isRuntimePolicy(value: unknown): value is RuntimeCorsPolicy {
  return value !== null && typeof value === 'object' && COMPILED in value;
}

/** Whether `value` claims to be compiled data (its shape is checked when it is loaded). */
export function isCompiledPolicyData(value: unknown): value is CompiledCorsPolicy {
  return value !== null && typeof value === 'object' && typeof (value as { format?: unknown }).format === 'string' && (value as { format: string }).format.startsWith('cors-policy/compiled@');
}

/**
 * For adapters: accepts a loaded policy (`definePolicy`, `loadCompiledPolicy`) or compiled data,
 * optionally switched to another environment. Raw policy input is refused: validating it needs the
 * authoring entry (`@org/cors-core`), which this runtime deliberately does not load.
 */
export function toRuntimePolicy(value: unknown, environment?: string): RuntimeCorsPolicy {
  if (isRuntimePolicy(value)) {
    return environment === undefined ? value : switchEnvironment(value, environment);
  }
  if (isCompiledPolicyData(value)) return loadCompiledPolicy(value, environment === undefined ? {} : { environment });
  throw new TypeError(
    'Expected a loaded CORS policy: definePolicy(input) from @org/cors-core, or compiled data from `cors-policy compile` / compilePolicy() ' +
      'loaded with loadCompiledPolicy(). A plain policy object is not validated here.',
  );
}
