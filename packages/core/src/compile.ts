import { analyseOriginEntry, type OriginPattern } from './origin-entry.js';
import { compileOriginMatcher, type OriginMatcher } from './origin-matcher.js';
import type { EffectiveRoute, EffectiveRules, RouteOwnRules } from './policy.js';
import type { RouteRuleInput } from './policy-schema.js';
import type { RuleContext } from './rule-context.js';
import { asciiLower, normalizeMethod } from './http-tokens.js';

/** Everything the resolver needs for one set of rules, computed once at load. */
export interface CompiledRules {
  readonly disabled: boolean;
  readonly anyOrigin: boolean;
  readonly origins: OriginMatcher;
  /** The exact (non-pattern) origins, for precomputing their decisions. */
  readonly exactOrigins: readonly string[];
  readonly credentials: boolean;
  readonly anyMethod: boolean;
  readonly methods: ReadonlySet<string>;
  readonly anyHeader: boolean;
  readonly headers: ReadonlySet<string>;
  /** The same names as a list, for the allocation-free check of `Access-Control-Request-Headers`. */
  readonly headerNames: readonly string[];
  /** `Access-Control-Allow-Headers` when it does not echo the request: the configured list, or `*`(+ Authorization). */
  readonly allowHeadersValue: string | undefined;
  readonly exposeHeadersValue: string | undefined;
  readonly maxAgeValue: string | undefined;
  readonly privateNetwork: boolean;
  /** Precomputed answer for `*` policies: the same headers for every request. */
  readonly anyOriginHeaders: ReadonlyArray<readonly [string, string]>;
  /** Vary tokens of non-preflight responses: `Origin` unless the answer is the same for every origin. */
  readonly actualVary: readonly string[];
}


export function effectiveRules(ctx: RuleContext): EffectiveRules {
  return {
    origins: ctx.origins.map((o) => o.value),
    credentials: ctx.credentials.value,
    methods: ctx.methods.map((m) => (m.value === '*' ? '*' : normalizeMethod(m.value))),
    allowHeaders: ctx.allowHeaders.map((h) => asciiLower(h.value)),
    exposeHeaders: ctx.exposeHeaders.map((h) => h.value),
    maxAge: ctx.maxAge?.value,
    privateNetwork: ctx.privateNetwork.value,
  };
}

export function effectiveRoute(ctx: RuleContext, route: RouteRuleInput | undefined): EffectiveRoute {
  return { ...effectiveRules(ctx), path: route?.path ?? '/', description: route?.description, disabled: ctx.disabled, own: ownRules(route) };
}

/** The fields a route rule writes, normalised like `effectiveRules`. */
function ownRules(route: RouteRuleInput | undefined): RouteOwnRules {
  const own: { -readonly [K in keyof RouteOwnRules]: RouteOwnRules[K] } = {};
  if (route === undefined) return own;
  if (route.origins !== undefined) own.origins = [...route.origins];
  if (route.credentials !== undefined) own.credentials = route.credentials;
  if (route.methods !== undefined) own.methods = route.methods.map((m) => (m === '*' ? '*' : normalizeMethod(m)));
  if (route.allowHeaders !== undefined) own.allowHeaders = route.allowHeaders.map(asciiLower);
  if (route.exposeHeaders !== undefined) own.exposeHeaders = [...route.exposeHeaders];
  if (route.maxAge !== undefined) own.maxAge = route.maxAge;
  if (route.privateNetwork !== undefined) own.privateNetwork = route.privateNetwork;
  return own;
}

/** Compiles validated rules (the linter has already refused anything invalid). */
export function compileRules(rules: EffectiveRules, disabled: boolean): CompiledRules {
  const exact: string[] = [];
  const patterns: OriginPattern[] = [];
  let anyOrigin = false;
  for (const raw of rules.origins) {
    const { entry } = analyseOriginEntry(raw);
    if (entry.kind === 'any') anyOrigin = true;
    else if (entry.kind === 'exact') exact.push(entry.origin);
    else if (entry.kind === 'pattern') patterns.push(entry.pattern);
  }
  const anyHeader = rules.allowHeaders.includes('*');
  const named = unique(rules.allowHeaders.filter((h) => h !== '*'));
  const allowsAuthorization = named.includes('authorization');
  const allowHeadersValue = anyHeader
    ? rules.credentials ? undefined : allowsAuthorization ? '*, authorization' : '*'
    : named.length > 0 ? named.join(', ') : undefined;
  const exposeHeadersValue = rules.exposeHeaders.length > 0 ? unique(rules.exposeHeaders).join(', ') : undefined;
  const anyOriginHeaders: Array<readonly [string, string]> = [['Access-Control-Allow-Origin', '*']];
  if (exposeHeadersValue !== undefined) anyOriginHeaders.push(['Access-Control-Expose-Headers', exposeHeadersValue]);
  return {
    disabled,
    anyOrigin: anyOrigin && !rules.credentials,
    origins: compileOriginMatcher(exact, patterns),
    exactOrigins: exact,
    credentials: rules.credentials,
    anyMethod: rules.methods.includes('*'),
    methods: new Set(rules.methods),
    anyHeader,
    headers: new Set(named),
    headerNames: named,
    allowHeadersValue,
    exposeHeadersValue,
    maxAgeValue: rules.maxAge === undefined ? undefined : String(rules.maxAge),
    privateNetwork: rules.privateNetwork,
    anyOriginHeaders,
    actualVary: disabled || (anyOrigin && !rules.credentials) ? [] : ['Origin'],
  };
}


function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const k = v.toLowerCase();
    if (!seen.has(k)) {
      seen.add(k);
      out.push(v);
    }
  }
  return out;
}
