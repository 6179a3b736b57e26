import { toPolicy, type CorsPolicy, type PolicyInput } from '@org/cors-core';
import { NextResponse } from 'next/server.js';
import { handleCors } from './handle-cors.js';

/** A proxy (or middleware) function: whatever `proxy.ts`/`middleware.ts` may export. */
export type ProxyFunction<Req extends Request = Request, Event = unknown> = (
  request: Req,
  event: Event,
) => Response | null | undefined | void | Promise<Response | null | undefined | void>;

/**
 * Wraps a Next.js proxy (`proxy.ts`, Node runtime) or middleware (`middleware.ts`, Edge runtime)
 * with a CORS policy. Preflights are answered here, before routing; every other request goes to
 * `proxy` (or straight on, as `NextResponse.next()`), and whatever comes back gets the policy's
 * headers, with `Vary` appended to, never overwritten. If `proxy` throws, the answer is a 500 that
 * still carries the CORS headers (the error is logged).
 *
 * The policy loads now: a bad policy input throws a `CorsPolicyError` listing every issue when the
 * module is evaluated. Next.js evaluates `proxy.ts` on its first request, not during `next build`,
 * so load the policy in a module a route handler also imports (route modules are evaluated by the
 * build) or check it in CI.
 *
 * @example export const proxy = withCors(apiPolicy);
 * export const config = { matcher: '/api/:path*' };
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/adapters/next.md
 */
export function withCors<Req extends Request = Request, Event = unknown>(
  policy: CorsPolicy | PolicyInput,
  proxy?: ProxyFunction<Req, Event>,
  options: { environment?: string | undefined } = {},
): (request: Req, event: Event) => Promise<Response> {
  const loaded = toPolicy(policy, options);
  // `||`: a proxy may return nothing (undefined, null or void) to mean "continue".
  return (request, event) => handleCors(loaded, request, async () => (await proxy?.(request, event)) || NextResponse.next());
}
