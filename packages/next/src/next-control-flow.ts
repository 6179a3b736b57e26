/**
 * Next.js signals `redirect()`, `notFound()` and dynamic-rendering bail-outs by throwing errors that
 * carry a string `digest` (`NEXT_REDIRECT;…`, `NEXT_HTTP_ERROR_FALLBACK;404`, `DYNAMIC_SERVER_USAGE`…):
 * they are rethrown for Next.js to answer, never turned into a 500. Checked by shape: importing
 * `unstable_rethrow` from `next/navigation` breaks route bundles that resolve it to the client build.
 */
export function isNextControlFlow(error: unknown): boolean {
  return typeof error === 'object' && error !== null && typeof (error as { digest?: unknown }).digest === 'string';
}
