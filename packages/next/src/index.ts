/*
 * `@org/cors-next`: enforce a policy in a proxy, a middleware or route handlers. Decision events,
 * report-only and developer mode are in `@org/cors-next/observed` (same helpers), so a proxy bundle
 * that does not use them does not carry them.
 */
import { withCors as wrapHandler, type CorsOptions, type CorsPolicySource } from '@org/cors-fetch';
import { corsRouteUsing, type CorsRouteHandlers, type RouteHandlers } from './cors-route.js';
import { withCorsUsing, type ProxyFunction } from './with-cors.js';

export type { ProxyFunction } from './with-cors.js';
export type { CorsRouteHandlers, RouteHandler, RouteHandlers } from './cors-route.js';
export type { CorsOptions, CorsPolicySource, ObservedCorsOptions } from '@org/cors-fetch';

/**
 * Wraps a Next.js proxy (`proxy.ts`, Node runtime) or middleware (`middleware.ts`, Edge runtime)
 * with a CORS policy. Preflights are answered here, before routing; every other request goes to
 * `proxy` (or straight on, as `NextResponse.next()`), and whatever comes back gets the policy's
 * headers, with `Vary` appended to, never overwritten. If `proxy` throws, the answer is a 500 that
 * still carries the CORS headers (the error is logged).
 *
 * `policy` is a compiled policy (the module `cors-policy compile` writes, or compiled data) or one from
 * `definePolicy`. Raw policy input throws a `TypeError` here: the adapter never loads the validator.
 * Next.js evaluates `proxy.ts` on its first request, not during `next build`. `onDecision`,
 * `reportOnly` and `developerMode` throw a `TypeError`: they are options of `@org/cors-next/observed`.
 *
 * @example export const proxy = withCors(apiPolicy);
 * export const config = { matcher: '/api/:path*' };
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/adapters/next.md
 */
export function withCors<Req extends Request = Request, Event = unknown>(
  policy: CorsPolicySource,
  proxy?: ProxyFunction<Req, Event>,
  options: CorsOptions = {},
): (request: Req, event: Event) => Promise<Response> {
  return withCorsUsing(wrapHandler, policy, proxy, options);
}

/**
 * Wraps App Router route handlers with a CORS policy and supplies the `OPTIONS` export that
 * preflights need. Each handler's response gets the policy's headers (Vary appended to).
 *
 * `OPTIONS` answers preflights itself. An `OPTIONS` that is not a preflight goes to your own
 * `OPTIONS` handler if you pass one, else gets what Next.js would answer without CORS: `204` with
 * an `Allow` header listing the route's methods. A handler that throws is answered with a 500 that
 * still carries the CORS headers (the error is logged); `redirect()` and `notFound()` work as usual.
 *
 * `policy` is a compiled policy (the module `cors-policy compile` writes, or compiled data) or one from
 * `definePolicy`. Raw policy input throws a `TypeError` when the module is evaluated, which
 * `next build` does while collecting page data: the build fails.
 *
 * @example export const { GET, PUT, OPTIONS } = corsRoute(apiPolicy, { GET: listItems, PUT: saveItem });
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/adapters/next.md
 */
export function corsRoute<H extends RouteHandlers>(policy: CorsPolicySource, handlers: H, options: CorsOptions = {}): CorsRouteHandlers<H> {
  return corsRouteUsing(wrapHandler, policy, handlers, options);
}
