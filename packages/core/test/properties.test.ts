import { validateHeaderName, validateHeaderValue } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  definePolicy, explain, requestFacts, resolveCors, type CorsDecision, type CorsPolicy, type ExplainRequest, type PolicyInput, type RequestFacts,
} from '../src/index.js';
import { header } from './helpers.js';

/*
 * Property tests. The oracles below are written from CORS-RULES.md and the Fetch standard, not from
 * core's code: regexes and plain comparisons that are easy to check by eye.
 */

const RUNS = { numRuns: 400 };

// ---------------------------------------------------------------------------------------------
// Policies as data, so the oracle can read them.

interface PatternSpec {
  readonly scheme: 'http' | 'https';
  /** Whole host when `wildcard` is false. */
  readonly base: string;
  readonly wildcard: boolean;
  readonly port: number | '*' | undefined;
}

interface PolicySpec {
  readonly any: boolean;
  readonly exact: readonly string[];
  readonly patterns: readonly PatternSpec[];
  readonly credentials: boolean;
}

const DEFAULT_PORT = { http: 80, https: 443 } as const;

const patternText = (p: PatternSpec): string => `${p.scheme}://${p.wildcard ? '*.' : ''}${p.base}${p.port === undefined ? '' : `:${p.port}`}`;

function toInput(spec: PolicySpec): PolicyInput {
  return {
    name: 'property-api',
    origins: spec.any ? ['*'] : [...spec.exact, ...spec.patterns.map(patternText)],
    credentials: spec.credentials,
    methods: ['GET', 'POST', 'PUT', 'PATCH'],
    allowHeaders: ['Content-Type', 'X-Trace'],
  };
}

// Configured labels must load: an `xn--` label has to be valid Punycode (origins/invalid-punycode), so
// Punycode comes only from `registrableBase`.
const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}[a-z0-9]$/).filter((l) => !l.startsWith('xn--'));
const schemeArb = fc.constantFrom<'http' | 'https'>('http', 'https');
const portFor = (scheme: 'http' | 'https') => fc.integer({ min: 1, max: 65535 }).filter((n) => n !== DEFAULT_PORT[scheme]);
const registrableBase = fc.constantFrom('example.com', 'myapp.io', 'shop.example.co.uk', 'a-b.example.org', 'xn--bcher-kva.example.com');

const exactOrigin = schemeArb.chain((scheme) =>
  fc
    .tuple(
      fc.oneof(
        fc.tuple(fc.array(label, { minLength: 1, maxLength: 2 }), registrableBase).map(([labels, b]) => `${labels.join('.')}.${b}`),
        fc.constantFrom('localhost', '127.0.0.1', '[::1]', 'example.com'),
      ),
      fc.option(portFor(scheme), { nil: undefined }),
    )
    .map(([host, port]) => `${scheme}://${host}${port === undefined ? '' : `:${port}`}`),
);

const patternSpec: fc.Arbitrary<PatternSpec> = schemeArb.chain((scheme) =>
  fc.oneof(
    fc.record({ scheme: fc.constant(scheme), base: registrableBase, wildcard: fc.constant(true), port: fc.oneof(fc.constant(undefined), fc.constant('*' as const), portFor(scheme)) }),
    fc.record({ scheme: fc.constant(scheme), base: fc.constantFrom('localhost', 'app.example.com'), wildcard: fc.constant(false), port: fc.constant('*' as const) }),
  ),
);

const policySpec: fc.Arbitrary<PolicySpec> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<PolicySpec>({ any: true, exact: [], patterns: [], credentials: false }) },
  {
    weight: 6,
    arbitrary: fc
      .record({ exact: fc.array(exactOrigin, { maxLength: 3 }), patterns: fc.array(patternSpec, { maxLength: 2 }), credentials: fc.boolean() })
      .filter((s) => s.exact.length + s.patterns.length > 0)
      .map((s) => ({ ...s, any: false })),
  },
);

// ---------------------------------------------------------------------------------------------
// The origin oracle, from CORS-RULES.md "Matching".

