import { compiledOf, type CompiledPolicy, type CompiledScope, type SourceResolver, type SourceScope } from './compiled-policy.js';
import { DecisionReason } from './decision.js';
import type { OriginListProvider, OriginLookupProvider, OriginSourceProviders } from './origin-source.js';
import { attachOriginPreparer } from './origin-preparer.js';
import { CorsPolicyError, type PolicyIssue } from './policy-issue.js';
import { precomputeDecisions } from './precomputed-decisions.js';
import { requestPath } from './request-facts.js';
import { scopeFor } from './resolve.js';
import { attachRuntime, switchEnvironment, isDevelopmentOnly, type RuntimeCorsPolicy } from './runtime-policy.js';
import type { OriginSourceEvent } from './source-events.js';
import { compileRules } from './runtime-rules.js';
import { runListSource, runLookupSource, type RunningLookupSource, type RunningSource, type SourceSettings, type SourceState } from './source-state.js';

/*
 * Binding a policy's declared origin sources to the application's providers. The binding lives on a
 * new policy object (the loaded one stays as it was: unbound, refusing every source origin), shared by
 * every environment of the bound policy.
 */

export interface BindOriginSourcesOptions {
  /** Called for every listing, failure and dropped value. Exceptions it throws are ignored. */
  readonly onSourceEvent?: ((event: OriginSourceEvent) => void) | undefined;
  /** Most answers a lookup source keeps (positive and negative; oldest evicted). Default 10,000. */
  readonly lookupCacheSize?: number | undefined;
}

/** Where a bound policy keeps its running sources. */
const BINDING: unique symbol = Symbol.for('@org/cors-core/origin-source-binding@1');

interface Binding {
  readonly running: ReadonlyMap<string, RunningSource>;
}

type Bound = RuntimeCorsPolicy & { readonly [BINDING]?: Binding };

const DEFAULT_CACHE_SIZE = 10_000;

/** Every source a compiled variant lists, with the strictest settings over the places it is listed. */
function declaredSources(compiled: CompiledPolicy): Map<string, SourceSettings> {
  const out = new Map<string, SourceSettings>();
  for (const scope of [compiled.top, ...compiled.routes]) {
    for (const { name, refreshSeconds, timeoutMs } of scope.sources) {
      const known = out.get(name);
      out.set(name, known === undefined ? { name, refreshSeconds, timeoutMs } : { name, refreshSeconds: Math.min(known.refreshSeconds, refreshSeconds), timeoutMs: Math.min(known.timeoutMs, timeoutMs) });
    }
  }
  return out;
}

function declaredAcrossEnvironments(policy: RuntimeCorsPolicy): Map<string, SourceSettings> {
  const all = declaredSources(compiledOf(switchEnvironment(policy, undefined)));
  for (const environment of policy.environments) {
    for (const [name, settings] of declaredSources(compiledOf(switchEnvironment(policy, environment)))) {
      const known = all.get(name);
      all.set(name, known === undefined ? settings : { name, refreshSeconds: Math.min(known.refreshSeconds, settings.refreshSeconds), timeoutMs: Math.min(known.timeoutMs, settings.timeoutMs) });
    }
  }
  return all;
}

const isFunction = (value: unknown): boolean => typeof value === 'function';
const ownKeys = (providers: object): string[] => Object.keys(providers);

function bindingIssues(declared: ReadonlyMap<string, SourceSettings>, providers: OriginSourceProviders): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const given = ownKeys(providers);
  for (const name of declared.keys()) {
    if (!given.includes(name)) {
      issues.push({ code: 'origins/source-unbound', severity: 'error', path: ['sources', name], message: `The policy declares the origin source "${name}", but no provider is bound to it.`, hint: `Pass one: bindOriginSources(policy, { '${name}': provider }).`, value: name });
    }
  }
  for (const name of given) {
    const shownName = JSON.stringify(name);
    if (!declared.has(name)) {
      const known = [...declared.keys()];
      issues.push({ code: 'origins/source-unknown-provider', severity: 'error', path: ['sources', name], message: `A provider is bound to ${shownName}, which the policy does not declare.`, hint: known.length === 0 ? 'The policy declares no source: remove the provider, or add { source: … } to its origins.' : `Declared sources: ${known.join(', ')}.`, value: name });
      continue;
    }
    const provider = (providers as Record<string, unknown>)[name] as Partial<OriginListProvider & OriginLookupProvider> | null;
    if (provider === null || typeof provider !== 'object' || !(isFunction(provider.list) || isFunction(provider.has))) {
      issues.push({ code: 'origins/source-invalid-provider', severity: 'error', path: ['sources', name], message: `The provider bound to ${shownName} has neither list(signal) nor has(origin, signal).`, hint: 'Pass an OriginListProvider (list, optional subscribe) or an OriginLookupProvider (has).', value: name });
    }
  }
  return issues;
}

