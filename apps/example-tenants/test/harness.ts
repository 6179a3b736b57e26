import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { OriginSourceEvent } from '@org/cors-core';
import { startTenantService, type RunningTenantService } from '../src/server.js';
import type { TenantStore } from '../src/tenant-store.js';

/** What a test reads back: the status, the lower-cased headers and the body. */
export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** One HTTP request over loopback (node:http, so `Origin` is sent exactly as given). */
export function call(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

export const ADMIN_PAGE = 'http://127.0.0.1:4000';

export interface TestService extends RunningTenantService {
  readonly sourceEvents: OriginSourceEvent[];
  readonly warnings: { object: object; message: string }[];
}

/** The real service on a free loopback port, its logs collected instead of printed. */
export async function startForTest(store: TenantStore, { admin = true }: { admin?: boolean } = {}): Promise<TestService> {
  const sourceEvents: OriginSourceEvent[] = [];
  const warnings: { object: object; message: string }[] = [];
  const running = await startTenantService({
    store,
    admin,
    adminOrigins: [ADMIN_PAGE],
    port: 0,
    onSourceEvent: (event) => sourceEvents.push(event),
    log: { info: () => undefined, warn: (object, message) => warnings.push({ object, message }) },
  });
  return { ...running, sourceEvents, warnings };
}

/** Whether a GET /api/products from `origin` may be read by that page (ACAO names it). */
export async function callable(service: { url: string }, origin: string): Promise<boolean> {
  const reply = await call(`${service.url}/api/products`, { headers: { Origin: origin } });
  return reply.headers['access-control-allow-origin'] === origin;
}

/** Polls `check` every 20 ms; resolves with the milliseconds from `since` until it held, rejects after `timeoutMs`. */
export async function msUntil(check: () => Promise<boolean>, what: string, since: number, timeoutMs = 10_000): Promise<number> {
  for (;;) {
    if (await check()) return performance.now() - since;
    if (performance.now() - since > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
