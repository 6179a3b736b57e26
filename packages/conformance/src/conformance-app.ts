import type { VectorApp } from './vector.js';

/**
 * The standard app every target mounts behind its CORS layer, written with the framework's own
 * primitives (so the suite also proves the adapter composes with them):
 *
 * - Any method on any path answers `200` with body `ok` and header `x-app-ran: 1`.
 * - When the request carries `x-conformance-vary: <token>`, the app *appends* that token to `Vary`
 *   with the framework's append primitive (`res.vary`, `ctx.vary`, `headers.append`), never by
 *   overwriting.
 * - When the request carries `x-conformance-throw: 1`, the app throws an `Error` and the framework's
 *   default error handling answers (500).
 * - Paths starting with `/missing` are not routed: the framework's own 404 answers.
 *
 * The harness adds the `x-conformance-*` headers from a vector's `app` field, so one server per
 * policy serves every vector. Read them with {@link appBehaviour}.
 */
export const ConformanceApp = {
  /** Response header the app sets to prove it ran. */
  ranHeader: 'x-app-ran',
  ranValue: '1',
  body: 'ok',
  /** Request header naming a token to append to `Vary`. */
  varyHeader: 'x-conformance-vary',
  /** Request header asking the app to throw. */
  throwHeader: 'x-conformance-throw',
  /** Paths with this prefix are not routed (framework 404). */
  missingPrefix: '/missing',
  /** Message of the error the app throws. */
  errorMessage: 'conformance app failure',
} as const;

/** What the standard app must do for one request. */
export interface AppBehaviour {
  /** False for `/missing…` paths: leave them to the framework's 404. */
  readonly routed: boolean;
  /** Token to append to `Vary`, if any. */
  readonly vary: string | undefined;
  /** Throw instead of answering. */
  readonly throws: boolean;
}

/**
 * Reads what the standard app must do from the request (see {@link ConformanceApp}).
 *
 * @param path the request path (query string allowed)
 * @param getHeader reads a request header by lower-case name
 * @example const app = appBehaviour(req.path, (n) => req.headers[n]);
 */
export function appBehaviour(
  path: string,
  getHeader: (name: string) => string | readonly string[] | null | undefined,
): AppBehaviour {
  const vary = getHeader(ConformanceApp.varyHeader);
  return {
    routed: !path.startsWith(ConformanceApp.missingPrefix),
    vary: typeof vary === 'string' && vary !== '' ? vary : undefined,
    throws: getHeader(ConformanceApp.throwHeader) === '1',
  };
}

/** The request headers that tell the standard app what to do for a vector (the harness's side). */
export function appRequestHeaders(app: VectorApp | undefined): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  if (app?.vary !== undefined) headers.push([ConformanceApp.varyHeader, app.vary]);
  if (app?.throws === true) headers.push([ConformanceApp.throwHeader, '1']);
  return headers;
}
