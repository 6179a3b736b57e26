/*
 * The live page's checks: real cross-origin fetches made by the visitor's browser to the example
 * services, each beside the verdict the policy predicts. Plain data plus two pure helpers, so the
 * table can be unit-tested and the browser test can read the same definitions.
 */

/** A `fetch()` the page makes, described once for the browser and for the policy engine. */
export interface LiveCheck {
  readonly id: string;
  readonly title: string;
  readonly method: string;
  readonly path: string;
  /** Request headers the page sets (name → value). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly credentials: boolean;
  /** A response header the page tries to read once the response is readable. */
  readonly readsHeader?: string;
}

export const LIVE_CHECKS: readonly LiveCheck[] = [
  { id: 'simple-get', title: 'GET /api/items', method: 'GET', path: '/api/items', headers: {}, credentials: false },
  { id: 'credentialed-get', title: 'GET /api/items with cookies', method: 'GET', path: '/api/items', headers: {}, credentials: true },
  {
    id: 'put-json-auth',
    title: 'PUT /api/items/1 with JSON, Authorization and cookies (preflighted)',
    method: 'PUT',
    path: '/api/items/1',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer demo-token' },
    body: JSON.stringify({ name: 'Lamp' }),
    credentials: true,
  },
  { id: 'exposed-header', title: 'Read the exposed X-Request-Id header', method: 'GET', path: '/api/items', headers: {}, credentials: false, readsHeader: 'X-Request-Id' },
  { id: 'refused-method', title: 'PATCH /api/items/1 (not in the policy\'s methods)', method: 'PATCH', path: '/api/items/1', headers: { 'Content-Type': 'application/json' }, body: '{}', credentials: false },
  { id: 'public-status', title: 'GET /public/status (public route, any site)', method: 'GET', path: '/public/status', headers: {}, credentials: false },
  { id: 'public-status-credentialed', title: 'GET /public/status with cookies (never allowed on a "*" route)', method: 'GET', path: '/public/status', headers: {}, credentials: true },
];

/** The example services, one per framework, all enforcing the same policy. */
export const DEFAULT_SERVICES: Readonly<Record<string, string>> = {
  Express: 'http://127.0.0.1:4101',
  Koa: 'http://127.0.0.1:4102',
  NestJS: 'http://127.0.0.1:4103',
  'Next.js': 'http://127.0.0.1:4104',
};

/**
 * The services to call: the defaults, with any overridden by the query string
 * (`?Express=http://127.0.0.1:5000`), which the browser tests use to reach services on free ports.
 */
export function servicesFromQuery(search: string): Record<string, string> {
  const params = new URLSearchParams(search);
  const services: Record<string, string> = { ...DEFAULT_SERVICES };
  for (const name of Object.keys(services)) {
    const url = params.get(name);
    if (url !== null && /^https?:\/\/[^/\s]+$/.test(url)) services[name] = url;
  }
  return services;
}

/** What the browser let the page do. */
export interface BrowserOutcome {
  readonly readable: boolean;
  /** HTTP status when readable; the browser's error otherwise. */
  readonly detail: string;
  /** The value of `readsHeader`, when the check reads one and the response was readable. */
  readonly header?: string | null;
}

/** Runs one check in the browser: a real cross-origin `fetch`, judged by the browser itself. */
export async function runInBrowser(service: string, check: LiveCheck): Promise<BrowserOutcome> {
  try {
    const response = await fetch(`${service}${check.path}`, {
      method: check.method,
      headers: check.headers,
      body: check.body,
      credentials: check.credentials ? 'include' : 'omit',
      cache: 'no-store',
    });
    await response.text();
    const header = check.readsHeader === undefined ? undefined : response.headers.get(check.readsHeader);
    return { readable: true, detail: `${response.status} ${response.statusText}`.trim(), header };
  } catch (error) {
    return { readable: false, detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
