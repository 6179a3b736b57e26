import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compilePolicy, definePolicy, loadCompiledPolicy, type PolicyInput } from '../src/index.js';
import {
  CONTINUE, DeveloperModeError, REFUSAL_HEADER, assertDeveloperModeAllowed, compareDecisions, corsDecider, decisionEvent, decisionLogger,
  describeDecisionEvent, developerModeDecision, nodeCorsHandler, observedNodeCorsHandler, reportOnlyEvent, requestFacts, resolveCors,
  sanitizeEventValue, writeNodeDecision, type CorsDecisionEvent, type NodeRequestHeaders,
} from '../src/runtime.js';
import { RecordingResponse, actualFacts, header, preflightFacts } from './helpers.js';

const input = {
  name: 'api',
  origins: ['https://app.example.com'],
  credentials: true,
  methods: ['GET', 'PUT'],
  allowHeaders: ['Content-Type'],
  routes: [{ path: '/public/**', origins: ['*'], credentials: false }],
} satisfies PolicyInput;
const policy = definePolicy(input);
/** The stricter candidate: PUT dropped, partner added, credentials off on the top level. */
const candidate = definePolicy({ ...input, name: 'api-v2', origins: ['https://app.example.com', 'https://partner.example'], methods: ['GET'] });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('decisionEvent', () => {
  it('records an allowed actual request: kind, reason, origin, method, path, route, policy, environment', () => {
    const facts = actualFacts('https://app.example.com', 'GET', '/items');
    expect(decisionEvent(policy, facts, resolveCors(policy, facts))).toEqual({
      kind: 'actual-allowed', reason: 'origin-allowed', origin: 'https://app.example.com', method: 'GET', path: '/items',
      route: null, policy: 'api', environment: null, reportOnly: false,
    });
  });

  it('records a refused preflight with the method it asks for, its requested headers and the route rule that answered', () => {
    const facts = preflightFacts('https://evil.example', 'PUT', { headers: 'content-type', path: '/public/x' });
    expect(decisionEvent(policy, facts, resolveCors(policy, facts))).toMatchObject({
      kind: 'preflight-allowed', method: 'PUT', requestHeaders: 'content-type', route: '/public/**',
    });
    const refused = preflightFacts('https://evil.example', 'PATCH', { path: '/items' });
    expect(decisionEvent(policy, refused, resolveCors(policy, refused))).toMatchObject({ kind: 'preflight-refused', reason: 'origin-not-allowed', method: 'PATCH' });
  });

  it('produces no event for a request without Origin (not a CORS request)', () => {
    const facts = actualFacts(undefined);
    expect(decisionEvent(policy, facts, resolveCors(policy, facts))).toBeUndefined();
  });

  it('caps a hostile Origin and escapes its control characters, so the record is one safe JSON line', () => {
    const hostile = `https://evil.example\r\n{"level":"fake"}\u001b[2J\u2028\ud800${'a'.repeat(5000)}`;
    const facts = actualFacts(hostile, 'GET\n', `/x\u0000y`);
    const event = decisionEvent(policy, facts, resolveCors(policy, facts)) as CorsDecisionEvent;
    expect(event.origin.length).toBeLessThan(300);
    expect(event.origin).toMatch(/…\(\+\d+\)$/);
    expect(event.origin.startsWith('https://evil.example\\u000d\\u000a{"level":"fake"}\\u001b[2J\\u2028\ufffd')).toBe(true);
    expect(event.method).toBe('GET\\u000a');
    expect(event.path).toBe('/x\\u0000y');
    const line = JSON.stringify(event);
    expect(line).not.toMatch(/[\u0000-\u001f\u2028]/);
    expect(JSON.parse(line)).toEqual(event);
  });

  it('sanitizeEventValue never lets a control character, bidi override or lone surrogate through, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (value) => {
        const out = sanitizeEventValue(value, 256);
        expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
        expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        expect(out.length).toBeLessThanOrEqual(256 * 6 + 16);
      }),
    );
  });

  it('sanitizeEventValue keeps a printable value as it is up to the cap, and cuts a longer one with the count of what it dropped', () => {
    expect(sanitizeEventValue('https://app.example.com', 23)).toBe('https://app.example.com');
    expect(sanitizeEventValue('https://app.example.com', 8)).toBe('https://…(+15)');
    expect(sanitizeEventValue(`${'a'.repeat(255)}\u0001`, 256)).toBe(`${'a'.repeat(255)}\\u0001`);
  });

  it.each([['\u0001', '\\u0001'], ['\u007f', '\\u007f'], ['\u009b', '\\u009b'], ['\u202e', '\\u202e'], ['~ ', '~ ']])(
    'sanitizeEventValue(%j) is %j: the printable-ASCII shortcut stops at both ends of the range',
    (value, expected) => {
      expect(sanitizeEventValue(value, 16)).toBe(expected);
    },
  );

  it('records no requested headers for an OPTIONS that is not a preflight, and no source key when no source decided', () => {
    const facts = { ...actualFacts('https://app.example.com', 'OPTIONS', '/items'), accessControlRequestHeaders: 'x-debug' };
    const event = decisionEvent(policy, facts, resolveCors(policy, facts)) as CorsDecisionEvent;
    expect(event.kind).toBe('actual-refused');
    expect(Object.keys(event)).toEqual(['kind', 'reason', 'origin', 'method', 'path', 'route', 'policy', 'environment', 'reportOnly']);
  });

  it('describes each kind of event in its own words', () => {
    const base = { origin: 'https://partner.example', method: 'PUT', path: '/items', route: null, policy: 'api-v2', environment: null } as const;
    const line = (event: Partial<CorsDecisionEvent>) => describeDecisionEvent({ ...base, kind: 'actual-refused', reason: 'origin-not-allowed', reportOnly: false, ...event });
    expect(line({ kind: 'preflight-refused', reason: 'method-not-allowed' })).toBe('CORS refused preflight from https://partner.example (PUT /items): method-not-allowed');
    expect(line({ kind: 'preflight-allowed', reason: 'origin-allowed' })).toBe('CORS allowed preflight from https://partner.example (PUT /items): origin-allowed');
    expect(line({ kind: 'actual-allowed', reason: 'origin-allowed', reportOnly: true, change: 'would-allow' })).toBe(
      'CORS report-only: would allow https://partner.example (PUT /items): origin-allowed [candidate api-v2]',
    );
    expect(line({ kind: 'actual-allowed', reason: 'origin-allowed', reportOnly: true, change: 'would-change' })).toBe(
      'CORS report-only: would answer differently https://partner.example (PUT /items): origin-allowed [candidate api-v2]',
    );
  });

  it('describes events in one line', () => {
    const facts = actualFacts('https://evil.example', 'GET', '/items');
    const event = decisionEvent(policy, facts, resolveCors(policy, facts)) as CorsDecisionEvent;
    expect(describeDecisionEvent(event)).toBe('CORS refused request from https://evil.example (GET /items): origin-not-allowed');
  });
});

