import { preflightResponse, toRuntimePolicy, webRequestFacts, withCorsHeaders, writeWebDecision } from '@org/cors-core/runtime';
import type { Deciding } from './deciding.js';
import type { CorsPolicySource } from './load-policy.js';
import type { ObservedCorsOptions } from './options.js';

/*
 * Hono middleware, typed structurally so this package never imports `hono`. Hono's `c.res` setter
 * copies the response it is given and then sets every header of the previous `c.res` on the copy —
 * including a `Vary` that would replace ours — so the decision is always written last, onto the
 * response `c.res` finally holds.
 */

/** The part of Hono's `Context` the middleware uses. */
export interface HonoContextLike {
  readonly req: { readonly raw: Request };
  /** Hono's getter always returns a response; its setter also takes `undefined` (drop the current one). */
  res: Response | undefined;
}

/** Hono's middleware signature, structurally: `app.use('*', cors(policy))` type-checks against it. */
export type HonoMiddleware = (c: HonoContextLike, next: () => Promise<void>) => Promise<Response | void>;

/** Hono's `cors` of either entry: the policy loads and the options are checked now. */
export function corsWith(deciding: Deciding, policy: CorsPolicySource, options: ObservedCorsOptions): HonoMiddleware {
  const runtime = toRuntimePolicy(policy, options.environment);
  deciding.check(runtime, options);
  const prepare = deciding.preparer(runtime, options);
  return async (c, next) => {
    const facts = webRequestFacts(c.req.raw);
    const pending = prepare?.(facts.origin, facts.path);
    if (pending !== undefined) await pending;
    const decision = deciding.decide(runtime, options, facts);
    if (decision.end) {
      // Reading `c.res` makes Hono gather what outer middleware set with `c.header()` into a response;
      // the setter copies those headers onto the answer, and the decision is written over them.
      void c.res;
      c.res = preflightResponse(decision);
      const answer = c.res as Response;
      writeWebDecision(answer.headers, decision);
      return answer;
    }
    await next();
    const response = c.res as Response;
    const written = withCorsHeaders(response, decision);
    if (written === response) return;
    // A copy (the handler returned immutable headers, e.g. a `fetch()` result): drop the original
    // first, or the setter would copy its old `Vary` over the merged one.
    c.res = undefined;
    c.res = written;
  };
}
