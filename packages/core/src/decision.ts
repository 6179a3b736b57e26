/**
 * Why the resolver answered as it did. Stable strings: they appear in logs, decision events and
 * `explain()` output, so a value never changes meaning once released.
 */
export const DecisionReason = {
  /** No `Origin` header: not a CORS request. */
  NoOrigin: 'no-origin',
  /** The policy allows any origin (`*`, no credentials). */
  AnyOrigin: 'any-origin',
  /** The `Origin` is byte-identical to a configured origin or matched by a configured pattern. */
  OriginAllowed: 'origin-allowed',
  /** A well-formed `Origin` that the policy does not list. */
  OriginNotAllowed: 'origin-not-allowed',
  /** `Origin: null` (sandboxed iframe, `file:`, redirect): never trusted. */
  OriginNull: 'origin-null',
  /** Empty, joined, too long, or otherwise not a serialised origin a browser would send. */
  OriginMalformed: 'origin-malformed',
  /** The requested (or actual) method is not in the policy's methods. */
  MethodNotAllowed: 'method-not-allowed',
  /** `Access-Control-Request-Method` is not a method token. */
  RequestMethodMalformed: 'request-method-malformed',
  /** A header named in `Access-Control-Request-Headers` is not allowed. */
  HeaderNotAllowed: 'header-not-allowed',
  /** `Access-Control-Request-Headers` is too long, has too many items or is not a token list. */
  RequestHeadersMalformed: 'request-headers-malformed',
  /** A Private Network Access preflight for a policy that does not opt in. */
  PrivateNetworkNotAllowed: 'private-network-not-allowed',
  /** A route rule switched CORS off for this path. */
  RouteDisabled: 'route-disabled',
  /**
   * The origin is not static, and an origin source that might hold it could not answer: no provider
   * bound, not listed yet, its set expired, or the provider failed or timed out. Refused (fail closed).
   */
  SourceUnavailable: 'source-unavailable',
} as const;

export type DecisionReason = (typeof DecisionReason)[keyof typeof DecisionReason];

/** Ordered response headers: `[name, value]` pairs to *set* (Vary is separate, see `vary`). */
export type HeaderPairs = ReadonlyArray<readonly [name: string, value: string]>;

/** The route rule that applied, or `undefined` for the policy's top-level rules. */
export interface MatchedRoute {
  /** Index of the rule in `policy.routes`. */
  readonly index: number;
  /** The rule's path pattern, e.g. `/public/**`. */
  readonly path: string;
}

interface DecisionBase {
  readonly reason: DecisionReason;
  /** Headers to set on the response. Never contains `Vary`. */
  readonly headers: HeaderPairs;
  /** Tokens to *append* to the response's `Vary` header (never overwrite the app's own). */
  readonly vary: readonly string[];
  /** The route rule whose settings applied, if any. */
  readonly route: MatchedRoute | undefined;
  /**
   * The origin source whose rules decided: on answers allowed because a source holds the origin, and on
   * `source-unavailable` refusals (the source that could not answer). Absent otherwise.
   */
  readonly source?: string;
}

/**
 * Not a CORS request (no `Origin`): the app answers. (An `OPTIONS` without `Access-Control-Request-Method`
 * that carries an `Origin` is not a preflight either: it is resolved as an actual request and reaches the app.)
 */
export interface NotCorsDecision extends DecisionBase {
  readonly kind: 'not-cors';
  readonly end: false;
}

/** A preflight the policy grants: answer it with `status` and `headers` (unless `end` is false). */
export interface PreflightAllowedDecision extends DecisionBase {
  readonly kind: 'preflight-allowed';
  /** HTTP status for the preflight response (an ok status, 204 by default). */
  readonly status: number;
  /** True: the CORS layer ends the response. False: `preflight.continueToApp` hands it to the app. */
  readonly end: boolean;
}

/** A preflight the policy refuses: answer with `status` and no CORS headers; the app never runs. */
export interface PreflightRefusedDecision extends DecisionBase {
  readonly kind: 'preflight-refused';
  readonly status: number;
  readonly end: true;
}

/** An actual (non-preflight) cross-origin request the policy allows: set `headers`, run the app. */
export interface ActualAllowedDecision extends DecisionBase {
  readonly kind: 'actual-allowed';
  readonly end: false;
}

/**
 * An actual request the policy refuses: the app still runs (CORS is not access control), the response
 * carries no CORS headers, so the browser withholds it from the calling page.
 */
export interface ActualRefusedDecision extends DecisionBase {
  readonly kind: 'actual-refused';
  readonly end: false;
}

/** What the CORS layer must do with one request. Discriminated on `kind`. */
export type CorsDecision =
  | NotCorsDecision
  | PreflightAllowedDecision
  | PreflightRefusedDecision
  | ActualAllowedDecision
  | ActualRefusedDecision;

export type CorsDecisionKind = CorsDecision['kind'];
