import { describe, expect, it } from 'vitest';
import {
  BrowserCheckFailure, DecisionReason, definePolicy, describeRefusal, explain, explainDecision, type PolicyInput, type RefusalReason,
} from '../src/index.js';
import { actualFacts, preflightFacts } from './helpers.js';

const input = {
  name: 'storefront-api',
  origins: ['https://myapp.com'],
  credentials: true,
  methods: ['GET', 'POST', 'PUT'],
  allowHeaders: ['Content-Type'],
  routes: [
    { path: '/public/**', origins: ['*'], credentials: false, methods: ['GET'] },
    { path: '/internal/**', disabled: true },
    { path: '/open/**', credentials: false },
    { path: '/write-only/**', methods: ['PUT'] },
  ],
} satisfies PolicyInput;
const policy = definePolicy(input);
const APP = 'https://myapp.com';

/** The refusal of a request that must be refused. */
function refusal(request: Parameters<typeof explain>[1]): RefusalReason {
  const result = explain(policy, request);
  expect(result.allowed).toBe(false);
  if (result.refusal === undefined) throw new Error('a refused explanation has a refusal');
  return result.refusal;
}

describe('explain() hands over why a request is refused as data', () => {
  it('an allowed request, and a request without Origin, have no refusal', () => {
    expect(explain(policy, { origin: APP, method: 'PUT', headers: ['Content-Type'], credentials: true }).refusal).toBeUndefined();
    expect(explain(policy, { path: '/x' }).refusal).toBeUndefined();
  });

  it('preflight: an origin the policy does not list', () => {
    expect(refusal({ origin: 'https://evil.example', method: 'PUT', path: '/api/items' })).toEqual({
      code: DecisionReason.OriginNotAllowed,
      stage: 'preflight',
      params: { origin: 'https://evil.example', method: 'PUT', path: '/api/items', credentials: false, route: undefined },
    });
  });

  it('preflight: the refused method, and the route rule that applied', () => {
    const r = refusal({ origin: APP, method: 'DELETE', path: '/public/feed' });
    expect(r).toMatchObject({ code: DecisionReason.MethodNotAllowed, stage: 'preflight', params: { method: 'DELETE', route: { index: 0, path: '/public/**' } } });
  });

  it('preflight: every refused header name, not the allowed ones', () => {
    const r = refusal({ origin: APP, method: 'POST', headers: ['X-Secret', 'Content-Type', 'Authorization'] });
    expect(r.code).toBe(DecisionReason.HeaderNotAllowed);
    expect(r.stage).toBe('preflight');
    expect(r.params.headers).toEqual(['authorization', 'x-secret']);
    expect(r.params.header).toBe('authorization');
  });

  it('preflight: a disabled route', () => {
    expect(refusal({ origin: APP, method: 'PUT', path: '/internal/metrics' })).toMatchObject({ code: DecisionReason.RouteDisabled, stage: 'preflight', params: { route: { index: 1, path: '/internal/**' } } });
  });

  it('actual: an unlisted origin, the null origin, a malformed origin', () => {
    expect(refusal({ origin: 'https://evil.example' })).toMatchObject({ code: DecisionReason.OriginNotAllowed, stage: 'actual', params: { origin: 'https://evil.example', method: 'GET' } });
    expect(refusal({ origin: 'null' })).toMatchObject({ code: DecisionReason.OriginNull, stage: 'actual' });
    expect(refusal({ origin: 'https://a.example, https://b.example' })).toMatchObject({ code: DecisionReason.OriginMalformed, stage: 'actual' });
  });

  it('actual: a safelisted method the route does not allow', () => {
    expect(refusal({ origin: APP, method: 'GET', path: '/write-only/x' })).toMatchObject({ code: DecisionReason.MethodNotAllowed, stage: 'actual', params: { method: 'GET', route: { index: 3, path: '/write-only/**' } } });
  });

  it('browser-check: "*" answered to a credentialed request', () => {
    expect(refusal({ origin: 'https://anyone.example', path: '/public/status', credentials: true })).toEqual({
      code: BrowserCheckFailure.WildcardWithCredentials,
      stage: 'browser-check',
      params: { origin: 'https://anyone.example', method: 'GET', path: '/public/status', credentials: true, route: { index: 0, path: '/public/**' }, allowOrigin: '*', checked: 'actual' },
    });
  });

  it('browser-check: credentials sent to a route that does not allow them, on the preflight answer', () => {
    expect(refusal({ origin: APP, method: 'PUT', path: '/open/x', credentials: true })).toMatchObject({
      code: BrowserCheckFailure.CredentialsNotAllowed,
      stage: 'browser-check',
      params: { checked: 'preflight', route: { index: 2, path: '/open/**' } },
    });
  });

  it('the summary is the refusal in words: no consumer needs to parse it', () => {
    for (const request of [
      { origin: 'https://evil.example', method: 'PUT' },
      { origin: APP, method: 'POST', headers: ['X-Secret'] },
      { origin: 'https://anyone.example', path: '/public/status', credentials: true },
      { origin: APP, method: 'PUT', path: '/open/x', credentials: true },
      { origin: 'null' },
    ]) {
      const result = explain(policy, request);
      expect(result.summary.endsWith(` — ${describeRefusal(result.refusal as RefusalReason)}.`)).toBe(true);
    }
  });

  it('explainDecision gives the refusal of a raw decision', () => {
    expect(explainDecision(policy, preflightFacts('https://evil.example', 'PUT', { path: '/a' })).refusal).toEqual({
      code: DecisionReason.OriginNotAllowed, stage: 'preflight', params: { origin: 'https://evil.example', method: 'PUT', path: '/a', credentials: false, route: undefined },
    });
    expect(explainDecision(policy, actualFacts(APP, 'GET', '/a')).refusal).toBeUndefined();
  });
});

describe('describeRefusal()', () => {
  const params = { origin: APP, method: 'PATCH', path: '/', credentials: true, route: undefined, header: 'x-secret', headers: ['x-secret'], allowOrigin: 'https://other.example' };

  it('has words for every code, naming the concrete values where the code has them', () => {
    for (const code of [...Object.values(DecisionReason), ...Object.values(BrowserCheckFailure)]) {
      expect(describeRefusal({ code, stage: 'actual', params })).toMatch(/^[a-zA-Z"(].{20,}/);
    }
    expect(describeRefusal({ code: BrowserCheckFailure.MethodNotInAllowMethods, stage: 'browser-check', params })).toBe('Access-Control-Allow-Methods does not include PATCH');
    expect(describeRefusal({ code: BrowserCheckFailure.HeaderNotInAllowHeaders, stage: 'browser-check', params })).toBe('Access-Control-Allow-Headers does not include x-secret');
    expect(describeRefusal({ code: BrowserCheckFailure.AllowOriginMismatch, stage: 'browser-check', params })).toBe('Access-Control-Allow-Origin is https://other.example, not https://myapp.com');
  });
});