/**
 * Binds the origin sources a policy declares to the application's providers, and starts them: list
 * providers are listed at once (await {@link sourcesReady}), then on their refresh schedule and on
 * `subscribe`'s `changed()`; lookup providers are asked per origin through {@link prepareOrigin}.
 * Returns a new policy (the given one is unchanged and keeps refusing source origins with
 * `source-unavailable`). Throws `CorsPolicyError`, listing every problem, when a declared source has no
 * provider, a provider names no declared source, or a provider has neither `list` nor `has`.
 *
 * @example
 * const policy = bindOriginSources(loadCompiledPolicy(compiled), { 'tenant-domains': tenantDomains }, { onSourceEvent: log });
 * await sourcesReady(policy);
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/sources.md
 */
export function bindOriginSources(policy: RuntimeCorsPolicy, providers: OriginSourceProviders, options: BindOriginSourcesOptions = {}): RuntimeCorsPolicy {
  const declared = declaredAcrossEnvironments(policy);
  const issues = bindingIssues(declared, providers ?? {});
  if (issues.length > 0) throw new CorsPolicyError(policy.name, issues);
  const onEvent = options.onSourceEvent;
  const emit = (event: OriginSourceEvent): void => {
    try {
      onEvent?.(event);
    } catch {
      // A logging hook must never break enforcement.
    }
  };
  const cacheSize = options.lookupCacheSize ?? DEFAULT_CACHE_SIZE;
  if (!(Number.isInteger(cacheSize) && cacheSize >= 1)) throw new RangeError(`lookupCacheSize must be a whole number of at least 1, got ${String(cacheSize)}.`);
  const running = new Map<string, RunningSource>();
  const lookups: RunningLookupSource[] = [];
  const lookupNames = new Set<string>();
  for (const [name, settings] of declared) {
    const provider = providers[name] as Partial<OriginListProvider & OriginLookupProvider>;
    if (typeof provider.list === 'function') {
      running.set(name, runListSource(settings, provider as OriginListProvider, emit));
    } else {
      const source = runLookupSource(settings, provider as OriginLookupProvider, emit, cacheSize);
      running.set(name, source);
      lookups.push(source);
      lookupNames.add(name);
    }
  }
  const binding: Binding = { running };
  const variants = new Map<string | undefined, RuntimeCorsPolicy>();
  const boundVariant = (environment: string | undefined): RuntimeCorsPolicy => {
    const known = variants.get(environment);
    if (known !== undefined) return known;
    const unbound = switchEnvironment(policy, environment);
    const compiled = boundCompiled(compiledOf(unbound), running);
    // A copy of the policy's own fields (a definePolicy policy stays usable with explain()).
    const copy = attachRuntime({ ...unbound }, compiled, boundVariant, unbound.environments.filter((e) => isDevelopmentOnly(unbound, e)));
    Object.defineProperty(copy, BINDING, { value: binding, enumerable: false });
    // Adapters find what to await per request here (originPreparer); list sources never need it.
    if (lookups.length > 0) {
      // When no route rule asks a lookup source, an origin the top-level rules list needs nothing on any
      // route: a first-party request then skips route matching here too.
      const top = compiled.routes.some((r) => r.sources.some((s) => lookupNames.has(s.name))) ? undefined : compiled.top.rules.origins;
      attachOriginPreparer(copy, (origin, target) => {
        if (origin === undefined || answeredByAll(lookups, origin) || top?.matches(origin) === true) return undefined;
        return prepareOrigin(copy, origin, requestPath(target));
      });
    }
    const bound = Object.freeze(copy);
    variants.set(environment, bound);
    return bound;
  };
  return boundVariant(policy.environment);
}

/**
 * Whether every lookup source has a fresh answer for `origin` cached: then no request from it needs to
 * wait, whatever its route. Checked before any route is matched, so a cached hit — the usual request of
 * a tenant — costs a map read per lookup source; any other origin (a static one: a map miss) goes on to
 * `prepareOrigin`.
 */
function answeredByAll(lookups: readonly RunningLookupSource[], origin: string): boolean {
  for (const source of lookups) if (!source.cached(origin)) return false;
  return true;
}

