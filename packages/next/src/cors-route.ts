import { handleCors, type CorsOptions, type CorsPolicySource } from '@org/cors-fetch';
import { toRuntimePolicy } from '@org/cors-core/runtime';
import { nextHandling } from './next-control-flow.js';

/** An App Router route handler, e.g. `GET(request, { params })`. */
export type RouteHandler<Req extends Request = any, Context = any> = (
  request: Req,
  context: Context,
) => Response | Promise<Response>;

/** The handlers a `route.ts` exports, keyed by HTTP method. */
export type RouteHandlers = Partial<Record<'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS', RouteHandler>>;

/** A handler after wrapping: same parameters, always async. */
type Wrapped<F> = F extends (request: infer Req, context: infer Context) => unknown
  ? (request: Req, context: Context) => Promise<Response>
  : never;

/** What {@link corsRoute} returns: your handlers wrapped, plus the `OPTIONS` export. */
export type CorsRouteHandlers<H extends RouteHandlers> = { [M in Exclude<keyof H, 'OPTIONS'>]: Wrapped<H[M]> } & {
  OPTIONS: (request: Request, context: unknown) => Promise<Response>;
};

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
export function corsRoute<H extends RouteHandlers>(
  policy: CorsPolicySource,
  handlers: H,
  options: CorsOptions = {},
): CorsRouteHandlers<H> {
  const runtime = toRuntimePolicy(policy, options.environment);
  const handling = nextHandling(options);
  const wrapped: Record<string, RouteHandler> = {};
  const allow = ['OPTIONS', ...Object.keys(handlers), ...('GET' in handlers && !('HEAD' in handlers) ? ['HEAD'] : [])];
  const allowHeader = [...new Set(allow)].sort().join(', ');
  // Without a user OPTIONS handler, a non-preflight OPTIONS gets what Next.js itself would answer.
  const optionsHandler: RouteHandler = handlers.OPTIONS ?? (() => new Response(null, { status: 204, headers: { allow: allowHeader } }));
  for (const [method, handler] of Object.entries({ ...handlers, OPTIONS: optionsHandler }) as [string, RouteHandler][]) {
    wrapped[method] = (request, context) => handleCors(runtime, request, () => handler(request, context), handling);
  }
  return wrapped as CorsRouteHandlers<H>;
}
