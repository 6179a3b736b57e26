import { toRuntimePolicy } from '@org/cors-core/runtime';
import { deciderFor } from './decider.js';
import { handleCors, type HandleCorsOptions } from './handle-cors.js';
import type { CorsPolicySource } from './load-policy.js';

/**
 * A fetch handler: `Bun.serve({ fetch })`, `Deno.serve(handler)`, a Cloudflare Worker's `fetch`
 * (`(request, env, ctx)`), `@hono/node-server`'s `serve({ fetch })`, a Next.js route handler.
 */
export type FetchHandler<Req extends Request = Request, Rest extends unknown[] = unknown[]> = (
  request: Req,
  ...rest: Rest
) => Response | Promise<Response>;

/**
 * Wraps a fetch handler with a CORS policy: preflights are answered before `handler` runs, every
 * other response gets the policy's headers (`Vary` appended to), and a throwing `handler` becomes a
 * 500 that keeps them (see {@link handleCors}). The handler's extra arguments are passed through.
 *
 * The policy loads now: raw policy input throws a `TypeError` here, an unknown environment a
 * `CorsPolicyError`.
 *
 * @example
 * import policy from './cors.policy.compiled.js';
 * export default { fetch: withCors(policy, (request, env, ctx) => app.fetch(request, env, ctx)) };
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/adapters/fetch.md
 */
export function withCors<Req extends Request, Rest extends unknown[]>(
  policy: CorsPolicySource,
  handler: FetchHandler<Req, Rest>,
  options: HandleCorsOptions = {},
): (request: Req, ...rest: Rest) => Promise<Response> {
  const runtime = toRuntimePolicy(policy, options.environment);
  const { rethrow, onDecision, onError, reportOnly, developerMode, environment } = options;
  // The environment is applied to `runtime` already; the candidate takes it too.
  const handling: HandleCorsOptions = { rethrow, onDecision, onError, developerMode, reportOnly: reportOnly === undefined ? undefined : toRuntimePolicy(reportOnly, environment) };
  if (onDecision !== undefined || reportOnly !== undefined || developerMode === true) deciderFor(runtime, handling); // refuse bad options now, not on the first request
  return (request, ...rest) => handleCors(runtime, request, () => handler(request, ...rest), handling);
}
