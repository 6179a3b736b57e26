import { compiledOf, type CompiledPolicy, type CompiledScope } from './compiled-policy.js';
import type { CorsDecision } from './decision.js';
import { appendVary, writeNodeDecision, type NodeResponseLike } from './node-writer.js';
import { requestFacts, requestPath } from './request-facts.js';
import { isDecision, precomputedActual, resolveCors, scopeFor } from './resolve.js';
import type { RuntimeCorsPolicy } from './runtime-policy.js';

/** Request headers as Node hands them over: lower-case names; repeated lines may be arrays. */
export type NodeRequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** A {@link NodeCorsHandler}'s answer when the request goes on to the app. */
// Stryker disable next-line UnaryOperator: any value that is not an HTTP status works; callers compare with CONTINUE itself.
export const CONTINUE = -1;

/**
 * The whole CORS step for one request on a Node host: writes the answer onto `res` and returns the
 * status to end the response with (a preflight the CORS layer answers), or `CONTINUE`.
 */
export type NodeCorsHandler = (method: string, url: string, headers: NodeRequestHeaders, res: NodeResponseLike) => number;

/**
 * The CORS step for a Node host (Express, Nest), fused and bound to one policy: it decides and writes
 * exactly as `writeNodeDecision(res, resolveCors(policy, requestFacts(…)))` would — a test holds the
 * two equal — but for actual requests it reads only the headers it needs and writes precomputed
 * values, building no facts and no decision per request. Bound once, so nothing about the policy is
 * looked up per request.
 *
 * @example
 * const handle = nodeCorsHandler(policy);
 * app.use((req, res, next) => {
 *   const status = handle(req.method, req.originalUrl, req.headers, res);
 *   if (status === CONTINUE) next(); else res.status(status).end();
 * });
 */
export function nodeCorsHandler(policy: RuntimeCorsPolicy): NodeCorsHandler {
  const compiled = compiledOf(policy);
  const top = compiled.top;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; scopeFor gives `top` when there is no route.
  const routed = compiled.routes.length > 0;
  const noOrigin = sharedNoOriginAnswer(compiled);
  return (method, url, headers, res) => {
    const origin = headers.origin;
    // Preflights and repeated Origin lines take the general path. The shortcuts below only choose between
    // two paths that write the same (the property test in node-hot-path.test.ts holds them equal), so
    // routing more requests to the general path is invisible to any test: mutants there are equivalent.
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral: see above.
    if (method === 'OPTIONS' || (origin !== undefined && typeof origin !== 'string')) return handleInFull(policy, method, url, headers, res);
    // Stryker disable next-line ConditionalExpression,BlockStatement: see above (the route-matched path writes the same).
    if (origin === undefined && noOrigin !== undefined) {
      writeNodeDecision(res, noOrigin);
      return CONTINUE;
    }
    const scope = routed ? scopeFor(compiled, requestPath(url)) : top;
    if (origin === undefined) {
      writeNodeDecision(res, scope.decisions.noOrigin);
      return CONTINUE;
    }
    writeActualAnswer(res, precomputedActual(compiled, scope, origin, method), origin);
    return CONTINUE;
  };
}

/**
 * Writes a {@link precomputedActual} answer: a precomputed decision as it is, or the allowed answer for
 * `origin` under the rules of the scope (or of the origin source that holds it) — without building it.
 */
export function writeActualAnswer(res: NodeResponseLike, answer: CorsDecision | CompiledScope, origin: string): void {
  if (isDecision(answer)) {
    writeNodeDecision(res, answer);
    return;
  }
  const { rules } = answer;
  res.setHeader('Access-Control-Allow-Origin', origin);
  if (rules.credentials) res.setHeader('Access-Control-Allow-Credentials', 'true');
  if (rules.exposeHeadersValue !== undefined) res.setHeader('Access-Control-Expose-Headers', rules.exposeHeadersValue);
  appendVary(res, rules.actualVary);
}

/**
 * The general path: facts, decision, writer. Its own function: a closure over `headers` inside the
 * handler would make V8 allocate a context for every request, preflight or not.
 */
function handleInFull(policy: RuntimeCorsPolicy, method: string, url: string, headers: NodeRequestHeaders, res: NodeResponseLike): number {
  const decision = resolveCors(policy, requestFacts(method, url, (name) => headers[name]));
  writeNodeDecision(res, decision);
  return decision.end ? decision.status : CONTINUE;
}

/**
 * The answer to a request without `Origin` when every scope gives the same headers and `Vary` (the
 * usual case: none, and `Vary: Origin`): then it needs no route matching.
 */
// Stryker disable all: without this answer the handler matches routes for requests without Origin, and writes the same.
function sharedNoOriginAnswer({ top, routes }: CompiledPolicy): CorsDecision | undefined {
  const answer = top.decisions.noOrigin;
  const same = (scope: CompiledScope) => sameWrites(scope.decisions.noOrigin, answer);
  return routes.every(same) ? answer : undefined;
}

function sameWrites(a: CorsDecision, b: CorsDecision): boolean {
  const key = (d: CorsDecision) => JSON.stringify([d.headers, d.vary]);
  return key(a) === key(b);
}
// Stryker restore all
