import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compilePolicy, definePolicy, loadCompiledPolicy, type PolicyInput } from '../src/index.js';
import {
  CONTINUE, REFUSAL_HEADER, bindOriginSources, closeSources, corsDecider, observedNodeCorsHandler, prepareOrigin, requestFacts, sourcesReady, writeNodeDecision,
  type CorsDecisionEvent, type NodeRequestHeaders, type RuntimeCorsPolicy,
} from '../src/runtime.js';
import { RecordingResponse } from './helpers.js';

/*
 * observedNodeCorsHandler decides actual requests on a fused path (precomputed answers, no facts, a
 * candidate's decision built only when it may differ). These properties hold it equal to the general
 * path — corsDecider + writeNodeDecision with the same options — in what it writes, the status it
 * returns, and every event it emits, in order.
 */

const enforcedInput: PolicyInput = {
  name: 'api', origins: ['https://app.example.com', 'https://*.tenant.example.com', { source: 'tenant-domains', methods: ['GET', 'POST'] }],
  credentials: true, methods: ['GET', 'PUT', 'POST'], allowHeaders: ['Content-Type'], exposeHeaders: ['X-Request-Id'], maxAge: 600,
  routes: [{ path: '/admin/**', disabled: true }, { path: '/public/**', origins: ['*'], credentials: false }, { path: '/partners/*/feed', origins: ['https://partner.example'] }],
  acknowledgements: [{ rule: 'origins/source-with-credentials', value: 'tenant-domains', reason: 'Signed-in storefronts.' }],
};

/** Candidates that agree with the enforced policy on some requests and differ on others, each in its own way. */
const candidateInputs: readonly PolicyInput[] = [
  { ...enforcedInput, name: 'fewer-methods', methods: ['GET'] },
  { ...enforcedInput, name: 'no-credentials', credentials: false, acknowledgements: [] },
  { ...enforcedInput, name: 'fewer-exposed', exposeHeaders: [] },
  { ...enforcedInput, name: 'more-origins', origins: [...enforcedInput.origins, 'https://partner.example', 'https://evil.example'] },
  { ...enforcedInput, name: 'public-everywhere', routes: [{ path: '/**', origins: ['*'], credentials: false }] },
  // Different route patterns: one more rule, or as many rules with one pattern changed — each request's
  // candidate rule must be matched on its own (`/other/x` falls to the top level only in the enforced policy).
  { ...enforcedInput, name: 'extra-route', routes: [...enforcedInput.routes!, { path: '/other/**', origins: ['https://evil.example'] }] },
  { ...enforcedInput, name: 'route-replaced', routes: enforcedInput.routes!.map((r) => (r.path === '/public/**' ? { path: '/other/**', origins: ['https://evil.example'] } : r)) },
  {
    ...enforcedInput, name: 'all-routes-replaced',
    routes: [{ path: '/x/**', disabled: true }, { path: '/y/**', origins: ['*'], credentials: false }, { path: '/other/**', origins: ['https://evil.example'] }],
  },
  // The same route patterns, one rule widened: the fused path reuses the enforced policy's route match.
  { ...enforcedInput, name: 'partner-feed-widened', routes: enforcedInput.routes!.map((r) => (r.path === '/partners/*/feed' ? { ...r, origins: ['https://partner.example', 'https://evil.example'] } : r)) },
  { name: 'any-origin', origins: ['*'], methods: ['GET', 'HEAD'] },
  { ...enforcedInput, name: 'looked-up', origins: ['https://app.example.com', { source: 'looked-up', credentials: true }], acknowledgements: [{ rule: 'origins/source-with-credentials', value: 'looked-up', reason: 'Partner portals.' }] },
];

