import type { CorsDecision, CorsDecisionKind, MatchedRoute } from './decision.js';
import type { RequestFacts } from './request-facts.js';
import type { RuntimeCorsPolicy } from './runtime-policy.js';

/**
 * One CORS decision as a small, JSON-serialisable record for logs and metrics. Every string that comes
 * from the request (origin, method, path, requested headers) is attacker-controlled: it is capped in
 * length and its control characters are escaped (`\u001b`), so it cannot forge log lines or terminals.
 * Events carry no time (core reads no clock): the logger adds one (pino's `time`), or write
 * `{ time: Date.now(), ...event }` yourself; `cors-policy report-only` reads `time` when present.
 *
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/decision-events.md
 */
export interface CorsDecisionEvent {
  /** The decision: `preflight-allowed`, `preflight-refused`, `actual-allowed` or `actual-refused` (the candidate's, when report-only). */
  readonly kind: CorsDecisionKind;
  /** `DecisionReason` code, e.g. `origin-not-allowed`, `header-not-allowed` (the candidate's, when report-only). */
  readonly reason: string;
  /** The request's `Origin`, capped and escaped. */
  readonly origin: string;
  /** The request method; for a preflight, the method it asks for (`Access-Control-Request-Method`). */
  readonly method: string;
  /** The request path (no query string), capped and escaped. */
  readonly path: string;
  /** The route rule's pattern that answered (`/api/public/**`), or `null` for the top-level rules. */
  readonly route: string | null;
  /** Name of the policy that decided (the candidate's, when report-only). */
  readonly policy: string;
  /** Its environment overlay, or `null` for the base policy. */
  readonly environment: string | null;
  /** True for a report-only event: the candidate policy would answer differently; nothing was enforced. */
  readonly reportOnly: boolean;
  /** For a preflight: its `Access-Control-Request-Headers`, capped and escaped. */
  readonly requestHeaders?: string;
  /** The origin source that allowed the origin, when a source did. */
  readonly source?: string;
  /** Report-only: what the candidate would change for this caller. */
  readonly change?: ReportOnlyChange;
  /** Report-only: what the enforced policy answered. */
  readonly enforced?: { readonly kind: CorsDecisionKind; readonly reason: string };
}

/**
 * `would-refuse`: the enforced policy allows the caller, the candidate would not (the caller breaks).
 * `would-allow`: the candidate would allow a caller the enforced policy refuses.
 * `would-change`: both allow it, with different CORS headers (e.g. credentials dropped, fewer exposed headers).
 */
export type ReportOnlyChange = 'would-refuse' | 'would-allow' | 'would-change';

/** The longest origin, method, path or header list an event keeps (longer values end in `…(+N)`). */
export const EVENT_VALUE_CAP = { origin: 256, method: 32, path: 256, requestHeaders: 256 } as const;

// C0, DEL, C1, bidi controls and the Unicode line/paragraph separators: never raw in a log line.
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `value` cut to `cap` characters (marked `…(+N)`) with control characters shown as `\uXXXX`. */
export function sanitizeEventValue(value: string, cap: number): string {
  // The usual value (a short printable-ASCII origin, method or path) has nothing to cut or escape: a
  // scan is a fraction of the two regular-expression passes, which dominated an event's cost.
  if (value.length <= cap && isPrintableAscii(value)) return value;
  const cut = value.length > cap ? `${value.slice(0, cap)}…(+${value.length - cap})` : value;
  // A lone surrogate left by the cut (or sent as such) becomes U+FFFD: the record stays valid UTF-8.
  return cut.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(LONE_SURROGATE, '\uFFFD');
}

function isPrintableAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

/**
 * The event for one decision, or `undefined` for a request without `Origin` (not a CORS request: no
 * event, so same-origin traffic costs nothing). `reportOnly` marks events of a candidate policy.
 */
export function decisionEvent(policy: RuntimeCorsPolicy, facts: RequestFacts, decision: CorsDecision): CorsDecisionEvent | undefined {
  if (decision.kind === 'not-cors' || facts.origin === undefined) return undefined;
  const preflight = decision.kind === 'preflight-allowed' || decision.kind === 'preflight-refused';
  const method = preflight ? (facts.accessControlRequestMethod ?? facts.method) : facts.method;
  const requestHeaders = preflight ? facts.accessControlRequestHeaders : undefined;
  return eventRecord(policy, decision.kind, decision.reason, facts.origin, method, facts.path, decision.route, requestHeaders, decision.source);
}

/**
 * The event record from its parts (`method`: for a preflight, the method it asks for), its keys always
 * in one order; `requestHeaders` and `source` only when given. Hosts that decide without building a
 * decision (core's fused Node path) build their events here too, so both paths log alike.
 */
export function eventRecord(
  policy: RuntimeCorsPolicy, kind: CorsDecisionKind, reason: string, origin: string, method: string, path: string,
  route: MatchedRoute | undefined, requestHeaders: string | undefined, source: string | undefined,
): CorsDecisionEvent {
  const event: { -readonly [K in keyof CorsDecisionEvent]: CorsDecisionEvent[K] } = {
    kind,
    reason,
    origin: sanitizeEventValue(origin, EVENT_VALUE_CAP.origin),
    method: sanitizeEventValue(method, EVENT_VALUE_CAP.method),
    path: sanitizeEventValue(path, EVENT_VALUE_CAP.path),
    route: route?.path ?? null,
    policy: policy.name,
    environment: policy.environment ?? null,
    reportOnly: false,
  };
  if (requestHeaders !== undefined) event.requestHeaders = sanitizeEventValue(requestHeaders, EVENT_VALUE_CAP.requestHeaders);
  // Decisions allowed by an origin source name it.
  if (source !== undefined) event.source = source;
  return event;
}

/**
 * One line for humans: `refused preflight from https://evil.example (PUT /api/items): origin-not-allowed`,
 * or for report-only `would refuse https://partner.example (GET /feed): origin-not-allowed [candidate api-v2]`.
 */
export function describeDecisionEvent(event: CorsDecisionEvent): string {
  const what = `${event.origin} (${event.method} ${event.path})`;
  if (event.reportOnly) {
    const verb = event.change === 'would-allow' ? 'would allow' : event.change === 'would-change' ? 'would answer differently' : 'would refuse';
    return `CORS report-only: ${verb} ${what}: ${event.reason} [candidate ${event.policy}]`;
  }
  const verdict = event.kind.endsWith('-allowed') ? 'allowed' : 'refused';
  const stage = event.kind.startsWith('preflight') ? 'preflight' : 'request';
  return `CORS ${verdict} ${stage} from ${what}: ${event.reason}`;
}

/** Whether a decision lets the caller read the response (or send the request, for a preflight). */
export function isAllowed(decision: CorsDecision): boolean {
  return decision.kind === 'actual-allowed' || decision.kind === 'preflight-allowed';
}
