/** Which page makes the call: the origin the development policy lists, or one it does not. */
export type PageOrigin = 'allowed' | 'refused';

/** What the browser lets the page do, and what reached the server: identical for every framework. */
export interface Verdict {
  /** The page got a response it can read (`fetch` resolved); otherwise it got a `TypeError`. */
  readonly readable: boolean;
  /** Methods that reached the service, in order: `OPTIONS` is the preflight. */
  readonly serverSaw: readonly string[];
  /** Whether the browser sent the session cookie (`sid`) to the service; preflights never carry it. */
  readonly cookieSent: boolean;
  /** For a blocked call: Chromium's own reason, from its console ("… blocked by CORS policy: <reason>"). */
  readonly blockedBecause?: string;
  /** Response headers the server sent, by whether the page can read them (names in lower case). */
  readonly headers?: { readonly readable: readonly string[]; readonly hidden: readonly string[] };
}

export interface Scenario {
  /** Slug, also added to the URL as `?e2e=<id>` so the service's request log can be filtered. */
  readonly id: string;
  /** The behaviour, as a sentence. */
  readonly title: string;
  readonly from: PageOrigin;
  readonly request: {
    readonly method: string;
    readonly path: string;
    readonly headers?: Readonly<Record<string, string>>;
    readonly body?: string;
    readonly credentials?: 'omit' | 'include';
  };
  readonly expected: Verdict;
}

const json = { 'Content-Type': 'application/json' };

/** Chromium's words for the three ways these calls get blocked. */
const NO_ACAO = "No 'Access-Control-Allow-Origin' header is present on the requested resource.";
const PREFLIGHT_NO_ACAO = `Response to preflight request doesn't pass access control check: ${NO_ACAO}`;
const WILDCARD_WITH_CREDENTIALS = "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.";

/**
 * The one table every framework runs. Rows are the browser's behaviour under the storefront policy with
 * the `development` overlay (http://127.0.0.1:3000 allowed; any other port of 127.0.0.1 refused).
 */
export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'simple-get',
    title: 'a simple GET from the allowed origin is sent without a preflight and is readable',
    from: 'allowed',
    request: { method: 'GET', path: '/api/items' },
    expected: { readable: true, serverSaw: ['GET'], cookieSent: false },
  },
  {
    id: 'credentialed-get',
    title: 'a credentialed GET from the allowed origin carries the session cookie and is readable',
    from: 'allowed',
    request: { method: 'GET', path: '/api/items', credentials: 'include' },
    expected: { readable: true, serverSaw: ['GET'], cookieSent: true },
  },
  {
    id: 'put-json-auth',
    title: 'a PUT with a JSON body and Authorization is preflighted, then sent and readable',
    from: 'allowed',
    request: { method: 'PUT', path: '/api/items/1', headers: { ...json, Authorization: 'Bearer e2e-token' }, body: '{"name":"Green tea"}', credentials: 'include' },
    expected: { readable: true, serverSaw: ['OPTIONS', 'PUT'], cookieSent: true },
  },
  {
    id: 'exposed-header',
    title: 'the page reads the exposed X-Request-Id but not a header the policy does not expose',
    from: 'allowed',
    request: { method: 'GET', path: '/api/items' },
    expected: { readable: true, serverSaw: ['GET'], cookieSent: false, headers: { readable: ['x-request-id', 'content-type'], hidden: ['date'] } },
  },
  {
    id: 'refused-origin-get',
    title: 'a GET from a refused origin reaches the server but the page cannot read the response',
    from: 'refused',
    request: { method: 'GET', path: '/api/items' },
    expected: { readable: false, serverSaw: ['GET'], cookieSent: false, blockedBecause: NO_ACAO },
  },
  {
    id: 'refused-origin-credentialed-get',
    title: 'a credentialed GET from a refused origin sends the cookie but the page cannot read the answer',
    from: 'refused',
    request: { method: 'GET', path: '/api/items', credentials: 'include' },
    expected: { readable: false, serverSaw: ['GET'], cookieSent: true, blockedBecause: NO_ACAO },
  },
  {
    id: 'refused-origin-put',
    title: 'a PUT from a refused origin stops at the preflight: the PUT is never sent',
    from: 'refused',
    request: { method: 'PUT', path: '/api/items/1', headers: json, body: '{"name":"Green tea"}' },
    expected: { readable: false, serverSaw: ['OPTIONS'], cookieSent: false, blockedBecause: PREFLIGHT_NO_ACAO },
  },
  {
    id: 'refused-method-patch',
    title: 'a PATCH, which the policy does not allow, stops at the preflight: the PATCH is never sent',
    from: 'allowed',
    request: { method: 'PATCH', path: '/api/items/1', headers: json, body: '{"name":"Green tea"}', credentials: 'include' },
    expected: { readable: false, serverSaw: ['OPTIONS'], cookieSent: false, blockedBecause: PREFLIGHT_NO_ACAO },
  },
  {
    id: 'public-any-origin',
    title: 'the public status route is readable from any origin without credentials',
    from: 'refused',
    request: { method: 'GET', path: '/public/status' },
    expected: { readable: true, serverSaw: ['GET'], cookieSent: false },
  },
  {
    id: 'public-credentialed',
    title: 'the public status route is not readable with credentials, even though the cookie is sent',
    from: 'refused',
    request: { method: 'GET', path: '/public/status', credentials: 'include' },
    expected: { readable: false, serverSaw: ['GET'], cookieSent: true, blockedBecause: WILDCARD_WITH_CREDENTIALS },
  },
];
