import { mergeVary, requestFacts, resolveCors, toPolicy, type CorsPolicy, type PolicyInput } from '@org/cors-core';
import type { RequestHandler } from 'express';

/** Options of {@link cors}. */
export interface CorsOptions {
  /** Environment overlay to load (e.g. `'development'`); unknown names fail at boot. Default: the base policy. */
  readonly environment?: string | undefined;
}

/**
 * Express middleware enforcing a CORS policy. The policy (or policy input) is loaded here, so a bad
 * policy throws `CorsPolicyError`, listing every issue, when the app boots rather than on a request.
 *
 * Per request it resolves the decision with `@org/cors-core`, sets its headers, appends its `Vary`
 * tokens to any the app set, answers preflights itself (204 / the policy's refusal status) and hands
 * everything else to `next()`. Mount it before your routes; route rules match `req.originalUrl`, so it
 * also works inside a mounted router.
 *
 * @example
 * import { cors } from '@org/cors-express';
 * app.use(cors(apiPolicy));
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/adapters/express.md (install, usage, migrating from `cors`)
 */
export function cors(policyOrInput: CorsPolicy | PolicyInput, options: CorsOptions = {}): RequestHandler {
  const policy = toPolicy(policyOrInput, options);
  return function corsMiddleware(req, res, next) {
    const decision = resolveCors(policy, requestFacts(req.method, req.originalUrl, (name) => req.headers[name]));
    for (const [name, value] of decision.headers) res.setHeader(name, value);
    const vary = mergeVary(res.getHeader('Vary'), decision.vary);
    if (vary !== undefined) res.setHeader('Vary', vary);
    if (decision.end) {
      res.status(decision.status).end();
      return;
    }
    next();
  };
}