/** A source's rules in a scope, bound to its running state. */
interface BoundSourceScope extends SourceScope {
  readonly state: SourceState;
}

/** A scope of a bound policy: its sources compiled, each with its state. */
interface BoundScope extends CompiledScope {
  readonly bound: readonly BoundSourceScope[];
}

/**
 * A compiled variant with its sources bound: each scope gets a "source scope" per source (the scope's
 * rules with the source's credentials and methods, and precomputed answers naming the source), so the
 * resolver only swaps scopes; and the hook the resolver asks for non-static origins.
 */
function boundCompiled(compiled: CompiledPolicy, running: ReadonlyMap<string, RunningSource>): CompiledPolicy {
  const bindScope = <T extends CompiledScope>(scope: T): T & BoundScope => {
    const bound = scope.sources.map(({ name, credentials, methods }): BoundSourceScope => {
      const rules = compileRules({ ...scope.data, origins: [], patterns: [], anyOrigin: false, sources: [], credentials, methods });
      const decisions = precomputeDecisions(rules, scope.route, compiled.preflight, compiled.preflightVary, name);
      return { rules, route: scope.route, decisions, sources: [], data: scope.data, name, state: running.get(name) as RunningSource };
    });
    return { ...scope, bound };
  };
  return { ...compiled, top: bindScope(compiled.top), routes: compiled.routes.map(bindScope), sourced: sourceScopeFor };
}

/**
 * The first source, in declaration order, that holds `origin`; `origin-not-allowed` when every source
 * said no. A source that cannot say refuses at once (`source-unavailable`, naming it): a later source
 * must not decide in its place, as its rules may be looser than those of the source that is down.
 */
const sourceScopeFor: SourceResolver = (scope, origin, preflight) => {
  for (const source of (scope as BoundScope).bound) {
    const held = source.state.has(origin);
    if (held === true) return source;
    if (held === undefined) return (preflight ? source.decisions.preflightRefused : source.decisions.actualRefused)[DecisionReason.SourceUnavailable];
  }
  return (preflight ? scope.decisions.preflightRefused : scope.decisions.actualRefused)[DecisionReason.OriginNotAllowed];
};

function bindingOf(policy: RuntimeCorsPolicy): Binding | undefined {
  return (policy as Bound)[BINDING];
}

/**
 * Resolves once every list source of a bound policy has finished its first listing (successful or not:
 * a failed one is reported by `onSourceEvent` and its origins stay refused until a listing succeeds).
 * At once for a policy without list sources, or not bound.
 */
export function sourcesReady(policy: RuntimeCorsPolicy): Promise<void> {
  const binding = bindingOf(policy);
  if (binding === undefined) return Promise.resolve();
  return Promise.all([...binding.running.values()].map((s) => s.ready)).then(() => undefined);
}

/** Stops a bound policy's timers and subscriptions; its source origins are refused from then on. */
export function closeSources(policy: RuntimeCorsPolicy): void {
  for (const source of bindingOf(policy)?.running.values() ?? []) source.close();
}

/**
 * What `resolveCors` needs before it can answer a request from `origin` on `path`: `undefined` when it
 * already has everything (no lookup source in the rules for `path`, a static origin, answers cached),
 * otherwise a promise that resolves (never rejects) within the sources' timeout, once the lookup
 * sources have answered, failed or timed out. Hosts await it only when it is a promise.
 *
 * @example
 * const pending = prepareOrigin(policy, origin, path);
 * if (pending !== undefined) await pending;
 * const decision = resolveCors(policy, facts);
 */
export function prepareOrigin(policy: RuntimeCorsPolicy, origin: string | undefined, path: string): Promise<void> | undefined {
  const compiled = compiledOf(policy);
  if (origin === undefined || compiled.sourced === undefined) return undefined;
  const scope = scopeFor(compiled, path) as BoundScope;
  if (scope.bound.length === 0 || scope.rules.disabled || scope.rules.anyOrigin || scope.rules.origins.matches(origin)) return undefined;
  let pending: Promise<void>[] | undefined;
  for (const { state } of scope.bound) {
    // Declaration order: once a source that comes first holds the origin, later ones are not asked.
    if (state.has(origin) === true) break;
    const waiting = state.prepare(origin);
    if (waiting !== undefined) (pending ??= []).push(waiting);
  }
  if (pending === undefined) return undefined;
  return Promise.all(pending).then(() => undefined);
}
