import { compiledOf, type CompiledPolicy, type CompiledScope, type SourceScope } from './compiled-policy.js';
import { checkedObservation, isObserving, observingDecider, type CorsObservationOptions } from './cors-decider.js';
import { DecisionReason, type CorsDecision } from './decision.js';
import { eventRecord, type CorsDecisionEvent } from './decision-events.js';
import { CONTINUE, nodeCorsHandler, writeActualAnswer, type NodeCorsHandler, type NodeRequestHeaders } from './node-hot-path.js';
import { writeNodeDecision, type NodeResponseLike } from './node-writer.js';
import { reportOnlyEvent } from './report-only.js';
import { requestFacts, requestPath } from './request-facts.js';
import { actualDecision, isDecision, precomputedActual, scopeFor } from './resolve.js';
import type { RuntimeCorsPolicy } from './runtime-policy.js';

/** What {@link precomputedActual} answers: a precomputed decision, or the scope whose rules allow the origin. */
type ActualAnswer = CorsDecision | CompiledScope;

/**
 * {@link nodeCorsHandler} with decision events, report-only or developer mode. With none of them set it
 * *is* `nodeCorsHandler(policy)`, so they cost nothing when off. With events or report-only on, actual
 * requests stay on a fused path too (precomputed answers, no facts, no decision built unless the
 * candidate answers differently); preflights, and developer mode, take the general path (facts,
 * `resolveCors` and the options, core's Node writer). Both write and report exactly alike (a property
 * test holds them equal). Throws `DeveloperModeError` for developer mode while `NODE_ENV` is `production`.
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
  const observation = checkedObservation(options);
  const decide = observingDecider(policy, observation);
  const general: NodeCorsHandler = (method, url, headers, res) => {
    const decision = decide(requestFacts(method, url, (name) => headers[name]));
    writeNodeDecision(res, decision);
    return decision.end ? decision.status : CONTINUE;
  };
  const { emit, reportOnly } = observation;
  // Without onDecision only developer mode can be on (report-only needs a hook): `emit === undefined` is that case again.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: see above; `true` only routes everything to the general path, which writes the same.
  if (observation.developerMode || emit === undefined) return general;
  const plain = nodeCorsHandler(policy);
  const compiled = compiledOf(policy);
  const candidate = reportOnly === undefined ? undefined : compiledOf(reportOnly);
  const candidateScope = candidate === undefined ? undefined : candidateScoper(compiled, candidate);
  return (method, url, headers, res) => {
    const origin = headers.origin;
    // Shortcuts to paths that write and report the same (the properties hold them equal): sending more
    // requests down the general path is invisible to tests, so mutants that do only that are equivalent.
    // No Origin: not a CORS request, so no event and nothing to compare.
    // Stryker disable next-line ConditionalExpression: see above.
    if (origin === undefined) return plain(method, url, headers, res);
    // Stryker disable next-line ConditionalExpression,StringLiteral: see above ('OPTIONS' itself is killed: preflights must not take the fused path).
    if (method === 'OPTIONS' || typeof origin !== 'string') return general(method, url, headers, res);
    const path = requestPath(url);
    const scope = scopeFor(compiled, path);
    const answer = precomputedActual(compiled, scope, origin, method);
    emit(actualEvent(policy, answer, origin, method, path));
    if (candidate !== undefined && !sameActualAnswers(answer, precomputedActual(candidate, (candidateScope as CandidateScoper)(scope, path), origin, method))) {
      reportDifference(reportOnly as RuntimeCorsPolicy, emit, actualDecision(answer, origin), method, url, headers);
    }
    writeActualAnswer(res, answer, origin);
    return CONTINUE;
  };
}

/** The candidate's scope for a request, given the enforced policy's scope for it. */
type CandidateScoper = (enforcedScope: CompiledScope, path: string) => CompiledScope;

/**
 * When both policies list the same route patterns in the same order (a candidate usually changes
 * origins, methods or headers, not routes), the same rule matches in both: the path is matched once.
 */
function candidateScoper(enforced: CompiledPolicy, candidate: CompiledPolicy): CandidateScoper {
  // `false` (and optional chaining on routes, which always have one) only sends candidates to their own matching: equivalent.
  // Stryker disable next-line ConditionalExpression,ArrowFunction,OptionalChaining: see above.
  const sameRoutes = enforced.routes.length === candidate.routes.length && enforced.routes.every((r, i) => r.route?.path === candidate.routes[i]?.route?.path);
  // Stryker disable next-line ConditionalExpression: see above.
  if (!sameRoutes) return (_scope, path) => scopeFor(candidate, path);
  return (scope) => (scope.route === undefined ? candidate.top : (candidate.routes[scope.route.index] as CompiledScope));
}

/** The decision event of an actual request, read from its answer (what `decisionEvent` gives for the decision). */
function actualEvent(policy: RuntimeCorsPolicy, answer: ActualAnswer, origin: string, method: string, path: string): CorsDecisionEvent {
  if (isDecision(answer)) return eventRecord(policy, answer.kind, answer.reason, origin, method, path, answer.route, undefined, answer.source);
  const source = (answer as Partial<SourceScope>).name;
  return eventRecord(policy, 'actual-allowed', DecisionReason.OriginAllowed, origin, method, path, answer.route, undefined, source);
}

/**
 * Whether two answers surely look alike to a browser: both refuse, or both echo the origin with the
 * same credentials and exposed headers. `false` only means "compare in full" (`*` answers, say).
 */
// Mutants that make this answer `false` more often only send more requests to the full comparison, which reports
// the same: equivalent, so disabled line by line below. A disable covers a mutator's every variant on its line, so
// the wrong-`true` variants there go unmeasured; the mutants left enabled are killed by the properties.
// Stryker disable next-line BlockStatement: see above.
function sameActualAnswers(enforced: ActualAnswer, candidate: ActualAnswer): boolean {
  // Stryker disable next-line ConditionalExpression,StringLiteral: see above.
  const enforcedRefuses = isDecision(enforced) && enforced.kind === 'actual-refused';
  // Stryker disable next-line ConditionalExpression,StringLiteral: see above.
  const candidateRefuses = isDecision(candidate) && candidate.kind === 'actual-refused';
  // Stryker disable next-line ConditionalExpression,LogicalOperator: see above.
  if (enforcedRefuses || candidateRefuses) return enforcedRefuses && candidateRefuses;
  // Stryker disable next-line ConditionalExpression: see above.
  if (isDecision(enforced) || isDecision(candidate)) return false;
  // Stryker disable next-line ConditionalExpression: see above.
  return enforced.rules.credentials === candidate.rules.credentials && enforced.rules.exposeHeadersValue === candidate.rules.exposeHeadersValue;
}

/**
 * The report-only event of a possible difference, as the general path builds it. Its own function: a
 * closure over `headers` inside the handler would make V8 allocate a context for every request.
 */
function reportDifference(
  candidate: RuntimeCorsPolicy, emit: (event: CorsDecisionEvent) => void, enforced: CorsDecision, method: string, url: string, headers: NodeRequestHeaders,
): void {
  const event = reportOnlyEvent(candidate, requestFacts(method, url, (name) => headers[name]), enforced);
  if (event !== undefined) emit(event);
}
