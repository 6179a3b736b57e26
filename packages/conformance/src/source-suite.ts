import {
  bindOriginSources, closeSources, compilePolicy, CorsPolicyError, definePolicy, loadCompiledPolicy, sourcesReady,
  type CorsDecisionEvent, type OriginSourceEvent, type OriginSourceProvider, type RuntimeCorsPolicy,
} from '@org/cors-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { DecisionEventTarget } from './decision-event-suite.js';
import { sendRequest, type ConformanceResponse } from './send-request.js';
import type { RunningTarget } from './target.js';
import type { VectorRequest } from './vector.js';

/*
 * Origin sources over real HTTP, for every adapter: the same target as the decision-event suite, given
 * a policy bound to providers that are valid, hostile, slow or failing. The adapter's only duties are
 * to refuse an unbound policy at mount and to await a lookup before deciding; everything else is
 * core's, and must come out of every host alike.
 */

const APP = 'https://app.example.com';
const TENANT = 'https://shop.customer.example';
const OTHER_TENANT = 'https://store.other.example';
const TIMEOUT_MS = 150;

/** Static origins with credentials; the tenants' source: GET only, no credentials (the default). */
export const sourcesPolicy = definePolicy({
  name: 'sources-api',
  origins: [APP, { source: 'tenants', methods: ['GET'], timeoutMs: TIMEOUT_MS, refreshSeconds: 60, description: 'Customer custom domains' }],
  credentials: true,
  methods: ['GET', 'PUT'],
  allowHeaders: ['Content-Type'],
});

const get = (origin: string | undefined): VectorRequest => ({ method: 'GET', path: '/items', headers: origin === undefined ? {} : { origin } });
const preflight = (origin: string, method: string): VectorRequest => ({
  method: 'OPTIONS',
  path: '/items',
  headers: { origin, 'access-control-request-method': method },
});

const acao = (response: ConformanceResponse) => response.headers['access-control-allow-origin'];
const varyTokens = (response: ConformanceResponse) => String(response.headers.vary ?? '').split(',').map((t) => t.trim()).filter(Boolean);

/** A list provider over a mutable array, counting its listings. */
function listOf(values: unknown[]): OriginSourceProvider & { calls: number } {
  const provider = { calls: 0, list: () => ((provider.calls += 1), values as string[]) };
  return provider;
}