describe('report-only', () => {
  it('reports a caller the candidate would refuse, naming its reason and what the enforced policy answered', () => {
    const facts = preflightFacts('https://app.example.com', 'PUT', { path: '/items' });
    const event = reportOnlyEvent(candidate, facts, resolveCors(policy, facts));
    expect(event).toEqual({
      kind: 'preflight-refused', reason: 'method-not-allowed', origin: 'https://app.example.com', method: 'PUT', path: '/items', route: null,
      policy: 'api-v2', environment: null, reportOnly: true, change: 'would-refuse', enforced: { kind: 'preflight-allowed', reason: 'origin-allowed' },
    });
    expect(describeDecisionEvent(event as CorsDecisionEvent)).toBe('CORS report-only: would refuse https://app.example.com (PUT /items): method-not-allowed [candidate api-v2]');
  });

  it('reports a caller the candidate would newly allow', () => {
    const facts = actualFacts('https://partner.example', 'GET', '/items');
    expect(reportOnlyEvent(candidate, facts, resolveCors(policy, facts))).toMatchObject({ change: 'would-allow', reason: 'origin-allowed', enforced: { kind: 'actual-refused', reason: 'origin-not-allowed' } });
  });

  it('reports an allowed caller whose CORS headers would change (credentials dropped)', () => {
    const noCredentials = definePolicy({ ...input, name: 'api-nocred', credentials: false });
    const facts = actualFacts('https://app.example.com', 'GET', '/items');
    expect(reportOnlyEvent(noCredentials, facts, resolveCors(policy, facts))).toMatchObject({ change: 'would-change', kind: 'actual-allowed' });
  });

  it('reports nothing when the answer is the same, when both refuse for different reasons, or without Origin', () => {
    const same = actualFacts('https://app.example.com', 'GET', '/items');
    expect(reportOnlyEvent(candidate, same, resolveCors(policy, same))).toBeUndefined();
    const bothRefuse = actualFacts('https://evil.example', 'DELETE', '/items');
    expect(reportOnlyEvent(candidate, bothRefuse, resolveCors(policy, bothRefuse))).toBeUndefined();
    expect(compareDecisions(resolveCors(policy, actualFacts(undefined)), resolveCors(candidate, actualFacts(undefined)))).toBeUndefined();
  });
});

