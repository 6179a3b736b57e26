import type { CorsOptions, CorsPolicySource, HandleCorsOptions } from '@org/cors-fetch';
import { toRuntimePolicy } from '@org/cors-core/runtime';
import { isNextControlFlow } from './next-control-flow.js';
import type { WrapHandler } from './wrap-handler.js';

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

/** `corsRoute` of either entry (`wrap`: the matching `@org/cors-fetch` entry's `withCors`). */
export function corsRouteUsing<O extends CorsOptions, H extends RouteHandlers>(
  wrap: WrapHandler<O & HandleCorsOptions>,
  policy: CorsPolicySource,
  handlers: H,
  options: O,
): CorsRouteHandlers<H> {
  const runtime = toRuntimePolicy(policy, options.environment);
  // One options object for every method: the observed entry builds one decider for the route.
  const handling = { ...options, rethrow: isNextControlFlow };
  const wrapped: Record<string, RouteHandler> = {};
  const allow = ['OPTIONS', ...Object.keys(handlers), ...('GET' in handlers && !('HEAD' in handlers) ? ['HEAD'] : [])];
  const allowHeader = [...new Set(allow)].sort().join(', ');
  // Without a user OPTIONS handler, a non-preflight OPTIONS gets what Next.js itself would answer.
  const optionsHandler: RouteHandler = handlers.OPTIONS ?? (() => new Response(null, { status: 204, headers: { allow: allowHeader } }));
  for (const [method, handler] of Object.entries({ ...handlers, OPTIONS: optionsHandler }) as [string, RouteHandler][]) {
    wrapped[method] = wrap(runtime, handler, handling);
  }
  return wrapped as CorsRouteHandlers<H>;
}
