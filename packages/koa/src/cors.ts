import { mergeVary, requestFacts, resolveCors, toPolicy, type CorsDecision, type CorsPolicy, type PolicyInput } from '@org/cors-core';
import type { Middleware } from 'koa';

/** Options of {@link cors}. */
export interface CorsOptions {
  /** Environment overlay to load (e.g. `'development'`); unknown names fail at boot. Default: the base policy. */
  readonly environment?: string | undefined;
}

/**
 * Koa middleware enforcing a CORS policy. The policy (or policy input) is loaded here, so a bad
 * policy throws `CorsPolicyError`, listing every issue, when the app boots rather than on a request.
 *
 * Per request it resolves the decision with `@org/cors-core`, sets its headers, appends its `Vary`
 * tokens, answers preflights itself (204 / the policy's refusal status) and awaits `next()` for
 * everything else. Koa's error handler clears response headers, so when a downstream middleware
 * throws, the CORS headers and `Vary` are carried on `err.headers`, which Koa re-applies.
 *
 * @example
 * import { cors } from '@org/cors-koa';
 * app.use(cors(apiPolicy));
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/adapters/koa.md (install, usage, migrating from `@koa/cors`)
 */
export function cors(policyOrInput: CorsPolicy | PolicyInput, options: CorsOptions = {}): Middleware {
  const policy = toPolicy(policyOrInput, options);
  return async function corsMiddleware(ctx, next) {
    const decision = resolveCors(policy, requestFacts(ctx.method, ctx.originalUrl, (name) => ctx.req.headers[name]));
    for (const [name, value] of decision.headers) ctx.set(name, value);
    const vary = mergeVary(ctx.response.get('Vary'), decision.vary);
    if (vary !== undefined) ctx.set('Vary', vary);
    if (decision.end) {
      ctx.body = null; // an explicitly empty body (before the status: a null body on 200 would become 204)
      ctx.status = decision.status;
      return;
    }
    try {
      await next();
    } catch (error) {
      throw carryHeaders(error, decision);
    }
  };
}

/** Puts the decision's headers on `err.headers`, the headers Koa's `ctx.onerror` sets on the error response. */
function carryHeaders(error: unknown, decision: CorsDecision): unknown {
  if (typeof error !== 'object' || error === null || Object.isFrozen(error)) return error;
  const carrier = error as { headers?: Record<string, string | string[]> };
  const headers = { ...carrier.headers };
  for (const [name, value] of decision.headers) headers[name] = value;
  const varyKey = Object.keys(headers).find((name) => name.toLowerCase() === 'vary') ?? 'Vary';
  const vary = mergeVary(headers[varyKey], decision.vary);
  if (vary !== undefined) headers[varyKey] = vary;
  carrier.headers = headers;
  return error;
}
