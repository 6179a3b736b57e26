import { mergeVary, requestFacts, resolveCors, type CorsDecision, type CorsPolicy } from '@org/cors-core';

/**
 * The whole per-request flow, on Web `Request`/`Response` only (Edge and Node runtimes alike):
 * resolve the policy's decision; end a preflight here; otherwise run `next` and write the decision's
 * headers onto whatever it returns, appending to its `Vary`.
 *
 * If `next` throws, the answer is Next.js's bare 500 but carrying the CORS headers, so the calling
 * page sees the failure instead of a misleading CORS error; the error is logged the way Next.js
 * logs it (`console.error`). Next.js's own control flow (`redirect()`, `notFound()`, dynamic
 * bail-outs) is rethrown untouched for Next.js to answer.
 */
export async function handleCors(
  policy: CorsPolicy,
  request: Request,
  next: () => Response | Promise<Response>,
): Promise<Response> {
  const decision = resolveCors(policy, requestFacts(request.method, request.url, (name) => request.headers.get(name)));
  if (decision.end) return withCorsHeaders(decision, new Response(null, { status: decision.status }));
  try {
    return withCorsHeaders(decision, await next());
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    console.error(error);
    return withCorsHeaders(decision, new Response(null, { status: 500 }));
  }
}

/** Responses with immutable headers (`fetch()` results, `Response.redirect()`) are copied first. */
function withCorsHeaders(decision: CorsDecision, response: Response): Response {
  try {
    write(decision, response.headers);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    write(decision, copy.headers);
    return copy;
  }
}

function write(decision: CorsDecision, headers: Headers): void {
  for (const [name, value] of decision.headers) headers.set(name, value);
  const vary = mergeVary(headers.get('vary'), decision.vary);
  if (vary !== undefined) headers.set('vary', vary);
}

/**
 * Next.js signals `redirect()`, `notFound()` and dynamic-rendering bail-outs by throwing errors that
 * carry a string `digest` (`NEXT_REDIRECT;…`, `NEXT_HTTP_ERROR_FALLBACK;404`, `DYNAMIC_SERVER_USAGE`…).
 * Checked by shape: importing `unstable_rethrow` from `next/navigation` breaks route bundles that
 * resolve it to the client build.
 */
function isNextControlFlow(error: unknown): boolean {
  return typeof error === 'object' && error !== null && typeof (error as { digest?: unknown }).digest === 'string';
}
