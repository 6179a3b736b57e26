import type { CompiledRules } from './runtime-rules.js';
import {
  DecisionReason, type ActualAllowedDecision, type ActualRefusedDecision, type MatchedRoute, type NotCorsDecision,
  type PreflightRefusedDecision,
} from './decision.js';
import type { CompiledPreflightData } from './compiled-data.js';

/*
 * Every decision that does not depend on request values, built once at load: answering a no-Origin
 * request or a refusal is then a lookup that allocates nothing. (Allowed answers echo the origin and
 * are built per request: precomputing one per listed origin cost ~1 KB each, 35× a Set entry.) Shared between requests: read-only by type. Deliberately not
 * frozen — V8 iterates frozen arrays several times slower, and a mix of frozen and fresh header
 * arrays makes every adapter's `for…of` over `decision.headers` polymorphic.
 */

type ActualRefusal = typeof DecisionReason.RouteDisabled | typeof DecisionReason.OriginNotAllowed | typeof DecisionReason.OriginNull
  | typeof DecisionReason.OriginMalformed | typeof DecisionReason.MethodNotAllowed | typeof DecisionReason.SourceUnavailable;

export interface PrecomputedDecisions {
  readonly noOrigin: NotCorsDecision;
  readonly actualRefused: Readonly<Record<ActualRefusal, ActualRefusedDecision>>;
  /** For `*` policies: the one allowed answer. */
  readonly actualAllowedAny: ActualAllowedDecision;
  readonly preflightRefused: Readonly<Record<DecisionReason, PreflightRefusedDecision>>;
}

const NO_HEADERS: ReadonlyArray<readonly [string, string]> = [];
/** The refusals of actual requests, in the key order the table is built in. */
const ACTUAL_REFUSALS: readonly ActualRefusal[] = [
  DecisionReason.RouteDisabled, DecisionReason.OriginNotAllowed, DecisionReason.OriginNull, DecisionReason.OriginMalformed, DecisionReason.MethodNotAllowed,
  DecisionReason.SourceUnavailable,
];

/** The headers of an allowed actual request from `origin` (echoed, never a pattern). */
export function allowedActualHeaders(rules: CompiledRules, origin: string): Array<readonly [string, string]> {
  const headers: Array<readonly [string, string]> = [['Access-Control-Allow-Origin', origin]];
  if (rules.credentials) headers.push(['Access-Control-Allow-Credentials', 'true']);
  if (rules.exposeHeadersValue !== undefined) headers.push(['Access-Control-Expose-Headers', rules.exposeHeadersValue]);
  return headers;
}

/** `source`: the answers of an origin source's rules, which name it (static scopes' answers carry no `source` key). */
export function precomputeDecisions(rules: CompiledRules, route: MatchedRoute | undefined, preflight: CompiledPreflightData, preflightVary: readonly string[], source?: string): PrecomputedDecisions {
  const vary = rules.actualVary;
  const named = source === undefined ? {} : { source };
  const actualRefused = {} as Record<ActualRefusal, ActualRefusedDecision>;
  for (const reason of ACTUAL_REFUSALS) actualRefused[reason] = { kind: 'actual-refused', reason, headers: NO_HEADERS, vary, route, end: false, ...named };
  const preflightRefused = {} as Record<DecisionReason, PreflightRefusedDecision>;
  for (const reason of Object.values(DecisionReason)) {
    preflightRefused[reason] = { kind: 'preflight-refused', reason, headers: NO_HEADERS, vary: preflightVary, route, status: preflight.refusedStatus, end: true, ...named };
  }
  return {
    noOrigin: { kind: 'not-cors', reason: DecisionReason.NoOrigin, headers: rules.anyOrigin && !rules.disabled ? rules.anyOriginHeaders : NO_HEADERS, vary, route, end: false },
    actualRefused,
    actualAllowedAny: { kind: 'actual-allowed', reason: DecisionReason.AnyOrigin, headers: rules.anyOriginHeaders, vary, route, end: false },
    preflightRefused,
  };
}
