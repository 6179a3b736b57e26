import { preflightResponse, webRequestFacts, withCorsHeaders, type CorsEventOptions } from '@org/cors-core/runtime';
import { decide } from './decider.js';
import { loadPolicy, type CorsPolicySource } from './load-policy.js';

/**
 * Options shared by every helper of this package: the environment, and the decision events,
 * report-only candidate (a loaded policy or compiled data) and developer mode every adapter takes.
 * `developerMode` is refused when `globalThis.process.env.NODE_ENV` is `production`.
 */
export interface CorsOptions extends CorsEventOptions<CorsPolicySource> {
  /** The environment overlay to enforce (e.g. `'staging'`); default: the policy's own. */
  readonly environment?: string | undefined;
}

/** Options of {@link handleCors} and {@link withCors}. */
export interface HandleCorsOptions extends CorsOptions {
  /**
   * Called with an error the handler threw: `true` rethrows it untouched (for a host's own control
   * flow, e.g. Next.js's `redirect()`); otherwise the answer is a 500 carrying the CORS headers.
   */
  readonly rethrow?: ((error: unknown) => boolean) | undefined;
}

/**
 * The whole per-request flow on Web `Request`/`Response`: resolve the policy's decision for
 * `request`; end a preflight here (allowed: 204 with CORS headers; refused: 403 without); otherwise
 * await `next()` and write the decision onto its response, appending to its `Vary` (a response with
 * immutable headers, such as a `fetch()` result, is copied first).
 *
 * If `next` throws, the answer is a bare 500 that still carries the CORS headers, so the calling page
 * sees the failure instead of a misleading CORS error; the error is logged with `console.error`
 * unless `options.rethrow(error)` asks for it to be rethrown.
 *
 * Raw policy input throws a `TypeError` (see {@link CorsPolicySource}); compiled data is loaded once
 * and remembered, so passing the same object on every request costs a lookup.
 *
 * @example
 * const response = await handleCors(policy, request, () => router.handle(request));
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/adapters/fetch.md
 */
export async function handleCors(
  policy: CorsPolicySource,
  request: Request,
  next: () => Response | Promise<Response>,
  options: HandleCorsOptions = {},
): Promise<Response> {
  const decision = decide(loadPolicy(policy, options.environment), options, webRequestFacts(request));
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
