/**
 * Injection token of the loaded `CorsPolicy`. `CorsPolicyModule` provides it globally, so a
 * controller can inject it too (e.g. to serve `explain()` output on a diagnostics route).
 *
 * @example constructor(@Inject(CORS_POLICY) private readonly policy: CorsPolicy) {}
 */
export const CORS_POLICY = Symbol.for('@org/cors-nest:policy');
