import {
  CONTINUE, loadPolicyInNode, observedNodeCorsHandler, originPreparer, type CorsEventOptions, type CorsPolicySource,
} from '@org/cors-core/node';
import type { RequestHandler } from 'express';

/**
 * Options of {@link cors}: the environment, and the decision events, report-only candidate (a loaded
 * policy, compiled data or raw input validated at boot) and developer mode every adapter takes.
 */
export interface CorsOptions extends CorsEventOptions<CorsPolicySource> {
  /** Environment overlay to enforce (e.g. `'development'`); unknown names fail at boot. Default: the policy's own. */
  readonly environment?: string | undefined;
}

/**
 * Express middleware enforcing a CORS policy: one from `definePolicy`, compiled data (`compilePolicy()`,
 * `cors-policy compile`, `loadCompiledPolicy()`) — which never loads the validator — or raw policy
 * input, validated here so a bad policy throws `CorsPolicyError`, listing every issue, at boot.
 *
 * Per request core's fused Node path decides and writes the answer (keeping `Origin` in
 * `Vary` even when a later `res.set('Vary', …)` replaces it), answers preflights itself (204 / the
 * policy's refusal status) and hands everything else to `next()`. Mount it before your routes; route
 * rules match `req.originalUrl`, so it also works inside a mounted router. With `onDecision`,
 * `reportOnly` or `developerMode` set it takes core's general path instead.
 *
 * A policy with origin sources is passed bound (`bindOriginSources(policy, providers)`); an unbound
 * one throws `CorsPolicyError` here. A request whose origin a lookup source must be asked about waits
 * for it (at most the source's `timeoutMs`); every other request is answered at once.
 *
 * @example
 * import { cors } from '@org/cors-express';
 * app.use(cors(apiPolicy));
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/adapters/express.md (install, usage, migrating from `cors`)
 */
export function cors(policy: CorsPolicySource, options: CorsOptions = {}): RequestHandler {
  const { environment, onDecision, onError, reportOnly, developerMode } = options;
  const enforced = loadPolicyInNode(policy, environment);
  const candidate = reportOnly === undefined ? undefined : loadPolicyInNode(reportOnly, environment);
  const prepare = originPreparer(enforced, candidate);
  const handle = observedNodeCorsHandler(enforced, { onDecision, onError, developerMode, env: process.env, reportOnly: candidate });
  const answer: RequestHandler = (req, res, next) => {
    const status = handle(req.method, req.originalUrl, req.headers, res);
    if (status === CONTINUE) return next();
    res.status(status).end();
  };
  if (prepare === undefined) return answer;
  return function corsMiddleware(req, res, next) {
    const pending = prepare(req.headers.origin, req.originalUrl);
    if (pending === undefined) return answer(req, res, next);
    // Express 5 passes a rejection of the returned promise to next(err); the lookup itself never rejects.
    return pending.then(() => answer(req, res, next));
  };
}