describe('developer mode', () => {
  const dev = (facts: ReturnType<typeof actualFacts>) => developerModeDecision(policy, facts, resolveCors(policy, facts));

  it('answers a preflight refused for its method, from an allowed origin, with 2xx, the origin and the real method and header lists', () => {
    const decision = dev(preflightFacts('https://app.example.com', 'PATCH', { path: '/items' }));
    expect(decision.kind).toBe('preflight-refused');
    expect(decision.end && decision.status).toBe(204);
    expect(decision.headers).toEqual([
      ['Access-Control-Allow-Origin', 'https://app.example.com'],
      ['Access-Control-Allow-Credentials', 'true'],
      ['Access-Control-Allow-Methods', 'GET, PUT'],
      ['Access-Control-Allow-Headers', 'content-type'],
      [REFUSAL_HEADER, 'method-not-allowed'],
    ]);
  });

  it('answers a preflight refused for a header the same way, naming header-not-allowed', () => {
    const decision = dev(preflightFacts('https://app.example.com', 'PUT', { headers: 'content-type, x-debug', path: '/items' }));
    expect(decision.end && decision.status).toBe(204);
    expect(header(decision, 'Access-Control-Allow-Headers')).toBe('content-type');
    expect(header(decision, REFUSAL_HEADER)).toBe('header-not-allowed');
  });

  it('never gives Access-Control-Allow-Origin to an origin the policy refuses: only the reason header, with the refusal status', () => {
    const decision = dev(preflightFacts('https://evil.example', 'PATCH', { path: '/items' }));
    expect(decision.end && decision.status).toBe(403);
    expect(decision.headers).toEqual([[REFUSAL_HEADER, 'origin-not-allowed']]);
  });

  it('never gives Access-Control-Allow-Origin to a refused actual request, even from an allowed origin', () => {
    const decision = dev(actualFacts('https://app.example.com', 'DELETE', '/items'));
    expect(decision.kind).toBe('actual-refused');
    expect(decision.headers).toEqual([[REFUSAL_HEADER, 'method-not-allowed']]);
  });

  it('leaves allowed decisions as they are', () => {
    const facts = preflightFacts('https://app.example.com', 'PUT', { path: '/items' });
    const allowed = resolveCors(policy, facts);
    expect(developerModeDecision(policy, facts, allowed)).toBe(allowed);
  });

  it('is refused when NODE_ENV is production, and needs the environment to check it', () => {
    expect(() => assertDeveloperModeAllowed({ NODE_ENV: 'production' })).toThrow(DeveloperModeError);
    expect(() => assertDeveloperModeAllowed({ NODE_ENV: 'development' })).not.toThrow();
    expect(() => corsDecider(policy, { developerMode: true, env: { NODE_ENV: 'production' } })).toThrow(/NODE_ENV is "production"/);
    expect(() => corsDecider(policy, { developerMode: true })).toThrow(/developerMode needs env/);
    expect(() => corsDecider(policy, { developerMode: false, env: { NODE_ENV: 'production' } })).not.toThrow();
    expect(corsDecider(policy, { developerMode: true, env: {} })(preflightFacts('https://app.example.com', 'PATCH')).headers).toContainEqual([REFUSAL_HEADER, 'method-not-allowed']);
  });
});

