import type { CorsEventOptions } from '@org/cors-core/runtime';
import type { CorsPolicySource } from './load-policy.js';

/** Options of every helper of `@org/cors-fetch`: the environment overlay to enforce. */
export interface CorsOptions {
  /** The environment overlay to enforce (e.g. `'staging'`); default: the policy's own. */
  readonly environment?: string | undefined;
}

/** Options of {@link handleCors} and {@link withCors}. */
export interface HandleCorsOptions extends CorsOptions {
  /**
   * Called with an error the handler threw: `true` rethrows it untouched (for a host's own control
   * flow, e.g. Next.js's `redirect()`); otherwise the answer is a 500 carrying the CORS headers.
   */
  readonly rethrow?: ((error: unknown) => boolean) | undefined;
}

/**
 * Options of the helpers of `@org/cors-fetch/observed`: those of `@org/cors-fetch`, plus the decision
 * events, report-only candidate (a loaded policy or compiled data) and developer mode every adapter
 * takes. `developerMode` is refused when `globalThis.process.env.NODE_ENV` is `production`.
 */
export interface ObservedCorsOptions extends CorsOptions, CorsEventOptions<CorsPolicySource> {}

/** {@link ObservedCorsOptions} of `handleCors` and `withCors` from `@org/cors-fetch/observed`. */
export interface ObservedHandleCorsOptions extends HandleCorsOptions, ObservedCorsOptions {}
