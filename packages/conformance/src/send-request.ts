import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { VectorRequest } from './vector.js';

/** What came back for one vector. */
export interface ConformanceResponse {
  readonly status: number;
  /** Node's parsed headers: lower-case names, repeated lines joined with `, ` (`set-cookie` as an array). */
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly durationMs: number;
}

/**
 * Sends a vector's request with `node:http`, header lines exactly as given. Not `fetch`: it forbids
 * setting `Origin` and `Access-Control-Request-*`, and cannot send repeated lines. Raw header arrays
 * get no automatic `Host`, so it is added here. Each request uses its own connection.
 *
 * @param baseUrl the target's `http://127.0.0.1:<port>` (only scheme, host and port are used)
 * @param extraHeaders further `[name, value]` lines, e.g. the app-behaviour headers
 */
export function sendRequest(
  baseUrl: string,
  request: VectorRequest,
  extraHeaders: ReadonlyArray<readonly [string, string]> = [],
): Promise<ConformanceResponse> {
  const url = new URL(baseUrl);
  const raw: string[] = ['Host', url.host];
  for (const [name, value] of Object.entries(request.headers)) {
    for (const line of typeof value === 'string' ? [value] : value) raw.push(name, line);
  }
  for (const [name, value] of extraHeaders) raw.push(name, value);
  if (request.body !== undefined) raw.push('Content-Length', String(Buffer.byteLength(request.body)));

  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method: request.method, path: request.path, headers: raw, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            durationMs: performance.now() - started,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}
