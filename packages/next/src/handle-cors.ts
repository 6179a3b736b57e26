import { mergeVary, requestFacts, resolveCors, type CorsDecision, type CorsPolicy } from '@org/cors-core';

/** The policy's decision for a Web `Request` (Edge and Node runtimes alike). */
export function decide(policy: CorsPolicy, request: Request): CorsDecision {
  return resolveCors(policy, requestFacts(request.method, request.url, (name) => request.headers.get(name)));
}

/** The empty response that ends a preflight: the decision's status, headers and Vary. */
export function preflightResponse(decision: CorsDecision & { status: number }): Response {
  const response = new Response(null, { status: decision.status });
  return withCorsHeaders(decision, response);
}

/**
 * Writes the decision's headers onto `response` and appends its Vary tokens to the response's own.
 * Responses with immutable headers (`fetch()` results, `Response.redirect()`) are copied first.
 */
export function withCorsHeaders(decision: CorsDecision, response: Response): Response {
  try {
    write(decision, response.headers);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    write(decision, copy.headers);
    return copy;
  }
}

/**
 * What a wrapped handler that threw answers: Next.js's bare 500, but carrying the CORS headers, so
 * the calling page sees the failure instead of a misleading CORS error. Next.js's own control flow
 * (`redirect()`, `notFound()`, dynamic bail-outs) is rethrown untouched; real errors are logged
 * the way Next.js logs them, with `console.error`.
 */
export function failureResponse(decision: CorsDecision, error: unknown): Response {
  if (isNextControlFlow(error)) throw error;
  console.error(error);
  return withCorsHeaders(decision, new Response(null, { status: 500 }));
}

/**
 * Next.js signals `redirect()`, `notFound()` and dynamic-rendering bail-outs by throwing errors that
 * carry a string `digest` (`NEXT_REDIRECT;…`, `NEXT_HTTP_ERROR_FALLBACK;404`, `DYNAMIC_SERVER_USAGE`…).
 * Checked by shape: importing `unstable_rethrow` would tie the bundle to one `next/navigation` build.
 */
function isNextControlFlow(error: unknown): boolean {
  return typeof error === 'object' && error !== null && typeof (error as { digest?: unknown }).digest === 'string';
}

function write(decision: CorsDecision, headers: Headers): void {
  for (const [name, value] of decision.headers) headers.set(name, value);
  const vary = mergeVary(headers.get('vary'), decision.vary);
  if (vary !== undefined) headers.set('vary', vary);
}
