import type { IncomingHttpHeaders } from 'node:http';
import { headerList } from './header-list.js';
import type { VectorRequest } from './vector.js';

const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);

/**
 * What a browser concludes from a response, following the Fetch standard: the CORS check for actual
 * requests, and the CORS-preflight fetch's checks (ok status, CORS check, methods, headers, private
 * network) for preflights. Returns `undefined` when it would proceed, else the reason it would not.
 *
 * The request is taken as the browser sent it: one `Origin`, the method it asked for, the header
 * names it listed (all non-safelisted).
 */
export function browserRefusal(
  request: VectorRequest,
  status: number,
  headers: IncomingHttpHeaders,
  credentials: boolean,
): string | undefined {
  const origin = single(requestHeader(request, 'origin'));
  if (origin === undefined) return 'the request has no single Origin';
  const corsFailure = corsCheck(origin, headers, credentials);
  const requestedMethod = single(requestHeader(request, 'access-control-request-method'));
  const isPreflight = request.method === 'OPTIONS' && requestedMethod !== undefined;
  if (!isPreflight) return corsFailure;

  if (status < 200 || status > 299) return `the preflight status ${status} is not an ok status`;
  if (corsFailure !== undefined) return corsFailure;
  const methods = headerList(headers['access-control-allow-methods']);
  if (!methods.includes(requestedMethod) && !SAFELISTED_METHODS.has(requestedMethod) && (credentials || !methods.includes('*'))) {
    return `method ${requestedMethod} is not in Access-Control-Allow-Methods`;
  }
  const allowed = headerList(headers['access-control-allow-headers']).map((name) => name.toLowerCase());
  for (const name of requestedHeaderNames(request)) {
    // Fetch: Authorization is a "non-wildcard request-header name": `*` never covers it.
    const wildcard = !credentials && name !== 'authorization' && allowed.includes('*');
    if (!allowed.includes(name) && !wildcard) return `header ${name} is not in Access-Control-Allow-Headers`;
  }
  const privateNetwork = single(requestHeader(request, 'access-control-request-private-network'));
  if (privateNetwork === 'true' && headers['access-control-allow-private-network'] !== 'true') {
    return 'Access-Control-Allow-Private-Network: true is missing';
  }
  return undefined;
}

/** Fetch's CORS check on a response, for a request with this origin and credentials mode. */
function corsCheck(origin: string, headers: IncomingHttpHeaders, credentials: boolean): string | undefined {
  const allowOrigin = headers['access-control-allow-origin'];
  if (allowOrigin === undefined) return 'Access-Control-Allow-Origin is missing';
  if (!credentials && allowOrigin === '*') return undefined;
  if (allowOrigin !== origin) return `Access-Control-Allow-Origin ${JSON.stringify(allowOrigin)} is not ${JSON.stringify(origin)}${credentials && allowOrigin === '*' ? ' (* is literal with credentials)' : ''}`;
  if (!credentials) return undefined;
  if (headers['access-control-allow-credentials'] !== 'true') return 'Access-Control-Allow-Credentials: true is missing';
  return undefined;
}

function requestedHeaderNames(request: VectorRequest): string[] {
  const value = requestHeader(request, 'access-control-request-headers');
  return headerList(typeof value === 'string' ? value : value?.join(',')).map((name) => name.toLowerCase());
}

/** A request header of the vector, by case-insensitive name. */
export function requestHeader(request: VectorRequest, name: string): string | readonly string[] | undefined {
  for (const [key, value] of Object.entries(request.headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

function single(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
