import type { FakeRequest } from './fake-http.js';

/*
 * The smallest context a Hono middleware accepts: `c.req.method`, `c.req.url`, `c.req.header(name)`,
 * `c.req.raw` (method, url and `headers.get` of the Request), `c.res.headers` (a real `Headers`, as in
 * Hono) and `c.header(name, value, { append })`. hono/cors
 * and our Web-host contender run on the same context, so both pay for the same `Headers` writes and,
 * on preflights, for the `Response` each returns; calling the middleware directly skips Hono's
 * router and `Request` parsing, which would cost more than the decisions measured.
 */
export class FakeHonoContext {
  res: { headers: Headers } | Response = { headers: new Headers() };
  readonly req: {
    readonly method: string;
    readonly url: string;
    header(name: string): string | undefined;
    /** Hono's `c.req.raw` (a `Request`), as far as a CORS layer reads it: method, url, `headers.get`. */
    readonly raw: { readonly method: string; readonly url: string; readonly headers: { get(name: string): string | null } };
  };

  constructor(request: FakeRequest) {
    const { headers } = request;
    const url = `http://127.0.0.1${request.url}`;
    this.req = {
      method: request.method,
      url,
      header: (name) => headers[name.toLowerCase()],
      raw: { method: request.method, url, headers: { get: (name) => headers[name.toLowerCase()] ?? null } },
    };
  }

  header(name: string, value: string, options?: { append?: boolean }): void {
    if (options?.append) this.res.headers.append(name, value);
    else this.res.headers.set(name, value);
  }

  /** A fresh response for the next operation (Hono starts each request with one). */
  reset(): void {
    this.res = { headers: new Headers() };
  }
}

/** A Hono middleware: returns a Response to answer the request itself, else calls `next`. */
export type WebMiddleware = (c: FakeHonoContext, next: () => Promise<void>) => Promise<Response | void>;
