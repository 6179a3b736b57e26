import { preflightResponse, toRuntimePolicy, webRequestFacts, withCorsHeaders, writeWebDecision } from '@org/cors-core/runtime';
import { deciderFor } from './decider.js';
import type { CorsOptions } from './handle-cors.js';
import type { CorsPolicySource } from './load-policy.js';

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

/**
 * CORS for Hono (on any runtime): `app.use('*', cors(policy))`, registered before your routes and
 * other middleware. Preflights are answered here, before routing (routes need no `OPTIONS`); every
 * other response — your handler's, Hono's 404 and the response of `app.onError` — gets the policy's
 * headers after `await next()`, with `Vary` appended to, never overwritten.
 *
 * The policy loads now: raw policy input throws a `TypeError` here, an unknown environment a
 * `CorsPolicyError`.
 *
 * @example
 * const app = new Hono();
 * app.use('*', cors(apiPolicy));
 * app.get('/api/items', (c) => c.json(items));
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/adapters/fetch.md
 */
export function cors(policy: CorsPolicySource, options: CorsOptions = {}): HonoMiddleware {
  const decide = deciderFor(toRuntimePolicy(policy, options.environment), options);
  return async (c, next) => {
    const decision = decide(webRequestFacts(c.req.raw));
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
