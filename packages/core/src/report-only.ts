import { compiledOf } from './compiled-policy.js';
import type { CorsDecision, HeaderPairs } from './decision.js';
import { decisionEvent, isAllowed, type CorsDecisionEvent, type ReportOnlyChange } from './decision-events.js';
import { allowedActualHeaders } from './precomputed-decisions.js';
import type { RequestFacts } from './request-facts.js';
import { isDecision, precomputedActual, resolveCors, scopeFor } from './resolve.js';
import type { RuntimeCorsPolicy } from './runtime-policy.js';

/**
 * Report-only (like CSP's): what a caller would see under `candidate` compared with the enforced
 * decision. `undefined` when nothing a browser sees would change — no `Origin`, both refuse (whatever
 * the reasons), or both allow with the same CORS headers. Only the enforced decision is ever written.
 */
export function compareDecisions(enforced: CorsDecision, candidate: CorsDecision): ReportOnlyChange | undefined {
  if (enforced.kind === 'not-cors' || candidate.kind === 'not-cors') return undefined;
  const was = isAllowed(enforced);
  const would = isAllowed(candidate);
  if (was && !would) return 'would-refuse';
  if (!was && would) return 'would-allow';
  if (was && would && !sameHeaders(enforced.headers, candidate.headers)) return 'would-change';
  return undefined;
}

/**
 * Resolves `candidate` for the same request and returns the report-only event when its answer
 * differs from `enforced` (see {@link compareDecisions}), else `undefined`.
 *
 * @example
 * const event = reportOnlyEvent(candidatePolicy, facts, resolveCors(policy, facts));
 * // { kind: 'actual-refused', reason: 'origin-not-allowed', change: 'would-refuse', reportOnly: true, … }
 */
export function reportOnlyEvent(candidate: RuntimeCorsPolicy, facts: RequestFacts, enforced: CorsDecision): CorsDecisionEvent | undefined {
  // Shortcuts: without them the candidate is resolved and compared in full, which finds no change either.
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: see above (equivalent).
  if (enforced.kind === 'not-cors' || sameActualAnswer(candidate, facts, enforced)) return undefined;
  const decision = resolveCors(candidate, facts);
  const change = compareDecisions(enforced, decision);
  if (change === undefined) return undefined;
  const event = decisionEvent(candidate, facts, decision);
  // Stryker disable next-line ConditionalExpression: unreachable (a change needs an Origin, and decisionEvent has one then); for the type.
  if (event === undefined) return undefined;
  return { ...event, reportOnly: true, change, enforced: { kind: enforced.kind, reason: enforced.reason } };
}

/**
 * For an actual request: whether the candidate surely answers as `enforced` does, read from its
 * precomputed answer without building its decision or an event — both refuse, or both echo the origin
 * with the same headers. Report-only runs on every request and most answers agree, so this is its hot
 * path. `false` means "resolve the candidate in full": a preflight, or a possible difference.
 */
// A mutant that makes this answer `false` more often only resolves more candidates in full, which reports the same:
// equivalent, so disabled line by line. A disable covers a mutator's every variant on its line; the variants that
// answer `true` wrongly there, and every mutant left enabled, are what report-only.test.ts pins.
// Stryker disable next-line BlockStatement: see above.
function sameActualAnswer(candidate: RuntimeCorsPolicy, facts: RequestFacts, enforced: CorsDecision): boolean {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral: see above (for a preflight every later test fails too).
  if (enforced.kind !== 'actual-allowed' && enforced.kind !== 'actual-refused') return false;
  const compiled = compiledOf(candidate);
  const origin = facts.origin as string;
  const answer = precomputedActual(compiled, scopeFor(compiled, facts.path), origin, facts.method);
  // Stryker disable next-line ConditionalExpression,StringLiteral: see above.
  if (isDecision(answer)) return answer.kind === 'actual-refused' && enforced.kind === 'actual-refused';
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: see above.
  return enforced.kind === 'actual-allowed' && sameHeaders(enforced.headers, allowedActualHeaders(answer.rules, origin));
}

/** Same header names and values in the same order (both come from the one resolver, which orders them alike). */
function sameHeaders(a: HeaderPairs, b: HeaderPairs): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as readonly [string, string];
    const y = b[i] as readonly [string, string];
    if (x[0] !== y[0] || x[1] !== y[1]) return false;
  }
  return true;
}
