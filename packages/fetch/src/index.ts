/*
 * `@org/cors-fetch`: enforce a policy on Web `Request`/`Response` hosts. Decision events, report-only
 * and developer mode are in `@org/cors-fetch/observed` (same helpers), so this entry stays small.
 */
import { ENFORCE_ONLY, refuseObserving } from './deciding.js';
import { corsWith, type HonoMiddleware } from './cors.js';
import { handleCorsWith } from './handle-cors.js';
import type { CorsPolicySource } from './load-policy.js';
import type { CorsOptions, HandleCorsOptions } from './options.js';
import { withCorsWith, type FetchHandler } from './with-cors.js';

export type { CorsOptions, HandleCorsOptions, ObservedCorsOptions, ObservedHandleCorsOptions } from './options.js';
export type { FetchHandler } from './with-cors.js';
export type { HonoContextLike, HonoMiddleware } from './cors.js';
export type { CorsPolicySource } from './load-policy.js';

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
 * and remembered, so passing the same object on every request costs a lookup. `onDecision`,
 * `reportOnly` and `developerMode` throw a `TypeError`: they are options of `@org/cors-fetch/observed`.
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
  refuseObserving(options);
  return handleCorsWith(ENFORCE_ONLY, policy, request, next, options);
}

/**
 * Wraps a fetch handler with a CORS policy: preflights are answered before `handler` runs, every
 * other response gets the policy's headers (`Vary` appended to), and a throwing `handler` becomes a
 * 500 that keeps them (see {@link handleCors}). The handler's extra arguments are passed through.
 *
 * The policy loads now: raw policy input throws a `TypeError` here, an unknown environment a
 * `CorsPolicyError`.
 *
 * @example
 * import policy from './cors.policy.compiled.js';
 * export default { fetch: withCors(policy, (request, env, ctx) => app.fetch(request, env, ctx)) };
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/adapters/fetch.md
 */
export function withCors<Req extends Request, Rest extends unknown[]>(
  policy: CorsPolicySource,
  handler: FetchHandler<Req, Rest>,
  options: HandleCorsOptions = {},
): (request: Req, ...rest: Rest) => Promise<Response> {
  return withCorsWith(ENFORCE_ONLY, policy, handler, options);
}

/**
 * CORS for Hono (on any runtime): `app.use('*', cors(policy))`, registered before your routes and
 * other middleware. Preflights are answered here, before routing (routes need no `OPTIONS`); every
 * other response — your handler's, Hono's 404 and the response of `app.onError` — gets the policy's
 * headers after `await next()`, with `Vary` appended to, never overwritten.
 *
 * The policy loads now: raw policy input throws a `TypeError` here, an unknown environment a
 * `CorsPolicyError`.
 *
 * @example
 * const app = new Hono();
 * app.use('*', cors(apiPolicy));
 * app.get('/api/items', (c) => c.json(items));
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/adapters/fetch.md
 */
export function cors(policy: CorsPolicySource, options: CorsOptions = {}): HonoMiddleware {
  return corsWith(ENFORCE_ONLY, policy, options);
}
