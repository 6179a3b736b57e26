/**
 * `fetch` options for a CORS preflight from `origin` asking for `method`, and for `headers`
 * (`Access-Control-Request-Headers`) when given.
 *
 * @example await fetch(`${url}/api/items/1`, preflightInit('https://app.example.com', 'PUT', 'content-type'))
 */
export function preflightInit(origin: string, method: string, headers?: string): RequestInit {
  return {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': method,
      ...(headers === undefined ? {} : { 'access-control-request-headers': headers }),
    },
  };
}
