import { assertDeveloperModeAllowed, toRuntimePolicy } from '@org/cors-core/runtime';
import type { CorsOptions, HandleCorsOptions } from '@org/cors-fetch';

/**
 * Next.js signals `redirect()`, `notFound()` and dynamic-rendering bail-outs by throwing errors that
 * carry a string `digest` (`NEXT_REDIRECT;…`, `NEXT_HTTP_ERROR_FALLBACK;404`, `DYNAMIC_SERVER_USAGE`…):
 * they are rethrown for Next.js to answer, never turned into a 500. Checked by shape: importing
 * `unstable_rethrow` from `next/navigation` breaks route bundles that resolve it to the client build.
 */
export function isNextControlFlow(error: unknown): boolean {
  return typeof error === 'object' && error !== null && typeof (error as { digest?: unknown }).digest === 'string';
}

/**
 * handleCors's options for Next.js, built once per wrapped handler: its control flow is rethrown, and
 * the decision-event, report-only and developer-mode options are passed on (the environment is
 * already applied to the enforced policy; the candidate takes it too).
 */
export function nextHandling(options: CorsOptions): HandleCorsOptions {
  const { onDecision, onError, reportOnly, developerMode, environment } = options;
  if (onDecision === undefined && reportOnly === undefined && developerMode !== true) return NEXT_HANDLING;
  // Refused when the module is evaluated, not on the first request.
  if (developerMode === true) assertDeveloperModeAllowed((globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {});
  return { rethrow: isNextControlFlow, onDecision, onError, developerMode, reportOnly: reportOnly === undefined ? undefined : toRuntimePolicy(reportOnly, environment) };
}

const NEXT_HANDLING: HandleCorsOptions = { rethrow: isNextControlFlow };
