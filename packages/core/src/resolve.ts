import type { CompiledRules } from './runtime-rules.js';
import { compiledOf, type CompiledPolicy, type CompiledScope, type SourceScope } from './compiled-policy.js';
import type { CompiledSourceData } from './compiled-data.js';
import { DecisionReason, type CorsDecision, type PreflightAllowedDecision } from './decision.js';
import { SAFELISTED_METHODS, isRequestMethod } from './http-tokens.js';
import { MALFORMED, NOT_ALLOWED, checkRequestHeaders, checkWildcardRequestHeaders, parseRequestHeaders } from './request-header-list.js';
import { MAX_ORIGIN_LENGTH } from './origin-matcher.js';
import type { RuntimeCorsPolicy } from './runtime-policy.js';
import type { RequestFacts } from './request-facts.js';
import { allowedActualHeaders } from './precomputed-decisions.js';


const ACAO = 'Access-Control-Allow-Origin';
const ACAC = 'Access-Control-Allow-Credentials';

/**
 * Decides how to answer one request under a policy. Pure and synchronous: no I/O, no clock, and it
 * never throws on any request input (malformed headers are refused, not parsed with exceptions).
 *
 * @example
 * const decision = resolveCors(policy, requestFacts(req.method, req.url, (n) => req.headers[n]));
 */
export function resolveCors(policy: RuntimeCorsPolicy, facts: RequestFacts): CorsDecision {
  const compiled = compiledOf(policy);
  const scope = scopeFor(compiled, facts.path);
  const origin = facts.origin;
  if (origin === undefined) return scope.decisions.noOrigin;
  if (facts.method === 'OPTIONS' && facts.accessControlRequestMethod !== undefined) {
    return resolvePreflight(compiled, scope, origin, facts);
  }
  return resolveActual(compiled, scope, origin, facts.method);
}

/** The rules in force for a path: the first route rule that matches, else the top level. */
export function scopeFor(compiled: CompiledPolicy, path: string): CompiledScope {
  for (const r of compiled.routes) if (r.matches(path)) return r;
  return compiled.top;
}

/**
 * The answer to an actual request when it needs no per-request value: a refusal, or the `*` answer.
 * Otherwise the scope whose rules allow it (the scope itself for a static origin, or the source that
 * holds the origin): the caller echoes the origin with that scope's headers.
 */
export function precomputedActual(compiled: CompiledPolicy, scope: CompiledScope, origin: string, method: string): CorsDecision | CompiledScope {
  const { rules, decisions } = scope;
  if (rules.disabled) return decisions.actualRefused[DecisionReason.RouteDisabled];
  if (rules.anyOrigin) return methodAllowed(rules, method) ? decisions.actualAllowedAny : decisions.actualRefused[DecisionReason.MethodNotAllowed];
  const allowing = originScope(compiled, scope, origin, false);
  if (isDecision(allowing)) return allowing;
  if (!methodAllowed(allowing.rules, method)) return allowing.decisions.actualRefused[DecisionReason.MethodNotAllowed];
  return allowing;
}

export function isDecision(value: CorsDecision | CompiledScope): value is CorsDecision {
  return (value as Partial<CorsDecision>).kind !== undefined;
}

/** Actual requests: refusals are precomputed; an allowed answer echoes the origin (three small allocations). */
function resolveActual(compiled: CompiledPolicy, scope: CompiledScope, origin: string, method: string): CorsDecision {
  return actualDecision(precomputedActual(compiled, scope, origin, method), origin);
}

/** The decision of a {@link precomputedActual} answer for `origin`: the answer itself, or the allowed answer built from its scope. */
export function actualDecision(answer: CorsDecision | CompiledScope, origin: string): CorsDecision {
  if (isDecision(answer)) return answer;
  const { rules, route } = answer;
  const headers = allowedActualHeaders(rules, origin);
  // Two literals, not a spread: a spread copy costs more than the whole static answer.
  const source = (answer as Partial<SourceScope>).name;
  if (source !== undefined) return { kind: 'actual-allowed', reason: DecisionReason.OriginAllowed, headers, vary: rules.actualVary, route, end: false, source };
  return { kind: 'actual-allowed', reason: DecisionReason.OriginAllowed, headers, vary: rules.actualVary, route, end: false };
}

/**
 * Whose rules answer `origin` in `scope`: the scope itself (`*` or a static origin, checked first), else
 * the origin source that holds it (asked through the hook `bindOriginSources` installs) — or the
 * refusal. While a policy's sources are not bound, their origins are refused with `source-unavailable`
 * (fail closed).
 */
export function originScope(compiled: CompiledPolicy, scope: CompiledScope, origin: string, preflight: boolean): CompiledScope | CorsDecision {
  const { rules, sources } = scope;
  if (rules.anyOrigin || rules.origins.matches(origin)) return scope;
  // A source holding the origin answers before the refusal is classified: a source hit stays cheap.
  const sourced = sources.length === 0 ? undefined : compiled.sourced?.(scope, origin, preflight);
  if (sourced !== undefined && !isDecision(sourced)) return sourced;
  const refusals = preflight ? scope.decisions.preflightRefused : scope.decisions.actualRefused;
  const reason = originRefusal(origin);
  if (reason !== DecisionReason.OriginNotAllowed || sources.length === 0) return refusals[reason];
  return sourced ?? { ...refusals[DecisionReason.SourceUnavailable], source: (sources[0] as CompiledSourceData).name };
}

