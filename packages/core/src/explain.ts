import { DecisionReason, type CorsDecision, type MatchedRoute } from './decision.js';
import { MAX_REQUEST_METHOD_LENGTH, SAFELISTED_METHODS, SAFELISTED_REQUEST_HEADERS, asciiLower, normalizeMethod } from './http-tokens.js';
import type { CorsPolicy, EffectiveOriginSource } from './policy.js';
import type { RequestFacts } from './request-facts.js';
import { resolveCors } from './resolve.js';
import { describeSource } from './source-wording.js';

/** A request as a page would make it: `fetch(path, { method, headers, credentials })` from `origin`. */
export interface ExplainRequest {
  /** The calling page's origin; omit for a same-origin or non-browser request. */
  readonly origin?: string | undefined;
  readonly method?: string | undefined;
  readonly path?: string | undefined;
  /** Names of the headers the page sets (values do not matter; `Content-Type` is assumed non-form, e.g. JSON). */
  readonly headers?: readonly string[] | undefined;
  /** `credentials: 'include'`: cookies travel and the response must allow credentials. */
  readonly credentials?: boolean | undefined;
}

/**
 * Why the browser itself rejects an answer the server sent: the Fetch CORS checks `explain()`
 * simulates. Stable strings, like {@link DecisionReason}.
 */
export const BrowserCheckFailure = {
  /** The answer carries no `Access-Control-Allow-Origin`. */
  AllowOriginMissing: 'allow-origin-missing',
  /** `Access-Control-Allow-Origin: *` on a credentialed request. */
  WildcardWithCredentials: 'wildcard-with-credentials',
  /** `Access-Control-Allow-Origin` names another origin. */
  AllowOriginMismatch: 'allow-origin-mismatch',
  /** Credentials were sent but `Access-Control-Allow-Credentials` is not `true`. */
  CredentialsNotAllowed: 'credentials-not-allowed',
  /** The preflight answer's `Access-Control-Allow-Methods` lacks the method. */
  MethodNotInAllowMethods: 'method-not-in-allow-methods',
  /** The preflight answer's `Access-Control-Allow-Headers` lacks a header the page sets. */
  HeaderNotInAllowHeaders: 'header-not-in-allow-headers',
} as const;

export type BrowserCheckFailure = (typeof BrowserCheckFailure)[keyof typeof BrowserCheckFailure];

/** A refusal code: the server's {@link DecisionReason}, or the browser's {@link BrowserCheckFailure}. */
export type RefusalCode = DecisionReason | BrowserCheckFailure;

/** Where the request failed: the server refused the preflight or the request, or the browser's check of an answer failed. */
export type RefusalStage = 'preflight' | 'actual' | 'browser-check';

/** The concrete values of a refusal, so reports never parse sentences. */
export interface RefusalParams {
  /** The calling page's origin. */
  readonly origin: string;
  /** The request's method (Fetch-normalised): the refused one for `method-not-allowed`. */
  readonly method: string;
  readonly path: string;
  readonly credentials: boolean;
  /** The route rule that applied to the deciding answer, or `undefined` for the top-level rules. */
  readonly route: MatchedRoute | undefined;
  /** For header refusals: the first refused header name (lower-case). */
  readonly header?: string | undefined;
  /** For header refusals: every refused header name (lower-case, sorted). */
  readonly headers?: readonly string[] | undefined;
  /** For `browser-check`: which answer the browser rejected. */
  readonly checked?: 'preflight' | 'actual' | undefined;
  /** For `allow-origin-mismatch` and `wildcard-with-credentials`: the `Access-Control-Allow-Origin` sent. */
  readonly allowOrigin?: string | undefined;
}

/** Why a request is refused, as data. {@link describeRefusal} gives the words. */
export interface RefusalReason {
  readonly code: RefusalCode;
  readonly stage: RefusalStage;
  readonly params: RefusalParams;
}

export interface Explanation {
  /** Whether the page would be allowed to read the response. */
  readonly allowed: boolean;
  /** Why not, as data: `undefined` when allowed (and for requests without an Origin). */
  readonly refusal: RefusalReason | undefined;
  readonly preflight: { readonly needed: boolean; readonly decision?: CorsDecision | undefined; readonly facts?: RequestFacts | undefined };
  readonly actual: CorsDecision;
  /** One sentence. */
  readonly summary: string;
  /** The reasoning, step by step. */
  readonly steps: readonly string[];
}

