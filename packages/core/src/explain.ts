import { DecisionReason, type CorsDecision } from './decision.js';
import { SAFELISTED_METHODS, SAFELISTED_REQUEST_HEADERS, asciiLower, normalizeMethod } from './http-tokens.js';
import type { CorsPolicy } from './policy.js';
import type { RequestFacts } from './request-facts.js';
import { resolveCors } from './resolve.js';

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

export interface Explanation {
  /** Whether the page would be allowed to read the response. */
  readonly allowed: boolean;
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
  [DecisionReason.RequestMethodMalformed]: 'Access-Control-Request-Method is not a method token',
  [DecisionReason.HeaderNotAllowed]: 'a requested header is not in the policy\'s allowed headers ("*" never covers Authorization)',
  [DecisionReason.RequestHeadersMalformed]: 'Access-Control-Request-Headers is malformed or exceeds the size limits',
  [DecisionReason.PrivateNetworkNotAllowed]: 'the policy does not opt in to Private Network Access',
  [DecisionReason.RouteDisabled]: 'a route rule switches CORS off for this path',
};

/** Words for a reason code. */
export function describeReason(reason: DecisionReason): string {
  return REASON_TEXT[reason];
}

function ruleLabel(policy: CorsPolicy, decision: CorsDecision): string {
  return decision.route === undefined ? 'the top-level rules' : `route rule #${decision.route.index + 1} ${decision.route.path}`;
}

/** Explains the resolver's answer to one raw request. */
export function explainDecision(policy: CorsPolicy, facts: RequestFacts): { decision: CorsDecision; summary: string; steps: string[] } {
  const decision = resolveCors(policy, facts);
  const steps = [
    `${facts.method} ${facts.path}${facts.origin === undefined ? '' : ` from ${facts.origin}`} is governed by ${ruleLabel(policy, decision)}.`,
    `Decision: ${decision.kind} because ${describeReason(decision.reason)}.`,
  ];
  if (decision.headers.length > 0) steps.push(`Headers sent: ${decision.headers.map(([n, v]) => `${n}: ${v}`).join('; ')}.`);
  if (decision.vary.length > 0) steps.push(`Vary: ${decision.vary.join(', ')}.`);
  return { decision, summary: steps[1] as string, steps };
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
    return { allowed: true, preflight: { needed: false }, actual, summary: `Not a CORS request: ${what}.`, steps };
  }

  let preflightDecision: CorsDecision | undefined;
  let preflightFacts: RequestFacts | undefined;
  if (needsPreflight) {
    const why = !SAFELISTED_METHODS.has(method) ? `${method} is not a CORS-safelisted method` : `the page sets ${unsafeHeaders.join(', ')}`;
    steps.push(`The browser sends a preflight first, because ${why}.`);
    preflightFacts = facts('OPTIONS', { accessControlRequestMethod: method, accessControlRequestHeaders: unsafeHeaders.length > 0 ? unsafeHeaders.join(',') : undefined });
    preflightDecision = resolveCors(policy, preflightFacts);
    steps.push(`Preflight (${ruleLabel(policy, preflightDecision)}): ${preflightDecision.kind === 'preflight-allowed' ? 'allowed' : 'refused'} because ${describeReason(preflightDecision.reason)}.`);
    const problem = preflightDecision.kind === 'preflight-allowed' ? browserPreflightProblem(preflightDecision, origin, method, unsafeHeaders, credentials) : 'the preflight was refused';
    if (problem !== undefined) {
      if (preflightDecision.kind === 'preflight-allowed') steps.push(`The browser rejects the preflight answer: ${problem}.`);
      steps.push('The browser never sends the request itself.');
      const actual = resolveCors(policy, facts(method, {}));
      return { allowed: false, preflight: { needed: true, decision: preflightDecision, facts: preflightFacts }, actual, summary: `Refused: ${what} — ${problem === 'the preflight was refused' ? describeReason(preflightDecision.reason) : problem}.`, steps };
    }
  } else {
    steps.push('No preflight: the method and headers are CORS-safelisted, so the browser sends the request directly.');
  }

  const actual = resolveCors(policy, facts(method, {}));
  steps.push(`Request (${ruleLabel(policy, actual)}): ${actual.kind === 'actual-allowed' ? 'CORS headers sent' : 'no CORS headers'} because ${describeReason(actual.reason)}.`);
  const problem = actual.kind === 'actual-allowed' ? browserResponseProblem(actual, origin, credentials) : describeReason(actual.reason);
  if (problem !== undefined) {
    steps.push(`The server still runs the request, but the browser hides the response from the page${actual.kind === 'actual-allowed' ? `: ${problem}` : ''}.`);
    return { allowed: false, preflight: { needed: needsPreflight, decision: preflightDecision, facts: preflightFacts }, actual, summary: `Refused: ${what} — ${problem}.`, steps };
  }
  const exposed = actual.headers.find(([n]) => n === 'Access-Control-Expose-Headers')?.[1];
  steps.push(`The page can read the response${exposed === undefined ? '' : `, including ${exposed}`}.`);
  return { allowed: true, preflight: { needed: needsPreflight, decision: preflightDecision, facts: preflightFacts }, actual, summary: `Allowed: ${what}.`, steps };
}

function header(decision: CorsDecision, name: string): string | undefined {
  return decision.headers.find(([n]) => n === name)?.[1];
}

/** The Fetch CORS check on a response: `undefined` when the browser lets the page read it. */
function browserResponseProblem(decision: CorsDecision, origin: string, credentials: boolean): string | undefined {
  const acao = header(decision, 'Access-Control-Allow-Origin');
  if (acao === undefined) return 'no Access-Control-Allow-Origin header';
  if (acao === '*') return credentials ? 'Access-Control-Allow-Origin is "*", which browsers refuse for credentialed requests' : undefined;
  if (acao !== origin) return `Access-Control-Allow-Origin is ${acao}, not ${origin}`;
  if (credentials && header(decision, 'Access-Control-Allow-Credentials') !== 'true') return 'credentials were sent but Access-Control-Allow-Credentials is not "true"';
  return undefined;
}

function listHas(value: string | undefined, item: string, credentials: boolean, wildcardCovers: boolean): boolean {
  if (value === undefined) return false;
  const items = value.split(',').map((s) => s.trim());
  if (!credentials && wildcardCovers && items.includes('*')) return true;
  return items.some((s) => s.toLowerCase() === item.toLowerCase());
}

/** The Fetch CORS-preflight check. */
function browserPreflightProblem(decision: CorsDecision, origin: string, method: string, headers: readonly string[], credentials: boolean): string | undefined {
  const base = browserResponseProblem(decision, origin, credentials);
  if (base !== undefined) return base;
  const acam = header(decision, 'Access-Control-Allow-Methods');
  if (!SAFELISTED_METHODS.has(method) && !(acam !== undefined && (acam.split(',').map((s) => s.trim()).includes(method) || (!credentials && acam.trim() === '*')))) {
    return `Access-Control-Allow-Methods does not include ${method}`;
  }
  const acah = header(decision, 'Access-Control-Allow-Headers');
  for (const h of headers) {
    if (!listHas(acah, h, credentials, h !== 'authorization')) return `Access-Control-Allow-Headers does not include ${h}`;
  }
  return undefined;
}
