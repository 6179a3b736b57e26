import type { CorsDecision, PreflightAllowedDecision, PreflightRefusedDecision } from './decision.js';
import { requestFacts, type RequestFacts } from './request-facts.js';
import { mergeVary } from './vary.js';

/*
 * The one writer for Web `Headers` (Fetch-standard hosts: Next.js proxy, middleware and route
 * handlers, Hono, Bun, Deno, Workers).
 */

/** The facts of a Web `Request` (repeated header lines come joined by `Headers#get`). */
export function webRequestFacts(request: Request): RequestFacts {
  return requestFacts(request.method, request.url, (name) => request.headers.get(name));
}

/** Sets the decision's headers and appends its `Vary` tokens to those already in `headers`. */
export function writeWebDecision(headers: Headers, decision: CorsDecision): void {
  const pairs = decision.headers;
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i] as readonly [string, string];
    headers.set(pair[0], pair[1]);
  }
  if (decision.vary.length === 0) return;
  const vary = mergeVary(headers.get('vary'), decision.vary);
  if (vary !== undefined) headers.set('Vary', vary);
}

/** The answer to a preflight the CORS layer ends itself (allowed: 204 + headers; refused: 403, no CORS headers). */
export function preflightResponse(decision: PreflightAllowedDecision | PreflightRefusedDecision): Response {
  const headers = new Headers();
  writeWebDecision(headers, decision);
  return new Response(null, { status: decision.status, headers });
}

/** Writes the decision onto the app's response; one with immutable headers (`fetch()` results, `Response.redirect()`) is copied first. */
export function withCorsHeaders(response: Response, decision: CorsDecision): Response {
  if (decision.headers.length === 0 && decision.vary.length === 0) return response;
  try {
    writeWebDecision(response.headers, decision);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    writeWebDecision(copy.headers, decision);
    return copy;
  }
}
