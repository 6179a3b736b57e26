import { definePolicy, type CorsDecisionEvent, type CorsEventOptions, type RuntimeCorsPolicy } from '@org/cors-core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { sendRequest, type ConformanceResponse } from './send-request.js';
import type { RunningTarget } from './target.js';
import type { VectorRequest } from './vector.js';

/**
 * A host under test for decision events, report-only and developer mode: starts a real server on
 * 127.0.0.1 with the adapter configured with `policy` and `options`, in front of an app that answers
 * every path with 200 `ok`.
 */
export interface DecisionEventTarget {
  readonly name: string;
  start(policy: RuntimeCorsPolicy, options: CorsEventOptions): Promise<RunningTarget>;
}

/** The enforced policy of the suite. */
export const eventsPolicy = definePolicy({
  name: 'events-api',
  origins: ['https://app.example.com'],
  credentials: true,
  methods: ['GET', 'PUT'],
  allowHeaders: ['Content-Type'],
  routes: [{ path: '/public/**', origins: ['*'], credentials: false }],
});

/** The candidate: PUT dropped, a partner origin added. */
export const eventsCandidate = definePolicy({
  name: 'events-api-v2',
  origins: ['https://app.example.com', 'https://partner.example'],
  credentials: true,
  methods: ['GET'],
  allowHeaders: ['Content-Type'],
  routes: [{ path: '/public/**', origins: ['*'], credentials: false }],
});

const APP = 'https://app.example.com';
const get = (origin: string | undefined, path = '/items'): VectorRequest => ({ method: 'GET', path, headers: origin === undefined ? {} : { origin } });
const preflight = (origin: string, method: string, requestHeaders?: string, path = '/items'): VectorRequest => ({
  method: 'OPTIONS',
  path,
  headers: { origin, 'access-control-request-method': method, ...(requestHeaders === undefined ? {} : { 'access-control-request-headers': requestHeaders }) },
});

/** The CORS part of a response: status and every `access-control-*`, `vary` and `cors-policy-refusal` header. */
function corsPart(response: ConformanceResponse): Record<string, unknown> {
  const headers = Object.entries(response.headers).filter(([name]) => name.startsWith('access-control-') || name === 'vary' || name === 'cors-policy-refusal');
  return { status: response.status, ...Object.fromEntries(headers.sort(([a], [b]) => a.localeCompare(b))) };
}

/**
 * One suite, every adapter: `onDecision` receives the right record for allowed, refused and preflight
 * requests; report-only produces events only on differences and never changes a response; a throwing
 * hook never breaks one; developer mode changes headers only as documented and refuses to load under
 * `NODE_ENV=production`.
 */
