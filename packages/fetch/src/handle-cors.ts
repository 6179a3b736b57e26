import { preflightResponse, webRequestFacts, withCorsHeaders } from '@org/cors-core/runtime';
import type { Deciding } from './deciding.js';
import { loadPolicy, type CorsPolicySource } from './load-policy.js';
import type { ObservedHandleCorsOptions } from './options.js';

/**
 * The whole per-request flow on Web `Request`/`Response`, for either entry (`deciding`): decide the
 * request; end a preflight here; otherwise await `next()` and write the decision onto its response.
 * A throwing `next` becomes a bare 500 that keeps the CORS headers, unless `options.rethrow` claims it.
 * An origin a bound lookup source must be asked about waits for it first (at most its `timeoutMs`).
 */
export async function handleCorsWith(
  deciding: Deciding,
  policy: CorsPolicySource,
  request: Request,
  next: () => Response | Promise<Response>,
  options: ObservedHandleCorsOptions,
): Promise<Response> {
  const runtime = loadPolicy(policy, options.environment);
  const facts = webRequestFacts(request);
  const pending = deciding.preparer(runtime, options)?.(facts.origin, facts.path);
  if (pending !== undefined) await pending;
  const decision = deciding.decide(runtime, options, facts);
  if (decision.end) return preflightResponse(decision);
  let response: Response;
  try {
    response = await next();
  } catch (error) {
    if (options.rethrow?.(error) === true) throw error;
    console.error(error);
    response = new Response(null, { status: 500 });
  }
  return withCorsHeaders(response, decision);
}