function resolvePreflight(compiled: CompiledPolicy, scope: CompiledScope, origin: string, facts: RequestFacts): CorsDecision {
  // Before any other work: a hostile method is never hashed, matched or echoed into Allow-Methods.
  const method = facts.accessControlRequestMethod as string;
  if (!isRequestMethod(method)) return scope.decisions.preflightRefused[DecisionReason.RequestMethodMalformed];
  if (scope.rules.disabled) return scope.decisions.preflightRefused[DecisionReason.RouteDisabled];
  // From here on, the rules of whoever allows the origin: the scope, or the source that holds it.
  const allowing = originScope(compiled, scope, origin, true);
  if (isDecision(allowing)) return allowing;
  const { rules, route } = allowing;
  const refused = allowing.decisions.preflightRefused;

  if (!methodAllowed(rules, method)) return refused[DecisionReason.MethodNotAllowed];

  const headers: Array<readonly [string, string]> = [[ACAO, rules.anyOrigin ? '*' : origin]];
  if (rules.credentials) headers.push([ACAC, 'true']);
  // Safelisted methods pass the browser's check without an Allow-Methods entry.
  if (!SAFELISTED_METHODS.has(method)) headers.push(['Access-Control-Allow-Methods', rules.anyMethod && !rules.credentials ? '*' : method]);

  const requested = facts.accessControlRequestHeaders;
  if (requested !== undefined && rules.anyHeader && rules.allowHeadersValue !== undefined) {
    // `*` answered literally (no credentials): check the list in place, nothing to echo.
    const count = checkWildcardRequestHeaders(requested, rules.headers.has('authorization'));
    if (count === MALFORMED) return refused[DecisionReason.RequestHeadersMalformed];
    if (count === NOT_ALLOWED) return refused[DecisionReason.HeaderNotAllowed];
    if (count > 0) headers.push(['Access-Control-Allow-Headers', rules.allowHeadersValue]);
  } else if (requested !== undefined && rules.anyHeader) {
    // `*` with credentials is taken literally by browsers: echo the names instead.
    const names = parseRequestHeaders(requested);
    if (names === undefined) return refused[DecisionReason.RequestHeadersMalformed];
    for (const name of names) {
      if (!(rules.headers.has(name) || name !== 'authorization')) return refused[DecisionReason.HeaderNotAllowed];
    }
    if (names.length > 0) headers.push(['Access-Control-Allow-Headers', names.join(', ')]);
  } else if (requested !== undefined) {
    // A fixed list is never echoed: check each name in place, without slicing or lower-casing it.
    const count = checkRequestHeaders(requested, rules.headerNames);
    if (count === MALFORMED) return refused[DecisionReason.RequestHeadersMalformed];
    if (count === NOT_ALLOWED) return refused[DecisionReason.HeaderNotAllowed];
    if (count > 0 && rules.allowHeadersValue !== undefined) headers.push(['Access-Control-Allow-Headers', rules.allowHeadersValue]);
  }
  if (rules.maxAgeValue !== undefined) headers.push(['Access-Control-Max-Age', rules.maxAgeValue]);
  if (facts.accessControlRequestPrivateNetwork === 'true') {
    if (!rules.privateNetwork || rules.anyOrigin) return refused[DecisionReason.PrivateNetworkNotAllowed];
    headers.push(['Access-Control-Allow-Private-Network', 'true']);
  }
  const decision: { -readonly [K in keyof PreflightAllowedDecision]: PreflightAllowedDecision[K] } = {
    kind: 'preflight-allowed',
    reason: rules.anyOrigin ? DecisionReason.AnyOrigin : DecisionReason.OriginAllowed,
    headers,
    vary: compiled.preflightVary,
    route,
    status: compiled.preflight.successStatus,
    end: !compiled.preflight.continueToApp,
  };
  // Added to the fresh object, not spread into a copy: a spread costs more than the whole answer.
  const source = (allowing as Partial<SourceScope>).name;
  if (source !== undefined) decision.source = source;
  return decision;
}

type OriginRefusal = typeof DecisionReason.OriginNull | typeof DecisionReason.OriginMalformed | typeof DecisionReason.OriginNotAllowed;

/** Why an origin that is not allowed is refused: the cheap classification runs only on refusals. */
function originRefusal(origin: string): OriginRefusal {
  if (origin === 'null') return DecisionReason.OriginNull;
  if (origin.length === 0 || origin.length > MAX_ORIGIN_LENGTH || origin.includes(',') || origin.includes(' ') || !origin.includes('://')) {
    return DecisionReason.OriginMalformed;
  }
  return DecisionReason.OriginNotAllowed;
}

function methodAllowed(rules: CompiledRules, method: string): boolean {
  if (rules.anyMethod || rules.methods.has(method)) return true;
  // HEAD is GET without a body (RFC 9110 §9.3.2): servers answer it wherever they answer GET.
  return method === 'HEAD' && rules.methods.has('GET');
}
