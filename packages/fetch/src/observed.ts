/*
 * `@org/cors-fetch/observed`: the helpers of `@org/cors-fetch`, plus the options every adapter takes
 * to watch its decisions — `onDecision` events, a `reportOnly` candidate policy, `developerMode`.
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/decision-events.md
 */
import { corsWith, type HonoMiddleware } from './cors.js';
import { OBSERVED } from './decider.js';
import { handleCorsWith } from './handle-cors.js';
import type { CorsPolicySource } from './load-policy.js';
import type { ObservedCorsOptions, ObservedHandleCorsOptions } from './options.js';
import { withCorsWith, type FetchHandler } from './with-cors.js';

export type { ObservedCorsOptions, ObservedHandleCorsOptions } from './options.js';
export type { FetchHandler } from './with-cors.js';
export type { HonoContextLike, HonoMiddleware } from './cors.js';
export type { CorsPolicySource } from './load-policy.js';

/**
 * `handleCors` of `@org/cors-fetch`, with decision events, report-only and developer mode. Bad
 * options (developer mode under `NODE_ENV=production`, `reportOnly` without `onDecision`) throw on the
 * first call.
 *
 * @example
 * const response = await handleCors(policy, request, () => router.handle(request), { onDecision: decisionLogger(log) });
 */
export function handleCors(
  policy: CorsPolicySource,
  request: Request,
  next: () => Response | Promise<Response>,
  options: ObservedHandleCorsOptions = {},
): Promise<Response> {
  return handleCorsWith(OBSERVED, policy, request, next, options);
}

/**
 * `withCors` of `@org/cors-fetch`, with decision events, report-only and developer mode; bad options
 * throw here.
 *
 * @example
 * export default { fetch: withCors(policy, app.fetch, { reportOnly: candidate, onDecision: decisionLogger(log) }) };
 */
export function withCors<Req extends Request, Rest extends unknown[]>(
  policy: CorsPolicySource,
  handler: FetchHandler<Req, Rest>,
  options: ObservedHandleCorsOptions = {},
): (request: Req, ...rest: Rest) => Promise<Response> {
  return withCorsWith(OBSERVED, policy, handler, options);
}

/**
 * Hono's `cors` of `@org/cors-fetch`, with decision events, report-only and developer mode; bad
 * options throw here.
 *
 * @example app.use('*', cors(apiPolicy, { onDecision: (e) => refusals.inc({ reason: e.reason }) }));
 */
export function cors(policy: CorsPolicySource, options: ObservedCorsOptions = {}): HonoMiddleware {
  return corsWith(OBSERVED, policy, options);
}
