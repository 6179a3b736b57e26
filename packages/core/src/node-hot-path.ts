import { compiledOf } from './compiled-policy.js';
import { appendVary, writeNodeDecision, type NodeResponseLike } from './node-writer.js';
import { requestFacts, requestPath } from './request-facts.js';
import { precomputedActual, resolveCors, scopeFor } from './resolve.js';
import type { RuntimeCorsPolicy } from './runtime-policy.js';

/** Request headers as Node hands them over: lower-case names; repeated lines may be arrays. */
export type NodeRequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** {@link handleNodeCors}'s answer when the request goes on to the app. */
export const CONTINUE = -1;

/**
 * The whole CORS step for a Node host (Express, Nest), fused: decides and writes the answer onto
 * `res` exactly as `writeNodeDecision(res, resolveCors(policy, requestFacts(…)))` would — a test holds
 * the two equal — but for actual requests it reads only the headers it needs and writes the
 * precomputed values, building no facts and no decision per request.
 *
 * @returns the status to end the response with (a preflight the CORS layer answers), or `CONTINUE`
 * @example
 * const status = handleNodeCors(policy, req.method, req.originalUrl, req.headers, res);
 * if (status === CONTINUE) next(); else res.status(status).end();
 */
export function handleNodeCors(policy: RuntimeCorsPolicy, method: string, url: string, headers: NodeRequestHeaders, res: NodeResponseLike): number {
  const origin = headers.origin;
  // Preflights and repeated Origin lines take the general path.
  if (method === 'OPTIONS' || (origin !== undefined && typeof origin !== 'string')) {
    const decision = resolveCors(policy, requestFacts(method, url, (name) => headers[name]));
    writeNodeDecision(res, decision);
    return decision.end ? decision.status : CONTINUE;
  }
  const compiled = compiledOf(policy);
  const scope = compiled.routes.length === 0 ? compiled.top : scopeFor(compiled, requestPath(url));
  if (origin === undefined) {
    writeNodeDecision(res, scope.decisions.noOrigin);
    return CONTINUE;
  }
  const precomputed = precomputedActual(scope, origin, method);
  if (precomputed !== undefined) {
    writeNodeDecision(res, precomputed);
    return CONTINUE;
  }
  const { rules } = scope;
  res.setHeader('Access-Control-Allow-Origin', origin);
  if (rules.credentials) res.setHeader('Access-Control-Allow-Credentials', 'true');
  if (rules.exposeHeadersValue !== undefined) res.setHeader('Access-Control-Expose-Headers', rules.exposeHeadersValue);
  appendVary(res, rules.actualVary);
  return CONTINUE;
}