const LABEL = '[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?';
const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function originAllowedByRules(spec: PolicySpec, origin: string): boolean {
  if (spec.exact.includes(origin)) return true;
  return spec.patterns.some((p) => {
    const match = new RegExp(`^${p.scheme}://(${p.wildcard ? `(?:${LABEL}\\.)+` : ''}${escapeRegex(p.base)})(?::([0-9]+))?$`).exec(origin);
    if (match === null || (match[1] as string).length > 253) return false;
    const port = match[2];
    if (port === undefined) return p.port === undefined || p.port === '*';
    if (p.port === undefined || port.length > 5 || (port.length > 1 && port.startsWith('0'))) return false;
    const n = Number(port);
    if (n < 1 || n > 65535 || n === DEFAULT_PORT[p.scheme]) return false;
    return p.port === '*' || p.port === n;
  });
}

// ---------------------------------------------------------------------------------------------
// Request origins: the configured ones, instances of the patterns, mutations of both, junk.

const junkChar = fc.oneof(
  fc.constantFrom('a', 'z', '0', '9', '-', '_', ',', ' ', '\t', '\r', '\n', '\u0000', '/', ':', '.', '*', '@', '?', '#', '%', 'A', 'K', '\u212A', '\u0130', 'ä', '\uD800', '\uDFFF', '\u00FF', '\u0100'),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
);
const anyText = (maxLength = 80) => fc.string({ unit: junkChar, maxLength });
// Built once: arbitraries made inside `chain` would be rebuilt on every run.
const junk = anyText();
const junkShort = anyText(3);
const labelish = fc.oneof(label, fc.stringMatching(/^[a-z0-9_-]{0,65}$/));
const portText = fc.oneof(fc.integer({ min: 0, max: 99999 }).map((n) => `:${n}`), fc.constantFrom(':0', ':08443', ':', ':*', ':65536', ''));

function instancesOf(p: PatternSpec): fc.Arbitrary<string> {
  const port = fc.oneof(fc.constantFrom('', `:${DEFAULT_PORT[p.scheme]}`, typeof p.port === 'number' ? `:${p.port}` : ':8443'), portText);
  const labels = fc.array(labelish, { minLength: p.wildcard ? 1 : 0, maxLength: 4 });
  // Mostly dot-joined labels; sometimes the last label is glued to the base (look-alikes: `aexample.com`).
  const glue = fc.constantFrom('.', '.', '.', '', '-', '..');
  return fc.tuple(labels, glue, port).map(([ls, g, pt]) => `${p.scheme}://${ls.length === 0 ? p.base : `${ls.join('.')}${g}${p.base}`}${pt}`);
}

function mutate(origin: string): fc.Arbitrary<string> {
  return fc.tuple(fc.nat({ max: origin.length }), junkShort, fc.nat({ max: 9 })).map(([at, text, kind]) => {
    switch (kind) {
      case 0: return origin.slice(0, at) + text + origin.slice(at);
      case 1: return origin.slice(0, at) + origin.slice(at + 1);
      case 2: return origin.slice(0, at) + origin.charAt(at).toUpperCase() + origin.slice(at + 1);
      case 3: return `${origin}.evil.example`;
      case 4: return origin.replace('://', '://evil-');
      case 5: return origin.startsWith('https:') ? origin.replace('https:', 'http:') : origin.replace('http:', 'https:');
      case 6: return `${origin}, ${origin}`;
      case 7: return origin.replace('k', '\u212A');
      case 8: return `${origin}/`;
      default: return origin.replace('://', '://a.');
    }
  });
}

function requestOrigin(spec: PolicySpec): fc.Arbitrary<string> {
  const configured = [...spec.exact, ...spec.patterns.map(patternText)];
  const options: fc.Arbitrary<string>[] = [
    junk,
    fc.constantFrom('null', '', '*', 'https://evil.example', 'https://example.com', 'http://localhost', 'https://aexample.com', 'https://example.com.evil.com'),
  ];
  if (configured.length > 0) options.push(fc.constantFrom(...configured), fc.constantFrom(...configured).chain(mutate));
  for (const p of spec.patterns) options.push(instancesOf(p), instancesOf(p).chain(mutate));
  return fc.oneof(...options);
}