export function runDecisionEventSuite(target: DecisionEventTarget): void {
  describe(`decision events, report-only and developer mode: ${target.name}`, () => {
    const running: RunningTarget[] = [];
    afterAll(async () => {
      await Promise.all(running.map((r) => r.close()));
    });
    const start = async (options: CorsEventOptions) => {
      const server = await target.start(eventsPolicy, options);
      running.push(server);
      return server.url;
    };

    it('gives onDecision one record per CORS request: allowed, refused, preflight; none without Origin', async () => {
      const events: CorsDecisionEvent[] = [];
      const url = await start({ onDecision: (e) => events.push(e) });
      await sendRequest(url, get(APP));
      await sendRequest(url, get('https://evil.example'));
      await sendRequest(url, preflight(APP, 'PUT', 'content-type'));
      await sendRequest(url, preflight(APP, 'PATCH', undefined, '/public/x'));
      await sendRequest(url, get(undefined));
      const common = { policy: 'events-api', environment: null, reportOnly: false };
      expect(events).toEqual([
        { ...common, kind: 'actual-allowed', reason: 'origin-allowed', origin: APP, method: 'GET', path: '/items', route: null },
        { ...common, kind: 'actual-refused', reason: 'origin-not-allowed', origin: 'https://evil.example', method: 'GET', path: '/items', route: null },
        { ...common, kind: 'preflight-allowed', reason: 'origin-allowed', origin: APP, method: 'PUT', path: '/items', route: null, requestHeaders: 'content-type' },
        { ...common, kind: 'preflight-refused', reason: 'method-not-allowed', origin: APP, method: 'PATCH', path: '/public/x', route: '/public/**' },
      ]);
    });

    it('escapes and caps a hostile Origin in the record', async () => {
      const events: CorsDecisionEvent[] = [];
      const url = await start({ onDecision: (e) => events.push(e) });
      // U+009B is the 8-bit CSI (a terminal escape); HTTP clients refuse to send C0 controls such as ESC.
      await sendRequest(url, get(`https://evil.example\u009b31m${'x'.repeat(3000)}`));
      expect(events).toHaveLength(1);
      expect(events[0]?.origin).toMatch(/^https:\/\/evil\.example\\u009b31mx+…\(\+\d+\)$/);
      expect(events[0]?.origin.length).toBeLessThan(300);
    });

    it('report-only: events only where the candidate differs, and responses exactly as without it', async () => {
      const events: CorsDecisionEvent[] = [];
      const plain = await start({});
      const observed = await start({ onDecision: (e) => events.push(e), reportOnly: eventsCandidate });
      const requests = [get(APP), get('https://partner.example'), get('https://evil.example'), preflight(APP, 'PUT'), preflight(APP, 'GET', 'content-type'), get(undefined)];
      for (const request of requests) {
        expect(corsPart(await sendRequest(observed, request))).toEqual(corsPart(await sendRequest(plain, request)));
      }
      expect(events.filter((e) => e.reportOnly)).toEqual([
        expect.objectContaining({ change: 'would-allow', origin: 'https://partner.example', kind: 'actual-allowed', policy: 'events-api-v2', enforced: { kind: 'actual-refused', reason: 'origin-not-allowed' } }),
        expect.objectContaining({ change: 'would-refuse', origin: APP, method: 'PUT', kind: 'preflight-refused', reason: 'method-not-allowed', enforced: { kind: 'preflight-allowed', reason: 'origin-allowed' } }),
      ]);
      expect(events.filter((e) => !e.reportOnly)).toHaveLength(5);
    });

    it('a throwing onDecision never breaks the response; the error goes to onError', async () => {
      const errors: unknown[] = [];
      const url = await start({ onDecision: () => { throw new Error('hook broke'); }, onError: (e) => errors.push(e) });
      const allowed = await sendRequest(url, get(APP));
      expect(allowed.status).toBe(200);
      expect(allowed.body).toBe('ok');
      expect(allowed.headers['access-control-allow-origin']).toBe(APP);
      const answered = await sendRequest(url, preflight(APP, 'PUT'));
      expect(answered.status).toBe(204);
      expect(errors.map((e) => (e as Error).message)).toEqual(['hook broke', 'hook broke']);
    });

    it('developer mode: a preflight refused for its method or a header, from an allowed origin, names the cause', async () => {
      const url = await start({ developerMode: true });
      const method = await sendRequest(url, preflight(APP, 'PATCH'));
      expect(corsPart(method)).toEqual({
        status: 204,
        'access-control-allow-origin': APP,
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'GET, PUT',
        'access-control-allow-headers': 'content-type',
        'cors-policy-refusal': 'method-not-allowed',
        vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
      });
      const header = await sendRequest(url, preflight(APP, 'PUT', 'content-type, x-debug'));
      expect(header.status).toBe(204);
      expect(header.headers['access-control-allow-headers']).toBe('content-type');
      expect(header.headers['cors-policy-refusal']).toBe('header-not-allowed');
    });

    it('developer mode: never Access-Control-Allow-Origin for a refused origin or a refused actual request; allowed answers unchanged', async () => {
      const plain = await start({});
      const url = await start({ developerMode: true });
      const origin = await sendRequest(url, preflight('https://evil.example', 'PUT'));
      expect(corsPart(origin)).toEqual({ ...corsPart(await sendRequest(plain, preflight('https://evil.example', 'PUT'))), 'cors-policy-refusal': 'origin-not-allowed' });
      expect(origin.status).toBe(403);
      expect(origin.headers['access-control-allow-origin']).toBeUndefined();
      const actual = await sendRequest(url, { method: 'DELETE', path: '/items', headers: { origin: APP } });
      expect(actual.headers['access-control-allow-origin']).toBeUndefined();
      expect(actual.headers['cors-policy-refusal']).toBe('method-not-allowed');
      expect(actual.body).toBe('ok');
      for (const request of [get(APP), preflight(APP, 'PUT', 'content-type'), get(undefined)]) {
        expect(corsPart(await sendRequest(url, request))).toEqual(corsPart(await sendRequest(plain, request)));
      }
    });

    it('developer mode refuses to load when NODE_ENV is production', async () => {
      vi.stubEnv('NODE_ENV', 'production');
      try {
        await expect(Promise.resolve().then(() => target.start(eventsPolicy, { developerMode: true }))).rejects.toThrow(/NODE_ENV is "production"/);
      } finally {
        vi.unstubAllEnvs();
      }
    });
  });
}
