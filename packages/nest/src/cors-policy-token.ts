/**
 * Injection token of the enforced policy (a `RuntimeCorsPolicy`; the `CorsPolicy` itself when given
 * one from `definePolicy`). `CorsPolicyModule` provides it globally, so a
 * controller can inject it too (e.g. to serve `explain()` output on a diagnostics route).
 *
 * @example constructor(@Inject(CORS_POLICY) private readonly policy: RuntimeCorsPolicy) {}
 */
export const CORS_POLICY = Symbol.for('@org/cors-nest:policy');

/** Injection token of the decision-event, report-only and developer-mode options `CorsPolicyModule` was given (loaded). */
export const CORS_OBSERVATION = Symbol.for('@org/cors-nest:observation');