const policyAndOrigin = policySpec.chain((spec) => requestOrigin(spec).map((origin) => ({ spec, origin })));

// ---------------------------------------------------------------------------------------------
// Helpers.

const cache = new Map<string, CorsPolicy>();
function load(spec: PolicySpec): CorsPolicy {
  const key = JSON.stringify(spec);
  let policy = cache.get(key);
  if (policy === undefined) {
    policy = definePolicy(toInput(spec));
    cache.set(key, policy);
  }
  return policy;
}

const facts = (origin: string | undefined, method: string, extra: Partial<RequestFacts> = {}): RequestFacts => ({
  method, path: '/', origin, accessControlRequestMethod: undefined, accessControlRequestHeaders: undefined, accessControlRequestPrivateNetwork: undefined, ...extra,
});

function expectValidForNode(decision: CorsDecision): void {
  for (const [name, value] of decision.headers) {
    expect(() => validateHeaderName(name)).not.toThrow();
    expect(() => validateHeaderValue(name, value)).not.toThrow();
    // Latin-1 without controls (stricter than Node, which still accepts obs-text).
    expect(value).toMatch(/^[\t\x20-\x7e\x80-\xff]*$/);
  }
  for (const token of decision.vary) expect(() => validateHeaderName(token)).not.toThrow();
}

// ---------------------------------------------------------------------------------------------

