import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, definePolicy, loadCompiledPolicy, type PolicyInput } from '../src/index.js';
import { CONTINUE, nodeCorsHandler, requestFacts, resolveCors, writeNodeDecision, type NodeRequestHeaders } from '../src/runtime.js';

/** A Node-like response that records what was written (names case-insensitive, as in Node). */
class RecordingResponse {
  readonly headers = new Map<string, string>();
  setHeader(name: string, value: string): void {
    this.headers.set(name.toLowerCase(), value);
  }
  getHeader(name: string): string | undefined {
    return this.headers.get(name.toLowerCase());
  }
  writeHead(): void {}
}

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

describe('nodeCorsHandler writes exactly what resolveCors + writeNodeDecision write', () => {
  it.each(policies.map((p) => [p.name, p] as const))('%s policy, both loaded forms', (_name, input) => {
    const loaded = [definePolicy(input), loadCompiledPolicy(compilePolicy(definePolicy(input)))];
    const handlers = loaded.map(nodeCorsHandler);
    fc.assert(
      fc.property(request, fc.constantFrom(0, 1), (r, form) => {
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
  });
});
