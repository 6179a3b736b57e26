import type { CorsOptions, CorsPolicySource, HandleCorsOptions } from '@org/cors-fetch';
import { NextResponse } from 'next/server.js';
import { isNextControlFlow } from './next-control-flow.js';
import type { WrapHandler } from './wrap-handler.js';

/** A proxy (or middleware) function: whatever `proxy.ts`/`middleware.ts` may export. */
export type ProxyFunction<Req extends Request = Request, Event = unknown> = (
  request: Req,
  event: Event,
) => Response | null | undefined | void | Promise<Response | null | undefined | void>;

/** `withCors` of either entry (`wrap`: the matching `@org/cors-fetch` entry's `withCors`). */
export function withCorsUsing<O extends CorsOptions, Req extends Request, Event>(
  wrap: WrapHandler<O & HandleCorsOptions>,
  policy: CorsPolicySource,
  proxy: ProxyFunction<Req, Event> | undefined,
  options: O,
): (request: Req, event: Event) => Promise<Response> {
  // `||`: a proxy may return nothing (undefined, null or void) to mean "continue".
  return wrap(policy, async (request: Req, event: Event) => (await proxy?.(request, event)) || NextResponse.next(), { ...options, rethrow: isNextControlFlow });
}