export function runSourceSuite(target: DecisionEventTarget): void {
  describe(`origin sources: ${target.name}`, () => {
    const running: RunningTarget[] = [];
    const bound: RuntimeCorsPolicy[] = [];
    afterAll(async () => {
      for (const policy of bound) closeSources(policy);
      await Promise.all(running.map((r) => r.close()));
    });
    const bind = (providers: Record<string, OriginSourceProvider>, policy: RuntimeCorsPolicy = sourcesPolicy, onSourceEvent?: (e: OriginSourceEvent) => void) => {
      const policyBound = bindOriginSources(policy, providers, { onSourceEvent });
      bound.push(policyBound);
      return policyBound;
    };
    const start = async (policy: RuntimeCorsPolicy, options = {}) => {
      const server = await target.start(policy, options);
      running.push(server);
      return server.url;
    };

    it('a listed tenant origin is allowed with the source’s own rules: its methods, no credentials', async () => {
      const policy = bind({ tenants: listOf([TENANT]) });
      await sourcesReady(policy);
      const url = await start(policy);
      const allowed = await sendRequest(url, get(TENANT));
      expect(allowed.status).toBe(200);
      expect(acao(allowed)).toBe(TENANT);
      expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
      expect(varyTokens(allowed)).toContain('Origin');
      const putFromTenant = await sendRequest(url, preflight(TENANT, 'PUT'));
      expect(acao(putFromTenant)).toBeUndefined();
      const putFromApp = await sendRequest(url, preflight(APP, 'PUT'));
      expect(putFromApp.status).toBe(204);
      expect(putFromApp.headers['access-control-allow-credentials']).toBe('true');
      const stranger = await sendRequest(url, get(OTHER_TENANT));
      expect(stranger.status).toBe(200); // a refused simple request still runs on the server
      expect(acao(stranger)).toBeUndefined();
      expect(varyTokens(stranger)).toContain('Origin');
    });

    it('hostile values from a provider are dropped and reported, never widen the policy', async () => {
      const dropped: string[] = [];
      const hostile = ['*', 'null', 'https://*.customer.example', 'HTTPS://SHOP.CUSTOMER.EXAMPLE', `${TENANT}/path`, `${TENANT}.`, 'https://shop.customer.example:443', `https://${'a'.repeat(300)}.example`, 42, { origin: OTHER_TENANT }, null];
      const policy = bind({ tenants: listOf([...hostile, TENANT]) }, sourcesPolicy, (e) => {
        if (e.type === 'origin-dropped') dropped.push(String(e.value));
      });
      await sourcesReady(policy);
      const url = await start(policy);
      expect(acao(await sendRequest(url, get(TENANT)))).toBe(TENANT);
      for (const origin of [OTHER_TENANT, 'https://evil.example', 'null', 'https://x.customer.example']) {
        expect(acao(await sendRequest(url, get(origin))), origin).toBeUndefined();
      }
      expect(dropped).toHaveLength(hostile.length);
    });

    it('a lookup source is asked before the answer, and its yes and no both hold', async () => {
      const asked: string[] = [];
      const policy = bind({ tenants: { has: async (origin: string) => (asked.push(origin), origin === TENANT) } });
      const url = await start(policy);
      expect(acao(await sendRequest(url, get(TENANT)))).toBe(TENANT);
      expect(acao(await sendRequest(url, get(OTHER_TENANT)))).toBeUndefined();
      const preflightAllowed = await sendRequest(url, preflight(TENANT, 'GET'));
      expect(preflightAllowed.status).toBe(204);
      expect(acao(preflightAllowed)).toBe(TENANT);
      // Static origins and requests without Origin never reach the provider; answers are cached.
      await sendRequest(url, get(APP));
      await sendRequest(url, get(undefined));
      expect(asked).toEqual([TENANT, OTHER_TENANT]);
    });

    it('a lookup that never answers is refused within the policy’s timeout, and the app still answers', async () => {
      const policy = bind({ tenants: { has: () => new Promise<boolean>(() => undefined) } });
      const url = await start(policy);
      const started = performance.now();
      const hung = await sendRequest(url, get(TENANT));
      const waited = performance.now() - started;
      expect(hung.status).toBe(200);
      expect(acao(hung)).toBeUndefined();
      expect(varyTokens(hung)).toContain('Origin');
      expect(waited).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
      expect(waited).toBeLessThan(TIMEOUT_MS + 2_000);
      const preflightHung = await sendRequest(url, preflight(OTHER_TENANT, 'GET'));
      expect(acao(preflightHung)).toBeUndefined();
      expect(acao(await sendRequest(url, get(APP)))).toBe(APP);
    });

    it('a failing provider fails closed: its origins are refused, static origins still allowed', async () => {
      const failingList = bind({ tenants: { list: () => Promise.reject(new Error('database down')) } });
      await sourcesReady(failingList);
      const failingLookup = bind({ tenants: { has: () => Promise.reject(new Error('database down')) } });
      for (const policy of [failingList, failingLookup]) {
        const url = await start(policy);
        expect(acao(await sendRequest(url, get(TENANT)))).toBeUndefined();
        expect(acao(await sendRequest(url, get(APP)))).toBe(APP);
      }
    });

    it('refuses to mount a policy whose sources are not bound, from authoring or compiled data', async () => {
      const compiled = loadCompiledPolicy(JSON.parse(JSON.stringify(compilePolicy(sourcesPolicy))));
      for (const policy of [sourcesPolicy, compiled]) {
        const error = await start(policy).then(() => undefined, (thrown: unknown) => thrown);
        expect(error).toBeInstanceOf(CorsPolicyError);
        expect((error as CorsPolicyError).issues.map((i) => i.code)).toEqual(['origins/source-unbound']);
      }
    });

    it('report-only: a candidate with a lookup source is asked too, and its differences are reported', async () => {
      const events: CorsDecisionEvent[] = [];
      const candidate = bind({ tenants: { has: async (origin: string) => origin === TENANT } }, definePolicy({
        name: 'sources-api-v2',
        origins: [APP, { source: 'tenants', methods: ['GET'] }],
        credentials: true,
        methods: ['GET', 'PUT'],
        allowHeaders: ['Content-Type'],
      }));
      const enforced = definePolicy({ name: 'sources-api-v1', origins: [APP], credentials: true, methods: ['GET', 'PUT'], allowHeaders: ['Content-Type'] });
      const url = await start(enforced, { onDecision: (e: CorsDecisionEvent) => events.push(e), reportOnly: candidate });
      const response = await sendRequest(url, get(TENANT));
      expect(acao(response)).toBeUndefined();
      expect(events.filter((e) => e.reportOnly)).toEqual([expect.objectContaining({ change: 'would-allow', origin: TENANT, policy: 'sources-api-v2' })]);
    });
  });
}
