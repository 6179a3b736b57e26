import { handleCors, type CorsOptions, type CorsPolicySource } from '@org/cors-fetch';
import { toRuntimePolicy } from '@org/cors-core/runtime';
import { NextResponse } from 'next/server.js';
import { nextHandling } from './next-control-flow.js';

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
 * `policy` is a compiled policy (the module `cors-policy compile` writes, or compiled data) or one from
 * `definePolicy`. Raw policy input throws a `TypeError` here: the adapter never loads the validator.
 * Next.js evaluates `proxy.ts` on its first request, not during `next build`.
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
  const runtime = toRuntimePolicy(policy, options.environment);
  const handling = nextHandling(options);
  // `||`: a proxy may return nothing (undefined, null or void) to mean "continue".
  return (request, event) =>
    handleCors(runtime, request, async () => (await proxy?.(request, event)) || NextResponse.next(), handling);
}
