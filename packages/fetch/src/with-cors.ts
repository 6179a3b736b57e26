import { toRuntimePolicy } from '@org/cors-core/runtime';
import type { Deciding } from './deciding.js';
import { handleCorsWith } from './handle-cors.js';
import type { CorsPolicySource } from './load-policy.js';
import type { ObservedHandleCorsOptions } from './options.js';

/**
 * A fetch handler: `Bun.serve({ fetch })`, `Deno.serve(handler)`, a Cloudflare Worker's `fetch`
 * (`(request, env, ctx)`), `@hono/node-server`'s `serve({ fetch })`, a Next.js route handler.
 */
export type FetchHandler<Req extends Request = Request, Rest extends unknown[] = unknown[]> = (
  request: Req,
  ...rest: Rest
) => Response | Promise<Response>;

/** `withCors` of either entry: the policy loads and the options are checked now, not on the first request. */
export function withCorsWith<Req extends Request, Rest extends unknown[]>(
  deciding: Deciding,
  policy: CorsPolicySource,
  handler: FetchHandler<Req, Rest>,
  options: ObservedHandleCorsOptions,
): (request: Req, ...rest: Rest) => Promise<Response> {
  const runtime = toRuntimePolicy(policy, options.environment);
  deciding.check(runtime, options);
  return (request, ...rest) => handleCorsWith(deciding, runtime, request, () => handler(request, ...rest), options);
}