const request = fc.record({
  method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'patch'),
  url: fc.constantFrom('/', '/items?x=1', '/admin/users', '/public/feed', '/partners/acme/feed', '/other/x', 'http://host/public/a#f'),
  origin: fc.oneof(
    fc.constantFrom(
      'https://app.example.com', 'https://a.tenant.example.com', 'https://shop.customer.example', 'https://x.partner.example', 'https://uncached.partner.example',
      'https://partner.example', 'https://evil.example', 'null', '', 'https://app.example.com, https://evil.example', 'https://app.example.com\u0000\u202e',
    ),
    fc.constant(undefined),
    fc.constant(['https://app.example.com', 'https://evil.example'] as const),
  ),
  acrm: fc.option(fc.constantFrom('PUT', 'GET', 'bad method'), { nil: undefined }),
  acrh: fc.option(fc.constantFrom('content-type', 'x-other'), { nil: undefined }),
});

const providers = {
  'tenant-domains': { list: () => ['https://shop.customer.example'] },
  'looked-up': { has: (origin: string) => origin.endsWith('.partner.example') && !origin.startsWith('https://uncached.') },
};

/** A policy in both loaded forms, bound to the providers it declares. */
function loadedForms(input: PolicyInput): RuntimeCorsPolicy[] {
  const authored = definePolicy(input);
  const declared = [input.origins, ...(input.routes ?? []).map((r) => r.origins ?? [])].flat().flatMap((o) => (typeof o === 'string' ? [] : [o.source]));
  const bindings = Object.fromEntries(declared.map((name) => [name, providers[name as keyof typeof providers]]));
  return [authored, loadCompiledPolicy(compilePolicy(authored))].map((p) => (declared.length === 0 ? p : bindOriginSources(p, bindings)));
}

const enforced = loadedForms(enforcedInput);
const candidates = candidateInputs.map(loadedForms);
const bound = [...enforced, ...candidates.flat()];

beforeAll(async () => {
  await Promise.all(bound.map(sourcesReady));
  // Cache the lookup answers the generator's origins need: the property compares answers, not waiting.
  for (const p of bound) for (const path of ['/', '/items', '/partners/acme/feed']) for (const o of ['https://x.partner.example', 'https://evil.example']) await prepareOrigin(p, o, path);
});
afterAll(() => bound.forEach(closeSources));