const REASON_TEXT: Record<DecisionReason, string> = {
  [DecisionReason.NoOrigin]: 'the request has no Origin header, so it is not a cross-origin browser request',
  [DecisionReason.AnyOrigin]: 'the policy allows any origin ("*") without credentials',
  [DecisionReason.OriginAllowed]: 'the origin is listed in the policy or matched by one of its subdomain patterns',
  [DecisionReason.OriginNotAllowed]: 'the origin is not listed in the policy and matches none of its patterns',
  [DecisionReason.OriginNull]: 'the origin is "null" (sandboxed iframe, file: page or redirect), which is never trusted',
  [DecisionReason.OriginMalformed]: 'the Origin header is not a single well-formed origin as a browser sends it',
  [DecisionReason.MethodNotAllowed]: 'the method is not in the policy\'s methods',
  [DecisionReason.RequestMethodMalformed]: `Access-Control-Request-Method is not a single method token of at most ${MAX_REQUEST_METHOD_LENGTH} bytes`,
  [DecisionReason.HeaderNotAllowed]: 'a requested header is not in the policy\'s allowed headers ("*" never covers Authorization)',
  [DecisionReason.RequestHeadersMalformed]: 'Access-Control-Request-Headers is malformed or exceeds the size limits',
  [DecisionReason.PrivateNetworkNotAllowed]: 'the policy does not opt in to Private Network Access',
  [DecisionReason.RouteDisabled]: 'a route rule switches CORS off for this path',
  [DecisionReason.SourceUnavailable]: 'the origin is not listed, and an origin source that might hold it could not be consulted (no provider bound, not listed yet, expired, failed or timed out), so it is refused',
};

/** Words for a reason code. */
export function describeReason(reason: DecisionReason): string {
  return REASON_TEXT[reason];
}

const BROWSER_TEXT: Record<BrowserCheckFailure, (p: RefusalParams) => string> = {
  [BrowserCheckFailure.AllowOriginMissing]: () => 'no Access-Control-Allow-Origin header',
  [BrowserCheckFailure.WildcardWithCredentials]: () => 'Access-Control-Allow-Origin is "*", which browsers refuse for credentialed requests',
  [BrowserCheckFailure.AllowOriginMismatch]: (p) => `Access-Control-Allow-Origin is ${p.allowOrigin ?? '(absent)'}, not ${p.origin}`,
  [BrowserCheckFailure.CredentialsNotAllowed]: () => 'credentials were sent but Access-Control-Allow-Credentials is not "true"',
  [BrowserCheckFailure.MethodNotInAllowMethods]: (p) => `Access-Control-Allow-Methods does not include ${p.method}`,
  [BrowserCheckFailure.HeaderNotInAllowHeaders]: (p) => `Access-Control-Allow-Headers does not include ${p.header ?? 'a requested header'}`,
};

function isBrowserCheckFailure(code: RefusalCode): code is BrowserCheckFailure {
  return Object.prototype.hasOwnProperty.call(BROWSER_TEXT, code);
}

/**
 * Words for a refusal: the clause `explain()` puts after the dash of its summary
 * (`Refused: GET / from https://x — <this>.`), built from the refusal's code and params.
 *
 * @example
 * describeRefusal(explain(policy, { origin: 'https://evil.example' }).refusal!)
 * // 'the origin is not listed in the policy and matches none of its patterns'
 */
export function describeRefusal(refusal: RefusalReason): string {
  return isBrowserCheckFailure(refusal.code) ? BROWSER_TEXT[refusal.code](refusal.params) : describeReason(refusal.code);
}

function ruleLabel(policy: CorsPolicy, decision: CorsDecision): string {
  return decision.route === undefined ? 'the top-level rules' : `route rule #${decision.route.index + 1} ${decision.route.path}`;
}

/** Explains the resolver's answer to one raw request. */
export function explainDecision(policy: CorsPolicy, facts: RequestFacts): { decision: CorsDecision; summary: string; steps: string[]; refusal: RefusalReason | undefined } {
  const decision = resolveCors(policy, facts);
  const steps = [
    `${facts.method} ${facts.path}${facts.origin === undefined ? '' : ` from ${facts.origin}`} is governed by ${ruleLabel(policy, decision)}.`,
    `Decision: ${decision.kind} because ${describeReason(decision.reason)}.`,
  ];
  const source = decision.source === undefined ? undefined : sourceIn(policy, decision);
  if (source !== undefined) steps.push(sourceStep(source, decision));
  if (decision.headers.length > 0) steps.push(`Headers sent: ${decision.headers.map(([n, v]) => `${n}: ${v}`).join('; ')}.`);
  if (decision.vary.length > 0) steps.push(`Vary: ${decision.vary.join(', ')}.`);
  const refused = decision.kind === 'preflight-refused' || decision.kind === 'actual-refused';
  const refusal: RefusalReason | undefined = !refused || facts.origin === undefined ? undefined : {
    code: decision.reason,
    stage: decision.kind === 'preflight-refused' ? 'preflight' : 'actual',
    params: {
      origin: facts.origin,
      method: decision.kind === 'preflight-refused' ? (facts.accessControlRequestMethod ?? facts.method) : facts.method,
      path: facts.path,
      credentials: false,
      route: decision.route,
    },
  };
  return { decision, summary: steps[1] as string, steps, refusal };
}

