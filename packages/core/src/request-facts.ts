/**
 * Everything the resolver needs to know about a request, as plain strings. `undefined` means the
 * header was absent. Build it with {@link requestFacts}.
 */
export interface RequestFacts {
  /** The request method exactly as received (e.g. `GET`, `OPTIONS`). */
  readonly method: string;
  /** The path, without query string or fragment (e.g. `/api/items`). */
  readonly path: string;
  readonly origin: string | undefined;
  readonly accessControlRequestMethod: string | undefined;
  readonly accessControlRequestHeaders: string | undefined;
  readonly accessControlRequestPrivateNetwork: string | undefined;
}

/**
 * Reads one request header by lower-case name. Fits `req.get`, `ctx.get`, `Headers#get` and
 * `(n) => req.headers[n]`. Repeated lines may come back as an array.
 */
export type HeaderReader = (name: string) => string | readonly string[] | null | undefined;

/**
 * Collects {@link RequestFacts} from a host's request.
 *
 * Repeated `Origin` or `Access-Control-Request-Method` lines are joined with `", "` (as Node does),
 * which never matches a configured value; repeated `Access-Control-Request-Headers` lines are joined
 * with `","`, which is how HTTP combines list headers. An empty header counts as present. The
 * `Access-Control-Request-*` headers are read only for `OPTIONS` (they matter only on preflights).
 *
 * @param method the request method
 * @param url the request target: a path, optionally with query string (`/a?b=1`) — or an absolute URL
 * @param getHeader reads a header by lower-case name
 * @example requestFacts(req.method, req.originalUrl, (n) => req.get(n))
 */
export function requestFacts(method: string, url: string, getHeader: HeaderReader): RequestFacts {
  // Only an OPTIONS can be a preflight: other methods skip three header reads.
  const preflight = method === 'OPTIONS';
  return {
    method,
    path: requestPath(url),
    origin: single(getHeader('origin'), ', '),
    accessControlRequestMethod: preflight ? single(getHeader('access-control-request-method'), ', ') : undefined,
    accessControlRequestHeaders: preflight ? single(getHeader('access-control-request-headers'), ',') : undefined,
    accessControlRequestPrivateNetwork: preflight ? single(getHeader('access-control-request-private-network'), ', ') : undefined,
  };
}

function single(value: string | readonly string[] | null | undefined, joiner: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  return value.length === 0 ? undefined : value.join(joiner);
}

/** The path of a request target: strips scheme://authority, query and fragment. */
export function requestPath(url: string): string {
  let start = 0;
  if (url.charCodeAt(0) !== 47 /* / */) {
    const scheme = url.indexOf('://');
    if (scheme !== -1) {
      const slash = url.indexOf('/', scheme + 3);
      if (slash === -1) return '/';
      start = slash;
    }
  }
  // One scan for the first `?` or `#`: whichever comes first ends the path.
  let end = start;
  while (end < url.length) {
    const c = url.charCodeAt(end);
    if (c === 63 /* ? */ || c === 35 /* # */) break;
    end++;
  }
  // Most targets are already a bare path: no copy.
  if (start === 0 && end === url.length) return url === '' ? '/' : url;
  const path = url.slice(start, end);
  return path === '' ? '/' : path;
}
