import type { CompiledOriginPattern, CompiledRulesData } from './compiled-data.js';
import { SOURCE_REFRESH_DEFAULT, SOURCE_TIMEOUT_DEFAULT } from './source-defaults.js';
import { isSourceEntry } from './policy-schema.js';
import { analyseOriginEntry, type OriginAnalyser } from './origin-entry.js';
import type { EffectiveOriginSource, EffectiveRoute, EffectiveRules, RouteOwnRules } from './policy.js';
import type { RouteRuleInput } from './policy-schema.js';
import type { RuleContext } from './rule-context.js';
import { asciiLower, normalizeMethod } from './http-tokens.js';

const normalizeMethods = (methods: readonly string[]): string[] => methods.map((m) => (m === '*' ? '*' : normalizeMethod(m)));

export function effectiveRules(ctx: RuleContext): EffectiveRules {
  const methods = normalizeMethods(ctx.methods.map((m) => m.value));
  return {
    origins: ctx.origins.map((o) => o.value),
    sources: ctx.sources.map(({ value }): EffectiveOriginSource => ({
      name: value.source,
      credentials: value.credentials ?? false,
      methods: value.methods === undefined ? methods : normalizeMethods(value.methods),
      refreshSeconds: value.refreshSeconds ?? SOURCE_REFRESH_DEFAULT,
      timeoutMs: value.timeoutMs ?? SOURCE_TIMEOUT_DEFAULT,
      description: value.description,
    })),
    credentials: ctx.credentials.value,
    methods,
    allowHeaders: ctx.allowHeaders.map((h) => asciiLower(h.value)),
    exposeHeaders: ctx.exposeHeaders.map((h) => h.value),
    maxAge: ctx.maxAge?.value,
    privateNetwork: ctx.privateNetwork.value,
  };
}

export function effectiveRoute(ctx: RuleContext, route: RouteRuleInput | undefined): EffectiveRoute {
  const rules = effectiveRules(ctx);
  return { ...rules, path: route?.path ?? '/', description: route?.description, disabled: ctx.disabled, own: ownRules(route, rules) };
}

/** The fields a route rule writes, normalised like `effectiveRules`. */
function ownRules(route: RouteRuleInput | undefined, rules: EffectiveRules): RouteOwnRules {
  const own: { -readonly [K in keyof RouteOwnRules]: RouteOwnRules[K] } = {};
  if (route === undefined) return own;
  if (route.origins !== undefined) {
    own.origins = route.origins.filter((o): o is string => !isSourceEntry(o));
    // A route's own list replaces the inherited sources, and overlays add none: every source in force is its own.
    if (route.origins.some(isSourceEntry)) own.sources = rules.sources;
  }
  if (route.credentials !== undefined) own.credentials = route.credentials;
  if (route.methods !== undefined) own.methods = route.methods.map((m) => (m === '*' ? '*' : normalizeMethod(m)));
  if (route.allowHeaders !== undefined) own.allowHeaders = route.allowHeaders.map(asciiLower);
  if (route.exposeHeaders !== undefined) own.exposeHeaders = [...route.exposeHeaders];
  if (route.maxAge !== undefined) own.maxAge = route.maxAge;
  if (route.privateNetwork !== undefined) own.privateNetwork = route.privateNetwork;
  return own;
}

/**
 * The compiled data of validated rules (the linter has already refused anything invalid): origin
 * entries split once into exact origins and parsed patterns, so the runtime needs no parser.
 */
export function compileRulesData(rules: EffectiveRules, disabled: boolean, analyse: OriginAnalyser = analyseOriginEntry): CompiledRulesData {
  const origins: string[] = [];
  const patterns: CompiledOriginPattern[] = [];
  let anyOrigin = false;
  // A disabled rule answers nothing: its origins are neither analysed nor shipped.
  if (!disabled) {
    for (const raw of rules.origins) {
      const { entry } = analyse(raw);
      if (entry.kind === 'any') anyOrigin = true;
      else if (entry.kind === 'exact') origins.push(entry.origin);
      else if (entry.kind === 'pattern') {
        const { scheme, host, wildcardHost, port } = entry.pattern;
        patterns.push({ scheme, host, wildcardHost, port: port ?? null });
      }
    }
  }
  return {
    disabled,
    anyOrigin: anyOrigin && !rules.credentials,
    origins,
    patterns,
    credentials: rules.credentials,
    methods: rules.methods,
    allowHeaders: rules.allowHeaders,
    exposeHeaders: rules.exposeHeaders,
    maxAge: rules.maxAge ?? null,
    privateNetwork: rules.privateNetwork,
    sources: disabled ? [] : rules.sources.map(({ name, credentials, methods, refreshSeconds, timeoutMs }) => ({ name, credentials, methods, refreshSeconds, timeoutMs })),
  };
}