/**
 * Explains what a browser would do: sends a preflight if the request needs one, then the request,
 * and checks the answers the way the Fetch standard's CORS check does.
 */
export function explain(policy: CorsPolicy, request: ExplainRequest): Explanation {
  const method = normalizeMethod(request.method ?? 'GET');
  const path = request.path ?? '/';
  const headerNames = [...new Set((request.headers ?? []).map(asciiLower))].sort();
  const credentials = request.credentials ?? false;
  const origin = request.origin;
  const steps: string[] = [];
  const unsafeHeaders = headerNames.filter((h) => !SAFELISTED_REQUEST_HEADERS.has(h));
  const needsPreflight = origin !== undefined && (!SAFELISTED_METHODS.has(method) || unsafeHeaders.length > 0);
  const what = `${method} ${path}${origin === undefined ? '' : ` from ${origin}`}${credentials ? ' with credentials' : ''}`;

  const facts = (m: string, extra: Partial<RequestFacts>): RequestFacts => ({
    method: m, path, origin, accessControlRequestMethod: undefined, accessControlRequestHeaders: undefined, accessControlRequestPrivateNetwork: undefined, ...extra,
  });

  if (origin === undefined) {
    const actual = resolveCors(policy, facts(method, {}));
    steps.push('No Origin: a same-origin or non-browser request. CORS does not apply; the app answers as usual.');
    return { allowed: true, refusal: undefined, preflight: { needed: false }, actual, summary: `Not a CORS request: ${what}.`, steps };
  }

  let preflightDecision: CorsDecision | undefined;
  let preflightFacts: RequestFacts | undefined;
  if (needsPreflight) {
    const why = !SAFELISTED_METHODS.has(method) ? `${method} is not a CORS-safelisted method` : `the page sets ${unsafeHeaders.join(', ')}`;
    steps.push(`The browser sends a preflight first, because ${why}.`);
    preflightFacts = facts('OPTIONS', { accessControlRequestMethod: method, accessControlRequestHeaders: unsafeHeaders.length > 0 ? unsafeHeaders.join(',') : undefined });
    preflightDecision = resolveCors(policy, preflightFacts);
    steps.push(`Preflight (${ruleLabel(policy, preflightDecision)}): ${preflightDecision.kind === 'preflight-allowed' ? 'allowed' : 'refused'} because ${describeReason(preflightDecision.reason)}.`);
    const params = (route: MatchedRoute | undefined): RefusalParams => ({ origin, method, path, credentials, route });
    let refusal: RefusalReason | undefined;
    if (preflightDecision.kind === 'preflight-allowed') {
      const problem = browserPreflightProblem(preflightDecision, origin, method, unsafeHeaders, credentials);
      if (problem !== undefined) {
        refusal = { code: problem.code, stage: 'browser-check', params: { ...params(preflightDecision.route), ...problem.params, checked: 'preflight' } };
        steps.push(`The browser rejects the preflight answer: ${describeRefusal(refusal)}.`);
      }
    } else {
      const refusedHeaders = preflightDecision.reason === DecisionReason.HeaderNotAllowed ? headersRefusedAtPreflight(policy, (h) => facts('OPTIONS', { accessControlRequestMethod: method, accessControlRequestHeaders: h }), unsafeHeaders) : [];
      refusal = { code: preflightDecision.reason, stage: 'preflight', params: { ...params(preflightDecision.route), ...headerParams(refusedHeaders) } };
    }
    if (refusal !== undefined) {
      steps.push('The browser never sends the request itself.');
      const actual = resolveCors(policy, facts(method, {}));
      return { allowed: false, refusal, preflight: { needed: true, decision: preflightDecision, facts: preflightFacts }, actual, summary: `Refused: ${what} — ${describeRefusal(refusal)}.`, steps };
    }
  } else {
    steps.push('No preflight: the method and headers are CORS-safelisted, so the browser sends the request directly.');
  }

  const actual = resolveCors(policy, facts(method, {}));
  steps.push(`Request (${ruleLabel(policy, actual)}): ${actual.kind === 'actual-allowed' ? 'CORS headers sent' : 'no CORS headers'} because ${describeReason(actual.reason)}.`);
  const actualSource = sourceIn(policy, actual);
  if (actualSource !== undefined) steps.push(sourceStep(actualSource, actual));
  const base: RefusalParams = { origin, method, path, credentials, route: actual.route };
  let refusal: RefusalReason | undefined;
  if (actual.kind === 'actual-allowed') {
    const problem = browserResponseProblem(actual, origin, credentials);
    if (problem !== undefined) refusal = { code: problem.code, stage: 'browser-check', params: { ...base, ...problem.params, checked: 'actual' } };
  } else {
    refusal = { code: actual.reason, stage: 'actual', params: base };
  }
  if (refusal !== undefined) {
    steps.push(`The server still runs the request, but the browser hides the response from the page${refusal.stage === 'browser-check' ? `: ${describeRefusal(refusal)}` : ''}.`);
    return { allowed: false, refusal, preflight: { needed: needsPreflight, decision: preflightDecision, facts: preflightFacts }, actual, summary: `Refused: ${what} — ${describeRefusal(refusal)}.`, steps };
  }
  const exposed = actual.headers.find(([n]) => n === 'Access-Control-Expose-Headers')?.[1];
  steps.push(`The page can read the response${exposed === undefined ? '' : `, including ${exposed}`}.`);
  return { allowed: true, refusal: undefined, preflight: { needed: needsPreflight, decision: preflightDecision, facts: preflightFacts }, actual, summary: `Allowed: ${what}.`, steps };
}

