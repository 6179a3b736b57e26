import { describe, expect, it } from 'vitest';
import { definePolicy, type PolicyInput } from '../src/index.js';
import { compareDecisions, reportOnlyEvent, resolveCors, type CorsDecision, type RequestFacts } from '../src/runtime.js';
import { actualFacts, preflightFacts } from './helpers.js';

/*
 * Report-only against hand-written expectations: for each candidate and request, what a browser would
 * see change (`would-refuse`, `would-allow`, `would-change`) or nothing. The Node handler's property
 * tests compare its fused path with this function, so these are the tests that pin what it means.
 */

const enforcedInput = {
  name: 'api',
  origins: ['https://app.example.com'],
  credentials: true,
  methods: ['GET', 'PUT'],
  allowHeaders: ['Content-Type'],
  exposeHeaders: ['X-Request-Id'],
  maxAge: 600,
} satisfies PolicyInput;
const enforced = definePolicy(enforcedInput);
const candidate = (changes: Partial<PolicyInput>) => definePolicy({ ...enforcedInput, name: 'candidate', ...changes } as PolicyInput);

const APP = 'https://app.example.com';
const PARTNER = 'https://partner.example';

type Expected = { change: 'would-refuse' | 'would-allow' | 'would-change'; kind: string; reason: string } | undefined;

const cases: ReadonlyArray<readonly [string, Partial<PolicyInput>, RequestFacts, Expected]> = [
  ['the same answer to an allowed request', { methods: ['GET', 'PUT'] }, actualFacts(APP, 'GET'), undefined],
  ['the same refusal', { methods: ['GET'] }, actualFacts(PARTNER, 'GET'), undefined],
  ['two refusals for different reasons', { origins: [APP, PARTNER], methods: ['GET'] }, actualFacts(PARTNER, 'DELETE'), undefined],
  ['a method the candidate drops', { methods: ['GET'] }, actualFacts(APP, 'PUT'), { change: 'would-refuse', kind: 'actual-refused', reason: 'method-not-allowed' }],
  ['an origin the candidate adds', { origins: [APP, PARTNER] }, actualFacts(PARTNER, 'GET'), { change: 'would-allow', kind: 'actual-allowed', reason: 'origin-allowed' }],
  ['every origin, without credentials, for a refused one', { origins: ['*'], credentials: false }, actualFacts(PARTNER, 'GET'), { change: 'would-allow', kind: 'actual-allowed', reason: 'any-origin' }],
  ['credentials dropped', { credentials: false }, actualFacts(APP, 'GET'), { change: 'would-change', kind: 'actual-allowed', reason: 'origin-allowed' }],
  ['another exposed header (as many headers, another value)', { exposeHeaders: ['X-Total'] }, actualFacts(APP, 'GET'), { change: 'would-change', kind: 'actual-allowed', reason: 'origin-allowed' }],
  ['`*` in place of the echoed origin', { origins: ['*'], credentials: false, exposeHeaders: ['X-Request-Id'] }, actualFacts(APP, 'GET'), { change: 'would-change', kind: 'actual-allowed', reason: 'any-origin' }],
  ['the same preflight answer', { methods: ['GET', 'PUT'] }, preflightFacts(APP, 'PUT', { headers: 'content-type' }), undefined],
  ['the same preflight refusal', { methods: ['GET'] }, preflightFacts(PARTNER, 'PUT'), undefined],
  ['a header the candidate drops, on a preflight', { allowHeaders: [] }, preflightFacts(APP, 'PUT', { headers: 'content-type' }), { change: 'would-refuse', kind: 'preflight-refused', reason: 'header-not-allowed' }],
  ['a shorter max-age, on a preflight', { maxAge: 60 }, preflightFacts(APP, 'PUT'), { change: 'would-change', kind: 'preflight-allowed', reason: 'origin-allowed' }],
  ['a method the candidate adds, on a preflight', { methods: ['GET', 'PUT', 'DELETE'] }, preflightFacts(APP, 'DELETE'), { change: 'would-allow', kind: 'preflight-allowed', reason: 'origin-allowed' }],
  ['a request without Origin', { origins: ['*'], credentials: false }, actualFacts(undefined), undefined],
];

describe('reportOnlyEvent reports what a browser would see change, and nothing else', () => {
  it.each(cases)('%s', (_name, changes, facts, expected) => {
    const event = reportOnlyEvent(candidate(changes), facts, resolveCors(enforced, facts));
    if (expected === undefined) {
      expect(event).toBeUndefined();
      return;
    }
    const answered = resolveCors(enforced, facts);
    expect(event).toMatchObject({ ...expected, reportOnly: true, policy: 'candidate', enforced: { kind: answered.kind, reason: answered.reason } });
  });
});

describe('compareDecisions', () => {
  const allowed = resolveCors(enforced, actualFacts(APP));
  const refused = resolveCors(enforced, actualFacts(PARTNER));
  const notCors = resolveCors(enforced, actualFacts(undefined));

  it('sees no change when either side is not a CORS request (no Origin)', () => {
    const pairs: Array<readonly [CorsDecision, CorsDecision]> = [[notCors, allowed], [allowed, notCors], [notCors, refused], [refused, notCors]];
    for (const [a, b] of pairs) expect(compareDecisions(a, b)).toBeUndefined();
  });

  it('sees a change when only a header name differs (`Access-Control-Expose-Headers: true` in place of `-Allow-Credentials: true`)', () => {
    const withCredentials = definePolicy({ name: 'a', origins: [APP], credentials: true });
    const exposingTrue = definePolicy({ name: 'b', origins: [APP], exposeHeaders: ['true'] });
    const [a, b] = [withCredentials, exposingTrue].map((p) => resolveCors(p, actualFacts(APP))) as [CorsDecision, CorsDecision];
    expect(a.headers.map(([, value]) => value)).toEqual(b.headers.map(([, value]) => value));
    expect(compareDecisions(a, b)).toBe('would-change');
  });

  it('names the direction of a change between allowed and refused, and none between two refusals', () => {
    expect(compareDecisions(allowed, refused)).toBe('would-refuse');
    expect(compareDecisions(refused, allowed)).toBe('would-allow');
    expect(compareDecisions(refused, resolveCors(enforced, actualFacts('null')))).toBeUndefined();
    expect(compareDecisions(allowed, resolveCors(enforced, actualFacts(APP, 'PUT')))).toBeUndefined();
  });
});
