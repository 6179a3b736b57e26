import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compilePolicy, definePolicy, loadCompiledPolicy, type PolicyInput } from '../src/index.js';
import {
  CONTINUE, bindOriginSources, closeSources, nodeCorsHandler, prepareOrigin, requestFacts, resolveCors, sourcesReady, writeNodeDecision,
  type NodeRequestHeaders, type RuntimeCorsPolicy,
} from '../src/runtime.js';
import { RecordingResponse } from './helpers.js';

const policies: PolicyInput[] = [
  { name: 'credentialed', origins: ['https://app.example.com', 'https://*.tenant.example.com'], credentials: true, methods: ['GET', 'PUT'], allowHeaders: ['Content-Type'], exposeHeaders: ['X-Request-Id'], maxAge: 600 },
  { name: 'public', origins: ['*'], exposeHeaders: ['X-Total'] },
  {
    name: 'routed', origins: ['https://app.example.com'], methods: ['GET', 'POST'],
    routes: [{ path: '/admin/**', disabled: true }, { path: '/public/**', origins: ['*'] }, { path: '/partners/*/feed', origins: ['https://partner.example'], credentials: true }],
  },
  // Every scope answers a request without Origin alike (no headers, `Vary: Origin`): the handler skips route matching for it.
  {
    name: 'routed-alike', origins: ['https://app.example.com'], methods: ['GET', 'POST'],
    routes: [{ path: '/partners/*/feed', origins: ['https://partner.example'], credentials: true }, { path: '/admin/**', origins: ['https://admin.example'], methods: ['DELETE'] }],
  },
];

const origin = fc.oneof(
  fc.constantFrom('https://app.example.com', 'https://a.tenant.example.com', 'https://partner.example', 'https://evil.example', 'null', '', 'https://app.example.com, https://evil.example'),
  fc.constant(undefined),
  fc.constant(['https://app.example.com', 'https://evil.example'] as const),
);
const request = fc.record({
  method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'patch'),
  url: fc.constantFrom('/', '/items?x=1', '/admin/users', '/ADMIN/x/', '/public/feed', '/partners/acme/feed', '/partners/acme/feed/x', 'http://host/public/a#f'),
  origin,
  acrm: fc.option(fc.constantFrom('PUT', 'DELETE', 'GET', 'bad method'), { nil: undefined }),
  acrh: fc.option(fc.constantFrom('content-type', 'x-other', 'content-type, authorization'), { nil: undefined }),
  preVary: fc.option(fc.constantFrom('Accept-Encoding', 'origin', '*'), { nil: undefined }),
});

type GeneratedRequest = Omit<typeof request extends fc.Arbitrary<infer R> ? R : never, 'origin'> & { origin: string | readonly string[] | undefined };

/** Asserts, over generated requests, that the fused handler and the general path write alike for each policy form. */
function assertSameWrites(loaded: readonly RuntimeCorsPolicy[], requests: fc.Arbitrary<GeneratedRequest>): void {
  const handlers = loaded.map(nodeCorsHandler);
  fc.assert(
    fc.property(requests, fc.constantFrom(...loaded.keys()), (r, form) => {
      const policy = loaded[form]!;
      const headers: Record<string, string | readonly string[] | undefined> = { origin: r.origin };
      if (r.acrm !== undefined) headers['access-control-request-method'] = r.acrm;
      if (r.acrh !== undefined) headers['access-control-request-headers'] = r.acrh;
      const fused = new RecordingResponse();
      const general = new RecordingResponse();
      if (r.preVary !== undefined) {
        fused.setHeader('Vary', r.preVary);
        general.setHeader('Vary', r.preVary);
      }
      const status = handlers[form]!(r.method, r.url, headers as NodeRequestHeaders, fused);
      const decision = resolveCors(policy, requestFacts(r.method, r.url, (name) => headers[name]));
      writeNodeDecision(general, decision);
      expect([...fused.headers]).toEqual([...general.headers]);
      expect(status).toBe(decision.end ? decision.status : CONTINUE);
    }),
    { numRuns: 2000 },
  );
}

describe('nodeCorsHandler writes exactly what resolveCors + writeNodeDecision write', () => {
  it.each(policies.map((p) => [p.name, p] as const))('%s policy, both loaded forms', (_name, input) => {
    assertSameWrites([definePolicy(input), loadCompiledPolicy(compilePolicy(definePolicy(input)))], request);
  });
});

describe('nodeCorsHandler with origin sources writes exactly what the general path writes', () => {
  const input: PolicyInput = {
    name: 'tenants', origins: ['https://app.example.com', { source: 'tenant-domains', methods: ['GET', 'POST'] }, { source: 'looked-up', credentials: true }],
    credentials: true, methods: ['GET', 'PUT', 'POST'], allowHeaders: ['Content-Type'], exposeHeaders: ['X-Request-Id'], maxAge: 600,
    routes: [{ path: '/partners/*/feed', origins: ['https://partner.example', { source: 'tenant-domains', methods: ['GET'] }] }, { path: '/admin/**', disabled: true }],
    acknowledgements: [{ rule: 'origins/source-with-credentials', value: 'looked-up', reason: 'Signed-in partner portals.' }],
  };
  const forms = [definePolicy(input), loadCompiledPolicy(compilePolicy(definePolicy(input)))];
  const bound = forms.map((p) => bindOriginSources(p, {
    'tenant-domains': { list: () => ['https://shop.customer.example', 'https://b.customer.example'] },
    'looked-up': { has: (origin) => origin.endsWith('.partner.example') },
  }));
  afterAll(() => bound.forEach(closeSources));
  const sourceRequest = request.chain((r) => fc.constantFrom('https://shop.customer.example', 'https://b.customer.example', 'https://x.partner.example', 'https://uncached.partner.example', 'https://evil.example', 'https://Shop.customer.example', r.origin).map((origin) => ({ ...r, origin })));

  it('bound (list source listed, lookup answers cached and missing), and unbound', async () => {
    await Promise.all(bound.map(sourcesReady));
    for (const p of bound) for (const path of ['/', '/partners/acme/feed']) for (const o of ['https://x.partner.example', 'https://evil.example']) await prepareOrigin(p, o, path);
    assertSameWrites([...bound, ...forms], sourceRequest);
  });
});