/** The source a decision names, as the policy declares it in the rules that applied. */
function sourceIn(policy: CorsPolicy, decision: CorsDecision): EffectiveOriginSource | undefined {
  if (decision.source === undefined) return undefined;
  const rules = decision.route === undefined ? policy.rules : policy.routes[decision.route.index];
  return rules?.sources.find((s) => s.name === decision.source);
}

/** What a source means for this request: it allowed the origin, or explain (unbound) cannot know whether it holds it. */
function sourceStep(source: EffectiveOriginSource, decision: CorsDecision): string {
  if (decision.reason !== DecisionReason.SourceUnavailable) return `The origin is one of the ${describeSource(source)}.`;
  return `Explain cannot see the source's contents (${describeSource(source)}): if the running service finds the origin there, it gets these rules; if not, it is refused.`;
}

/** The headers the policy refuses one by one (the resolver reports only that some header is refused). */
function headersRefusedAtPreflight(policy: CorsPolicy, factsFor: (header: string) => RequestFacts, headers: readonly string[]): string[] {
  return headers.filter((h) => resolveCors(policy, factsFor(h)).reason === DecisionReason.HeaderNotAllowed);
}

function headerParams(headers: readonly string[]): Pick<RefusalParams, 'header' | 'headers'> {
  return headers.length === 0 ? {} : { header: headers[0], headers };
}

/** A failed browser check: its code and the values it concerns. */
interface BrowserProblem {
  readonly code: BrowserCheckFailure;
  readonly params: Partial<RefusalParams>;
}

function header(decision: CorsDecision, name: string): string | undefined {
  return decision.headers.find(([n]) => n === name)?.[1];
}

/** The Fetch CORS check on a response: `undefined` when the browser lets the page read it. */
function browserResponseProblem(decision: CorsDecision, origin: string, credentials: boolean): BrowserProblem | undefined {
  const acao = header(decision, 'Access-Control-Allow-Origin');
  if (acao === undefined) return { code: BrowserCheckFailure.AllowOriginMissing, params: {} };
  if (acao === '*') return credentials ? { code: BrowserCheckFailure.WildcardWithCredentials, params: { allowOrigin: acao } } : undefined;
  if (acao !== origin) return { code: BrowserCheckFailure.AllowOriginMismatch, params: { allowOrigin: acao } };
  if (credentials && header(decision, 'Access-Control-Allow-Credentials') !== 'true') return { code: BrowserCheckFailure.CredentialsNotAllowed, params: {} };
  return undefined;
}

function listHas(value: string | undefined, item: string, credentials: boolean, wildcardCovers: boolean): boolean {
  if (value === undefined) return false;
  const items = value.split(',').map((s) => s.trim());
  if (!credentials && wildcardCovers && items.includes('*')) return true;
  return items.some((s) => s.toLowerCase() === item.toLowerCase());
}

/** The Fetch CORS-preflight check. */
function browserPreflightProblem(decision: CorsDecision, origin: string, method: string, headers: readonly string[], credentials: boolean): BrowserProblem | undefined {
  const base = browserResponseProblem(decision, origin, credentials);
  if (base !== undefined) return base;
  const acam = header(decision, 'Access-Control-Allow-Methods');
  if (!SAFELISTED_METHODS.has(method) && !(acam !== undefined && (acam.split(',').map((s) => s.trim()).includes(method) || (!credentials && acam.trim() === '*')))) {
    return { code: BrowserCheckFailure.MethodNotInAllowMethods, params: {} };
  }
  const acah = header(decision, 'Access-Control-Allow-Headers');
  const missing = headers.filter((h) => !listHas(acah, h, credentials, h !== 'authorization'));
  if (missing.length > 0) return { code: BrowserCheckFailure.HeaderNotInAllowHeaders, params: headerParams(missing) };
  return undefined;
}