describe('observedNodeCorsHandler writes and reports exactly what the general path does', () => {
  it.each(candidateInputs.map((c, i) => [c.name, i] as const))('report-only candidate %s, both loaded forms', (_name, index) => {
    fc.assert(
      fc.property(request, fc.constantFrom(0, 1), fc.constantFrom(0, 1), (r, form, candidateForm) => {
        const policy = enforced[form]!;
        const reportOnly = candidates[index]![candidateForm]!;
        const headers: Record<string, string | readonly string[] | undefined> = { origin: r.origin };
        if (r.acrm !== undefined) headers['access-control-request-method'] = r.acrm;
        if (r.acrh !== undefined) headers['access-control-request-headers'] = r.acrh;
        const fusedEvents: CorsDecisionEvent[] = [];
        const generalEvents: CorsDecisionEvent[] = [];
        const fused = new RecordingResponse();
        const general = new RecordingResponse();
        const status = observedNodeCorsHandler(policy, { onDecision: (e) => fusedEvents.push(e), reportOnly })(r.method, r.url, headers as NodeRequestHeaders, fused);
        const decision = corsDecider(policy, { onDecision: (e) => generalEvents.push(e), reportOnly })(requestFacts(r.method, r.url, (n) => headers[n]));
        writeNodeDecision(general, decision);
        expect([...fused.headers]).toEqual([...general.headers]);
        expect(status).toBe(decision.end ? decision.status : CONTINUE);
        expect(fusedEvents).toStrictEqual(generalEvents);
      }),
      { numRuns: 600 },
    );
  });

  it('with onDecision alone', () => {
    fc.assert(
      fc.property(request, fc.constantFrom(0, 1), (r, form) => {
        const headers = { origin: r.origin, 'access-control-request-method': r.acrm, 'access-control-request-headers': r.acrh };
        const fusedEvents: CorsDecisionEvent[] = [];
        const generalEvents: CorsDecisionEvent[] = [];
        observedNodeCorsHandler(enforced[form]!, { onDecision: (e) => fusedEvents.push(e) })(r.method, r.url, headers as NodeRequestHeaders, new RecordingResponse());
        corsDecider(enforced[form]!, { onDecision: (e) => generalEvents.push(e) })(requestFacts(r.method, r.url, (n) => headers[n as keyof typeof headers]));
        expect(fusedEvents).toStrictEqual(generalEvents);
      }),
      { numRuns: 600 },
    );
  });

  it.each([
    ['extra-route', '/other/x'], ['route-replaced', '/other/x'], ['all-routes-replaced', '/other/x'], ['partner-feed-widened', '/partners/acme/feed'],
  ])('reports that candidate %s would allow https://evil.example on %s, which the enforced policy refuses', (name, path) => {
    const events: CorsDecisionEvent[] = [];
    const reportOnly = candidates[candidateInputs.findIndex((c) => c.name === name)]![1]!;
    const res = new RecordingResponse();
    observedNodeCorsHandler(enforced[1]!, { onDecision: (e) => events.push(e), reportOnly })('GET', path, { origin: 'https://evil.example' }, res);
    expect(res.getHeader('access-control-allow-origin')).toBeUndefined();
    expect(events).toMatchObject([
      { kind: 'actual-refused', reason: 'origin-not-allowed', reportOnly: false },
      { kind: 'actual-allowed', reason: 'origin-allowed', policy: name, reportOnly: true, change: 'would-allow' },
    ]);
  });

  it('logs a throwing onDecision once per adapter, whether the fused or the general path (a preflight) met it first', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const handle = observedNodeCorsHandler(enforced[1]!, { onDecision: () => { throw new Error('hook broke'); } });
      expect(handle('GET', '/items', { origin: 'https://app.example.com' }, new RecordingResponse())).toBe(CONTINUE);
      const preflight = { origin: 'https://app.example.com', 'access-control-request-method': 'PUT' };
      expect(handle('OPTIONS', '/items', preflight, new RecordingResponse())).toBe(204);
      expect(logged).toHaveBeenCalledTimes(1);
    } finally {
      logged.mockRestore();
    }
  });

  it('in developer mode (alone or with onDecision), refusals name their cause on actual requests too', () => {
    for (const options of [{ developerMode: true, env: {} }, { developerMode: true, env: {}, onDecision: () => {} }]) {
      const res = new RecordingResponse();
      expect(observedNodeCorsHandler(enforced[1]!, options)('DELETE', '/items', { origin: 'https://app.example.com' }, res)).toBe(CONTINUE);
      expect(res.getHeader(REFUSAL_HEADER)).toBe('method-not-allowed');
      expect(res.getHeader('access-control-allow-origin')).toBeUndefined();
    }
  });

  it('reports a candidate that would refuse a caller the enforced policy allows (the fused path compares, then reports)', () => {
    const events: CorsDecisionEvent[] = [];
    const handle = observedNodeCorsHandler(enforced[1]!, { onDecision: (e) => events.push(e), reportOnly: candidates[0]![1]! });
    const res = new RecordingResponse();
    expect(handle('PUT', '/items', { origin: 'https://app.example.com' }, res)).toBe(CONTINUE);
    expect(res.getHeader('access-control-allow-origin')).toBe('https://app.example.com');
    expect(events).toMatchObject([
      { kind: 'actual-allowed', reason: 'origin-allowed', method: 'PUT', policy: 'api', reportOnly: false },
      { kind: 'actual-refused', reason: 'method-not-allowed', policy: 'fewer-methods', reportOnly: true, change: 'would-refuse', enforced: { kind: 'actual-allowed', reason: 'origin-allowed' } },
    ]);
  });
});