describe('origin matching against an independent oracle', () => {
  it('the oracle agrees with hand-picked cases', () => {
    const spec: PolicySpec = { any: false, exact: ['https://app.example.com'], patterns: [{ scheme: 'https', base: 'example.com', wildcard: true, port: '*' }], credentials: true };
    expect(originAllowedByRules(spec, 'https://app.example.com')).toBe(true);
    expect(originAllowedByRules(spec, 'https://a.b.example.com:8443')).toBe(true);
    expect(originAllowedByRules(spec, 'https://example.com')).toBe(false);
    expect(originAllowedByRules(spec, 'https://a.example.com:443')).toBe(false);
    expect(originAllowedByRules(spec, 'https://A.example.com')).toBe(false);
    expect(originAllowedByRules(spec, 'https://aexample.com')).toBe(false);
  });

  it('a random Origin gets Access-Control-Allow-Origin only when the rules allow it, and then exactly itself', () => {
    fc.assert(
      fc.property(policyAndOrigin, ({ spec, origin }) => {
        const policy = load(spec);
        const expected = spec.any ? '*' : originAllowedByRules(spec, origin) ? origin : undefined;
        for (const decision of [resolveCors(policy, facts(origin, 'GET')), resolveCors(policy, facts(origin, 'OPTIONS', { accessControlRequestMethod: 'PUT' }))]) {
          expect(header(decision, 'Access-Control-Allow-Origin')).toBe(expected);
          const credentials = header(decision, 'Access-Control-Allow-Credentials');
          expect(credentials).toBe(expected !== undefined && expected !== '*' && spec.credentials ? 'true' : undefined);
          if (expected === undefined) expect(decision.headers).toEqual([]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('responses of a policy that lists origins always carry Vary: Origin', () => {
    fc.assert(
      fc.property(policyAndOrigin, fc.boolean(), ({ spec, origin }, withOrigin) => {
        const decision = resolveCors(load(spec), facts(withOrigin ? origin : undefined, 'GET'));
        expect(decision.vary.includes('Origin')).toBe(!spec.any);
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------

const HUGE = ['a'.repeat(2_000_000), ','.repeat(1_000_000), 'https://'.repeat(100_000), `${'a.'.repeat(300_000)}example.com`, '\uD800'.repeat(10_000), '\r\n'.repeat(10_000)];
const hostileText = fc.oneof(
  { weight: 6, arbitrary: anyText(200) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
  { weight: 2, arbitrary: fc.constantFrom('GET', 'OPTIONS', 'PUT', 'patch', 'true', 'null', '', '/', '/public/x', '/internal/a', 'https://app.example.com', 'x-a, authorization') },
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 4 });

const hostileFacts: fc.Arbitrary<RequestFacts> = fc.record({
  method: fc.oneof(hostileText, fc.constant('OPTIONS')),
  path: hostileText,
  origin: maybe(fc.oneof(hostileText, fc.constantFrom('https://app.example.com', 'https://a.example.com', 'http://localhost:3000'))),
  accessControlRequestMethod: maybe(hostileText),
  accessControlRequestHeaders: maybe(hostileText),
  accessControlRequestPrivateNetwork: maybe(fc.oneof(hostileText, fc.constant('true'))),
});

const fixedPolicies: CorsPolicy[] = [
  definePolicy({ name: 'star', origins: ['*'], methods: ['*'], allowHeaders: ['*'], exposeHeaders: ['*'], maxAge: 0 }),
  definePolicy({
    name: 'full',
    origins: ['https://app.example.com', 'https://*.example.com:*', 'http://localhost:3000'],
    credentials: true,
    methods: ['*'],
    allowHeaders: ['*', 'Authorization'],
    exposeHeaders: ['X-Request-Id'],
    maxAge: 600,
    privateNetwork: true,
    preflight: { continueToApp: true, successStatus: 200, refusedStatus: 404 },
    routes: [{ path: '/public/**', origins: ['*'], credentials: false, privateNetwork: false }, { path: '/internal/**', disabled: true }, { path: '/a/*/b' }],
    acknowledgements: [{ rule: 'private-network/deprecated', path: 'privateNetwork', reason: 'Printer set-up.' }],
  }),
  definePolicy({ name: 'plain', origins: ['https://app.example.com'], preflight: { vary: false } }),
];

describe('robustness', () => {
  it('resolveCors never throws, whatever strings every field holds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixedPolicies), hostileFacts, (policy, f) => {
        expectValidForNode(resolveCors(policy, f));
      }),
      { numRuns: 1500 },
    );
  });

  it('every header value the resolver emits is a valid Node header value', () => {
    fc.assert(
      fc.property(policyAndOrigin, fc.constantFrom('GET', 'OPTIONS'), maybe(hostileText), maybe(hostileText), ({ spec, origin }, method, acrm, acrh) => {
        expectValidForNode(resolveCors(load(spec), facts(origin, method, { accessControlRequestMethod: acrm, accessControlRequestHeaders: acrh })));
        expectValidForNode(resolveCors(fixedPolicies[1] as CorsPolicy, facts(origin, method, { accessControlRequestMethod: acrm, accessControlRequestHeaders: acrh })));
      }),
      RUNS,
    );
  });

  it('requestFacts never throws on any method, URL or header values', () => {
    fc.assert(
      fc.property(hostileText, hostileText, fc.dictionary(fc.constantFrom('origin', 'access-control-request-method', 'access-control-request-headers'), fc.oneof(hostileText, fc.array(hostileText, { maxLength: 3 }), fc.constant(null))), (method, url, hdrs) => {
        const f = requestFacts(method, url, (name) => hdrs[name]);
        expect(typeof f.path).toBe('string');
        expect(f.path.includes('?')).toBe(false);
        resolveCors(fixedPolicies[1] as CorsPolicy, f);
      }),
      RUNS,
    );
  });

  it('explain never throws on any request', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fixedPolicies),
        fc.record({ origin: maybe(hostileText), method: maybe(hostileText), path: maybe(hostileText), headers: maybe(fc.array(hostileText, { maxLength: 4 })), credentials: maybe(fc.boolean()) }),
        (policy, request) => {
          const result = explain(policy, request);
          expect(typeof result.allowed).toBe('boolean');
          expect(result.steps.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

type Mutation = (input: PolicyInput) => void;
const mutations: Mutation[] = [
  (i) => (i.origins as string[]).push('https://evil.example'),
  (i) => { (i.origins as string[])[0] = 'https://evil.example'; },
  (i) => { (i.origins as string[]).length = 0; },
  (i) => { i.credentials = !i.credentials; },
  (i) => (i.methods as string[]).push('DELETE'),
  (i) => (i.allowHeaders as string[]).push('Authorization'),
  (i) => { i.maxAge = 1; },
  (i) => { i.routes = [{ path: '/**', origins: ['*'] }]; },
  (i) => { i.name = 'changed'; },
];

describe('immutability', () => {
  it('a loaded policy is unaffected by any mutation of its input', () => {
    fc.assert(
      fc.property(policyAndOrigin, fc.subarray(mutations, { minLength: 1 }), ({ spec, origin }, chosen) => {
        const input = structuredClone(toInput(spec));
        const policy = definePolicy(input);
        const before = [resolveCors(policy, facts(origin, 'GET')), resolveCors(policy, facts(origin, 'OPTIONS', { accessControlRequestMethod: 'DELETE', accessControlRequestHeaders: 'authorization' }))];
        const source = structuredClone(policy.source);
        for (const mutation of chosen) mutation(input);
        expect(policy.source).toEqual(source);
        expect(policy.source).toEqual(toInput(spec));
        expect([resolveCors(policy, facts(origin, 'GET')), resolveCors(policy, facts(origin, 'OPTIONS', { accessControlRequestMethod: 'DELETE', accessControlRequestHeaders: 'authorization' }))]).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// A browser, as the Fetch standard describes it, talking to the resolver.

const SAFELISTED_METHODS = ['GET', 'HEAD', 'POST'];
const SAFELISTED_HEADERS = ['accept', 'accept-language', 'content-language'];
const NORMALISED = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];

function headerList(decision: CorsDecision, name: string): string[] | undefined {
  return header(decision, name)?.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** Fetch's CORS check (§ 4.9): may the page read this response? */
function corsCheck(decision: CorsDecision, origin: string, credentials: boolean): boolean {
  const acao = header(decision, 'Access-Control-Allow-Origin');
  if (acao === undefined) return false;
  if (!credentials && acao === '*') return true;
  if (acao !== origin) return false;
  if (!credentials) return true;
  return header(decision, 'Access-Control-Allow-Credentials') === 'true';
}

function browserAllows(policy: CorsPolicy, request: Required<Pick<ExplainRequest, 'origin' | 'method' | 'path' | 'headers' | 'credentials'>>): boolean {
  const { origin, path, credentials } = request;
  const method = NORMALISED.includes(request.method.toUpperCase()) ? request.method.toUpperCase() : request.method;
  const names = [...new Set(request.headers.map((h) => h.toLowerCase()))].filter((h) => !SAFELISTED_HEADERS.includes(h)).sort();
  if (!SAFELISTED_METHODS.includes(method) || names.length > 0) {
    const pre = resolveCors(policy, { ...facts(origin, 'OPTIONS', { accessControlRequestMethod: method, accessControlRequestHeaders: names.length > 0 ? names.join(',') : undefined }), path });
    if (pre.kind !== 'preflight-allowed' || pre.status < 200 || pre.status > 299) return false;
    if (!corsCheck(pre, origin, credentials)) return false;
    const methods = headerList(pre, 'Access-Control-Allow-Methods') ?? [];
    if (!SAFELISTED_METHODS.includes(method) && !methods.includes(method) && !(methods.includes('*') && !credentials)) return false;
    const allowed = (headerList(pre, 'Access-Control-Allow-Headers') ?? []).map((h) => h.toLowerCase());
    for (const name of names) {
      if (!allowed.includes(name) && !(allowed.includes('*') && !credentials && name !== 'authorization')) return false;
    }
  }
  return corsCheck(resolveCors(policy, { ...facts(origin, method), path }), origin, credentials);
}

describe('explain() agrees with a browser', () => {
  it('allowed is true exactly when a Fetch-standard browser lets the page read the response', () => {
    const policies = [...fixedPolicies, definePolicy({ name: 'star-creds-headers', origins: ['https://app.example.com'], credentials: true, allowHeaders: ['*'], methods: ['GET', 'PUT', 'patch'] })];
    const request = fc.record({
      origin: fc.constantFrom('https://app.example.com', 'https://a.example.com:8443', 'http://localhost:3000', 'https://evil.example', 'null'),
      method: fc.constantFrom('GET', 'get', 'HEAD', 'POST', 'PUT', 'put', 'DELETE', 'PATCH', 'patch', 'PROPFIND', 'OPTIONS'),
      path: fc.constantFrom('/', '/api/items', '/public/status', '/internal/metrics', '/a/x/b'),
      headers: fc.subarray(['Accept', 'Content-Type', 'Authorization', 'X-Trace', 'x-trace', 'Content-Language']),
      credentials: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.constantFrom(...policies), request, (policy, req) => {
        expect(explain(policy, req).allowed).toBe(browserAllows(policy, req));
      }),
      { numRuns: 2000 },
    );
  });

  it('a browser is only ever allowed for origins the rules allow (or any origin under "*" without credentials)', () => {
    fc.assert(
      fc.property(policyAndOrigin, fc.boolean(), fc.constantFrom('GET', 'PUT'), ({ spec, origin }, credentials, method) => {
        const result = explain(load(spec), { origin, method, credentials });
        if (result.allowed) expect(spec.any ? !credentials : originAllowedByRules(spec, origin)).toBe(true);
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Access-Control-Request-Headers against an oracle written from the Fetch/RFC 9110 grammar.

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function requestHeadersOracle(value: string, allowed: readonly string[], star: boolean): 'ok' | 'malformed' | 'not-allowed' {
  if (value.length > 4096) return 'malformed';
  const items = value.split(',').map((s) => s.replace(/^[ \t]+|[ \t]+$/g, '')).filter((s) => s !== '');
  if (items.some((s) => !TOKEN.test(s)) || items.length > 64) return 'malformed';
  const ok = items.every((s) => allowed.includes(s.toLowerCase()) || (star && s.toLowerCase() !== 'authorization'));
  return ok ? 'ok' : 'not-allowed';
}

describe('Access-Control-Request-Headers parsing', () => {
  const piece = fc.constantFrom('x-a', 'X-A', 'x-b', 'content-type', 'Content-Type', 'authorization', 'x-other', ',', ', ', ' ,', ' ', '\t', ',,', 'x a', ';', 'é', '"x"', 'x-a\r\n', '');
  const list = fc.oneof(
    fc.array(piece, { maxLength: 12 }).map((ps) => ps.join('')),
    fc.array(fc.constantFrom('x-a', 'X-B', ' x-a '), { minLength: 60, maxLength: 70 }).map((ps) => ps.join(',')),
    fc.nat({ max: 20 }).map((n) => `x-a,${' '.repeat(4090 + n)}`),
  );
  const allowed = ['x-a', 'x-b', 'content-type'];
  const fixed = definePolicy({ name: 'fixed', origins: ['https://app.example.com'], allowHeaders: ['X-A', 'x-b', 'Content-Type'] });
  const star = definePolicy({ name: 'star', origins: ['https://app.example.com'], allowHeaders: ['*', 'X-A'] });
  const outcome = (d: CorsDecision): string => (d.kind === 'preflight-allowed' ? 'ok' : d.reason === 'request-headers-malformed' ? 'malformed' : d.reason === 'header-not-allowed' ? 'not-allowed' : d.reason);

  it('decides exactly as the grammar says, for a fixed list and for "*"', () => {
    fc.assert(
      fc.property(list, (value) => {
        const f = facts('https://app.example.com', 'OPTIONS', { accessControlRequestMethod: 'GET', accessControlRequestHeaders: value });
        expect(outcome(resolveCors(fixed, f))).toBe(requestHeadersOracle(value, allowed, false));
        expect(outcome(resolveCors(star, f))).toBe(requestHeadersOracle(value, ['x-a'], true));
      }),
      { numRuns: 1500 },
    );
  });
});
