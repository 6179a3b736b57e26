/*
 * `@org/cors-next/observed`: the helpers of `@org/cors-next`, plus the options every adapter takes to
 * watch its decisions — `onDecision` events, a `reportOnly` candidate policy, `developerMode`.
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/decision-events.md
 */
import type { CorsPolicySource } from '@org/cors-fetch';
import { withCors as wrapHandler, type ObservedCorsOptions } from '@org/cors-fetch/observed';
import { corsRouteUsing, type CorsRouteHandlers, type RouteHandlers } from './cors-route.js';
import { withCorsUsing, type ProxyFunction } from './with-cors.js';

export type { ProxyFunction } from './with-cors.js';
export type { CorsRouteHandlers, RouteHandler, RouteHandlers } from './cors-route.js';
export type { CorsPolicySource, ObservedCorsOptions } from '@org/cors-fetch';

/**
 * `withCors` of `@org/cors-next`, with decision events, report-only and developer mode. Bad options
 * (developer mode under `NODE_ENV=production`, `reportOnly` without `onDecision`) throw here, when the
 * module is evaluated.
 *
 * @example export const proxy = withCors(apiPolicy, undefined, { onDecision: decisionLogger(console) });
 */
export function withCors<Req extends Request = Request, Event = unknown>(
  policy: CorsPolicySource,
  proxy?: ProxyFunction<Req, Event>,
  options: ObservedCorsOptions = {},
): (request: Req, event: Event) => Promise<Response> {
  return withCorsUsing(wrapHandler, policy, proxy, options);
}

/**
 * `corsRoute` of `@org/cors-next`, with decision events, report-only and developer mode; bad options
 * throw here.
 *
 * @example export const { GET, OPTIONS } = corsRoute(apiPolicy, { GET: list }, { reportOnly: candidate, onDecision });
 */
export function corsRoute<H extends RouteHandlers>(policy: CorsPolicySource, handlers: H, options: ObservedCorsOptions = {}): CorsRouteHandlers<H> {
  return corsRouteUsing(wrapHandler, policy, handlers, options);
}
