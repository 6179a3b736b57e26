import { toPolicy, type CorsPolicy, type PolicyInput } from '@org/cors-core';
import { decide, preflightResponse, withCorsHeaders } from './cors-response.js';

/** An App Router route handler, e.g. `GET(request, { params })`. */
export type RouteHandler<Req extends Request = any, Context = any> = (
  request: Req,
  context: Context,
) => Response | Promise<Response>;

/** The handlers a `route.ts` exports, keyed by HTTP method. */
export type RouteHandlers = Partial<Record<'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS', RouteHandler>>;

/**
 * Wraps App Router route handlers with a CORS policy and supplies the `OPTIONS` export that
 * preflights need. Each handler's response gets the policy's headers (Vary appended to).
 *
 * `OPTIONS` answers preflights itself. An `OPTIONS` that is not a preflight goes to your own
 * `OPTIONS` handler if you pass one, else gets what Next.js would answer without CORS: `204` with
 * an `Allow` header listing the route's methods.
 *
 * @example export const { GET, PUT, OPTIONS } = corsRoute(apiPolicy, { GET: listItems, PUT: saveItem });
 * @see https://github.com/org/cors-policy/blob/main/docs/adapters/next.md
 */
export function corsRoute<H extends RouteHandlers>(
  policy: CorsPolicy | PolicyInput,
  handlers: H,
  options: { environment?: string | undefined } = {},
): Omit<H, 'OPTIONS'> & { OPTIONS: RouteHandler<Request, unknown> } {
  const loaded = toPolicy(policy, options);
  const wrapped: Record<string, RouteHandler> = {};
  for (const [method, handler] of Object.entries(handlers) as [string, RouteHandler][]) {
    wrapped[method] = async (request, context) => withCorsHeaders(decide(loaded, request), await handler(request, context));
  }
  const allow = ['OPTIONS', ...Object.keys(handlers), ...('GET' in handlers && !('HEAD' in handlers) ? ['HEAD'] : [])];
  const allowHeader = [...new Set(allow)].sort().join(', ');
  wrapped['OPTIONS'] = async (request, context) => {
    const decision = decide(loaded, request);
    if (decision.end) return preflightResponse(decision);
    const own = handlers.OPTIONS;
    const response = own ? await own(request, context) : new Response(null, { status: 204, headers: { allow: allowHeader } });
    return withCorsHeaders(decision, response);
  };
  return wrapped as unknown as Omit<H, 'OPTIONS'> & { OPTIONS: RouteHandler<Request, unknown> };
}