describe('corsDecider', () => {
  it('emits the enforced event, then the report-only one, and returns the enforced decision', () => {
    const events: CorsDecisionEvent[] = [];
    const decide = corsDecider(policy, { onDecision: (e) => events.push(e), reportOnly: candidate });
    const facts = preflightFacts('https://app.example.com', 'PUT', { path: '/items' });
    expect(decide(facts)).toEqual(resolveCors(policy, facts));
    expect(events.map((e) => [e.policy, e.kind, e.reportOnly])).toEqual([['api', 'preflight-allowed', false], ['api-v2', 'preflight-refused', true]]);
  });

  it('refuses reportOnly without onDecision (its events would go nowhere)', () => {
    expect(() => corsDecider(policy, { reportOnly: candidate })).toThrow(/reportOnly needs onDecision/);
  });

  it('keeps deciding when onDecision throws: the error goes to onError, or to console.error once', () => {
    const errors: unknown[] = [];
    const boom = new Error('hook broke');
    const decide = corsDecider(policy, { onDecision: () => { throw boom; }, onError: (e) => errors.push(e) });
    const facts = actualFacts('https://app.example.com');
    expect(decide(facts).kind).toBe('actual-allowed');
    expect(decide(facts).kind).toBe('actual-allowed');
    expect(errors).toEqual([boom, boom]);

    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const quiet = corsDecider(policy, { onDecision: () => { throw boom; } });
    quiet(facts);
    quiet(facts);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0]?.[1]).toBe(boom);
  });
});

describe('decisionLogger', () => {
  it('logs refusals and report-only differences at warn under `cors`, allowed requests only when asked', () => {
    const lines: Array<[string, object, string]> = [];
    const sink = { info: (o: object, m: string) => lines.push(['info', o, m]), warn: (o: object, m: string) => lines.push(['warn', o, m]) };
    const decide = corsDecider(policy, { onDecision: decisionLogger(sink), reportOnly: candidate });
    decide(actualFacts('https://app.example.com', 'GET', '/items'));
    decide(actualFacts('https://evil.example', 'GET', '/items'));
    decide(preflightFacts('https://app.example.com', 'PUT', { path: '/items' }));
    expect(lines.map(([level, , message]) => `${level} ${message}`)).toEqual([
      'warn CORS refused request from https://evil.example (GET /items): origin-not-allowed',
      'warn CORS report-only: would refuse https://app.example.com (PUT /items): method-not-allowed [candidate api-v2]',
    ]);
    expect(lines[0]?.[1]).toMatchObject({ cors: { kind: 'actual-refused', origin: 'https://evil.example' } });
    const all: string[] = [];
    corsDecider(policy, { onDecision: decisionLogger({ info: (_o, m) => all.push(m), warn: (_o, m) => all.push(m) }, { allowed: true }) })(actualFacts('https://app.example.com'));
    expect(all).toEqual(['CORS allowed request from https://app.example.com (GET /): origin-allowed']);
  });
});

describe('observedNodeCorsHandler', () => {
  it('is the fused nodeCorsHandler when no option is set', () => {
    expect(observedNodeCorsHandler(policy).toString()).toBe(nodeCorsHandler(policy).toString());
  });

  it('with onDecision or report-only on, writes exactly what the fused path writes', () => {
    const loaded = [policy, loadCompiledPolicy(compilePolicy(policy))];
    const request = fc.record({
      method: fc.constantFrom('GET', 'PUT', 'DELETE', 'OPTIONS'),
      url: fc.constantFrom('/', '/items?x=1', '/public/a'),
      origin: fc.option(fc.constantFrom('https://app.example.com', 'https://partner.example', 'https://evil.example', 'null'), { nil: undefined }),
      acrm: fc.option(fc.constantFrom('PUT', 'PATCH', 'GET'), { nil: undefined }),
      acrh: fc.option(fc.constantFrom('content-type', 'x-other'), { nil: undefined }),
    });
    fc.assert(
      fc.property(request, fc.constantFrom(0, 1), (r, form) => {
        const headers: Record<string, string | undefined> = { origin: r.origin, 'access-control-request-method': r.acrm, 'access-control-request-headers': r.acrh };
        const events: CorsDecisionEvent[] = [];
        const observed = observedNodeCorsHandler(loaded[form]!, { onDecision: (e) => events.push(e), reportOnly: candidate });
        const a = new RecordingResponse();
        const b = new RecordingResponse();
        const status = observed(r.method, r.url, headers as NodeRequestHeaders, a);
        expect(status).toBe(nodeCorsHandler(loaded[form]!)(r.method, r.url, headers as NodeRequestHeaders, b));
        expect([...a.headers]).toEqual([...b.headers]);
        expect(events.filter((e) => !e.reportOnly)).toHaveLength(r.origin === undefined ? 0 : 1);
        const decision = resolveCors(loaded[form]!, requestFacts(r.method, r.url, (n) => headers[n]));
        expect(status).toBe(decision.end ? decision.status : CONTINUE);
        writeNodeDecision(new RecordingResponse(), decision);
      }),
      { numRuns: 500 },
    );
  });
});
