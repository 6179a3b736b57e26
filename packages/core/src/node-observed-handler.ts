import { corsDecider, isObserving, type CorsObservationOptions } from './cors-decider.js';
import { CONTINUE, nodeCorsHandler, type NodeCorsHandler } from './node-hot-path.js';
import { writeNodeDecision } from './node-writer.js';
import { requestFacts } from './request-facts.js';
import type { RuntimeCorsPolicy } from './runtime-policy.js';

/**
 * {@link nodeCorsHandler} with decision events, report-only or developer mode. With none of them set it
 * *is* `nodeCorsHandler(policy)`, the fused path, so they cost nothing when off; with one set it takes
 * the general path (facts, `resolveCors` and the options, core's Node writer). Throws
 * `DeveloperModeError` for developer mode while `NODE_ENV` is `production`.
 *
 * @example
 * const handle = observedNodeCorsHandler(policy, { onDecision: decisionLogger(logger) });
 * app.use((req, res, next) => {
 *   const status = handle(req.method, req.originalUrl, req.headers, res);
 *   if (status === CONTINUE) next(); else res.status(status).end();
 * });
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/decision-events.md
 */
export function observedNodeCorsHandler(policy: RuntimeCorsPolicy, options: CorsObservationOptions = {}): NodeCorsHandler {
  if (!isObserving(options)) return nodeCorsHandler(policy);
  const decide = corsDecider(policy, options);
  return (method, url, headers, res) => {
    const decision = decide(requestFacts(method, url, (name) => headers[name]));
    writeNodeDecision(res, decision);
    return decision.end ? decision.status : CONTINUE;
  };
}
