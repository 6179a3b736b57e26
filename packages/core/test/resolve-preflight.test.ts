import { describe, expect, it } from 'vitest';
import { DecisionReason, MAX_REQUEST_HEADERS_COUNT, MAX_REQUEST_HEADERS_LENGTH, MAX_REQUEST_METHOD_LENGTH } from '../src/index.js';
import { corsHeaderNames, header, load, preflight } from './helpers.js';

const APP = 'https://app.example.com';
const PREFLIGHT_VARY = ['Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers'];

const api = load({
  origins: [APP],
  credentials: true,
  methods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowHeaders: ['Content-Type', 'Authorization'],
  exposeHeaders: ['X-Request-Id'],
  maxAge: 600,
});

describe('an allowed preflight', () => {
  it('is answered 204 by the CORS layer with the granted method and headers', () => {
    const decision = preflight(api, APP, 'PUT', { headers: 'content-type,authorization' });
    expect(decision).toMatchObject({ kind: 'preflight-allowed', reason: DecisionReason.OriginAllowed, status: 204, end: true, vary: PREFLIGHT_VARY });
    expect(decision.headers).toEqual([
      ['Access-Control-Allow-Origin', APP],
      ['Access-Control-Allow-Credentials', 'true'],
      ['Access-Control-Allow-Methods', 'PUT'],
      ['Access-Control-Allow-Headers', 'content-type, authorization'],
      ['Access-Control-Max-Age', '600'],
    ]);
  });

  it('never carries Expose-Headers (they belong on the actual response)', () => {
    expect(header(preflight(api, APP, 'PUT'), 'Access-Control-Expose-Headers')).toBeUndefined();
  });

  it('for a safelisted method needs no Allow-Methods entry and gets none', () => {
    for (const method of ['GET', 'HEAD', 'POST']) {
      const decision = preflight(api, APP, method, { headers: 'authorization' });
      expect(decision.kind).toBe('preflight-allowed');
      expect(header(decision, 'Access-Control-Allow-Methods')).toBeUndefined();
    }
  });

  it('uses the configured success status and can hand the preflight to the app', () => {
    const custom = load({ methods: ['PUT'], preflight: { successStatus: 200, continueToApp: true } });
    expect(preflight(custom, APP, 'PUT')).toMatchObject({ kind: 'preflight-allowed', status: 200, end: false });
  });

  it('emits Access-Control-Max-Age: 0 when maxAge is 0, and none when maxAge is absent', () => {
    expect(header(preflight(load({ methods: ['PUT'], maxAge: 0 }), APP, 'PUT'), 'Access-Control-Max-Age')).toBe('0');
    expect(header(preflight(load({ methods: ['PUT'] }), APP, 'PUT'), 'Access-Control-Max-Age')).toBeUndefined();
  });
});

describe('a refused preflight', () => {
  it.each([
    ['an unlisted origin', 'https://evil.example', 'PUT', undefined, DecisionReason.OriginNotAllowed],
    ['Origin: null', 'null', 'PUT', undefined, DecisionReason.OriginNull],
    ['a joined Origin', `${APP}, ${APP}`, 'PUT', undefined, DecisionReason.OriginMalformed],
    ['a method outside the policy', APP, 'PATCH', undefined, DecisionReason.MethodNotAllowed],
    ['a malformed method', APP, 'PUT PATCH', undefined, DecisionReason.RequestMethodMalformed],
    ['an empty method', APP, '', undefined, DecisionReason.RequestMethodMalformed],
    ['a header outside the policy', APP, 'PUT', 'x-custom', DecisionReason.HeaderNotAllowed],
    ['one header outside the policy among allowed ones', APP, 'PUT', 'content-type, x-custom, authorization', DecisionReason.HeaderNotAllowed],
    ['a malformed header list', APP, 'PUT', 'content-type;authorization', DecisionReason.RequestHeadersMalformed],
  ])('for %s is 403 with no CORS headers at all', (_label, origin, method, headers, reason) => {
    const decision = preflight(api, origin, method, { headers });
    expect(decision).toEqual({ kind: 'preflight-refused', reason, status: 403, headers: [], vary: PREFLIGHT_VARY, route: undefined, end: true });
  });

  it('uses the configured refused status', () => {
    const custom = load({ preflight: { refusedStatus: 404 } });
    expect(preflight(custom, 'https://evil.example', 'PUT')).toMatchObject({ kind: 'preflight-refused', status: 404, headers: [] });
  });

  it('for a method the policy omits, even a safelisted one, is refused (methods bind)', () => {
    const putOnly = load({ methods: ['PUT'], allowHeaders: ['X-Custom'] });
    expect(preflight(putOnly, APP, 'GET', { headers: 'x-custom' })).toMatchObject({ kind: 'preflight-refused', reason: DecisionReason.MethodNotAllowed });
  });

  it('when the policy allows nothing beyond the safelisted methods and headers, refuses requests for more', () => {
    const plain = load();
    expect(preflight(plain, APP, 'PUT').kind).toBe('preflight-refused');
    expect(preflight(plain, APP, 'POST', { headers: 'content-type' }).kind).toBe('preflight-refused');
    expect(preflight(plain, APP, 'GET').kind).toBe('preflight-allowed');
  });
});

describe('preflight Vary', () => {
  it('is on by default, also for refused preflights and for "*" policies', () => {
    expect(preflight(api, 'https://evil.example', 'PUT').vary).toEqual(PREFLIGHT_VARY);
    expect(preflight(load({ origins: ['*'] }), 'https://x.example', 'GET').vary).toEqual(PREFLIGHT_VARY);
  });

  it('can be switched off', () => {
    const off = load({ methods: ['PUT'], preflight: { vary: false } });
    expect(preflight(off, APP, 'PUT').vary).toEqual([]);
    expect(preflight(off, 'https://evil.example', 'PUT').vary).toEqual([]);
  });

  it('adds Access-Control-Request-Private-Network when the policy opts in to PNA', () => {
    const pna = load({ methods: ['PUT'], privateNetwork: true, acknowledgements: [{ rule: 'private-network/deprecated', path: 'privateNetwork', reason: 'The printer setup page must reach devices.' }] });
    expect(preflight(pna, APP, 'PUT').vary).toEqual([...PREFLIGHT_VARY, 'Access-Control-Request-Private-Network']);
  });
});

describe('method case (Fetch normalisation)', () => {
  it('normalises configured DELETE/GET/HEAD/OPTIONS/POST/PUT written in lower case', () => {
    const lower = load({ methods: ['put', 'delete'] });
    expect(lower.rules.methods).toEqual(['PUT', 'DELETE']);
    expect(preflight(lower, APP, 'PUT').kind).toBe('preflight-allowed');
    expect(preflight(lower, APP, 'put').kind).toBe('preflight-refused');
  });

  it('compares other methods byte for byte: `patch` and `PATCH` differ', () => {
    const upper = load({ methods: ['PATCH'] });
    expect(preflight(upper, APP, 'PATCH').kind).toBe('preflight-allowed');
    expect(preflight(upper, APP, 'patch').kind).toBe('preflight-refused');
    const lower = load({ methods: ['patch'] });
    expect(lower.findings.map((f) => f.code)).toContain('methods/not-uppercase');
    expect(preflight(lower, APP, 'patch').kind).toBe('preflight-allowed');
    expect(preflight(lower, APP, 'PATCH').kind).toBe('preflight-refused');
  });

  it('allows custom method tokens', () => {
    const custom = load({ methods: ['PROPFIND', 'X-Purge'] });
    expect(header(preflight(custom, APP, 'X-Purge'), 'Access-Control-Allow-Methods')).toBe('X-Purge');
  });
});

describe('wildcards in methods and headers', () => {
  const anyNoCreds = load({ methods: ['*'], allowHeaders: ['*'] });
  const anyCreds = load({ methods: ['*'], allowHeaders: ['*'], credentials: true });

  it('without credentials answer "*" literally', () => {
    const decision = preflight(anyNoCreds, APP, 'PATCH', { headers: 'x-a, x-b' });
    expect(header(decision, 'Access-Control-Allow-Methods')).toBe('*');
    expect(header(decision, 'Access-Control-Allow-Headers')).toBe('*');
  });

  it('with credentials echo the validated request values (browsers read "*" literally then)', () => {
    const decision = preflight(anyCreds, APP, 'PATCH', { headers: 'X-A , x-b' });
    expect(decision.kind).toBe('preflight-allowed');
    expect(header(decision, 'Access-Control-Allow-Methods')).toBe('PATCH');
    expect(header(decision, 'Access-Control-Allow-Headers')).toBe('x-a, x-b');
  });

  it.each([
    ['without credentials', false],
    ['with credentials', true],
  ])('"*" in allowHeaders never covers Authorization %s', (_label, credentials) => {
    const policy = credentials ? anyCreds : anyNoCreds;
    expect(preflight(policy, APP, 'GET', { headers: 'authorization' })).toMatchObject({ kind: 'preflight-refused', reason: DecisionReason.HeaderNotAllowed });
    expect(preflight(policy, APP, 'GET', { headers: 'x-a, Authorization' })).toMatchObject({ kind: 'preflight-refused', reason: DecisionReason.HeaderNotAllowed });
  });

  it.each([
    ['without credentials', false, '*, authorization'],
    ['with credentials', true, 'x-a, authorization'],
  ])('["*", "Authorization"] allows Authorization %s', (_label, credentials, expected) => {
    const policy = load({ allowHeaders: ['*', 'Authorization'], credentials });
    const decision = preflight(policy, APP, 'GET', { headers: 'x-a,authorization' });
    expect(decision.kind).toBe('preflight-allowed');
    expect(header(decision, 'Access-Control-Allow-Headers')).toBe(expected);
  });
});

describe('a "*" origin policy preflight', () => {
  it('answers Access-Control-Allow-Origin: * and never Allow-Credentials', () => {
    const star = load({ origins: ['*'], methods: ['PUT'] });
    const decision = preflight(star, 'https://anyone.example', 'PUT');
    expect(decision).toMatchObject({ kind: 'preflight-allowed', reason: DecisionReason.AnyOrigin });
    expect(header(decision, 'Access-Control-Allow-Origin')).toBe('*');
    expect(header(decision, 'Access-Control-Allow-Credentials')).toBeUndefined();
  });
});

describe('Access-Control-Request-Headers parsing', () => {
  const policy = load({ allowHeaders: ['X-A', 'X-B', 'Content-Type'] });
  const allowed = (value: string): boolean => preflight(policy, APP, 'GET', { headers: value }).kind === 'preflight-allowed';
  const reason = (value: string): string => preflight(policy, APP, 'GET', { headers: value }).reason;

  it.each(['x-a', 'x-a,x-b', 'x-a, x-b', ' x-a ,\tx-b\t', 'X-A,X-B', 'x-a,,x-b', ',x-a,', '', ' ', ',', 'Content-Type'])(
    'accepts %j (optional whitespace, empty items, any case)',
    (value) => {
      expect(allowed(value)).toBe(true);
    },
  );

  it('echoes nothing when the list is empty', () => {
    expect(header(preflight(policy, APP, 'GET', { headers: ' , ' }), 'Access-Control-Allow-Headers')).toBeUndefined();
  });

  it.each(['x a', 'x-a;x-b', 'x-a\nx-b', 'x-a\r\nx-b', 'x-ä', 'x-a, "x-b"', 'x-a,(x-b)', 'x-\u212A', 'x-a/x-b', 'x-a\u0000'])(
    'refuses the non-token list %j as malformed',
    (value) => {
      expect(reason(value)).toBe(DecisionReason.RequestHeadersMalformed);
    },
  );

  it(`refuses a list longer than ${MAX_REQUEST_HEADERS_LENGTH} characters unread`, () => {
    const atCap = `x-a${' '.repeat(MAX_REQUEST_HEADERS_LENGTH - 3)}`;
    expect(allowed(atCap)).toBe(true);
    expect(reason(`${atCap} `)).toBe(DecisionReason.RequestHeadersMalformed);
  });

  it(`refuses more than ${MAX_REQUEST_HEADERS_COUNT} names`, () => {
    expect(allowed(Array(MAX_REQUEST_HEADERS_COUNT).fill('x-a').join(','))).toBe(true);
    expect(reason(Array(MAX_REQUEST_HEADERS_COUNT + 1).fill('x-a').join(','))).toBe(DecisionReason.RequestHeadersMalformed);
  });

  it('parses a hostile list in linear time', () => {
    const start = performance.now();
    for (const value of [','.repeat(1_000_000), ' '.repeat(1_000_000), 'x-a,'.repeat(250_000), `${'a'.repeat(MAX_REQUEST_HEADERS_LENGTH)}`, ', '.repeat(MAX_REQUEST_HEADERS_LENGTH / 2)]) {
      preflight(policy, APP, 'GET', { headers: value });
    }
    expect(performance.now() - start).toBeLessThan(200);
  });
});

describe('Access-Control-Request-Method bounds', () => {
  const anyMethod = load({ methods: ['*'], credentials: true });
  const customAtCap = 'X'.repeat(MAX_REQUEST_METHOD_LENGTH);

  it(`grants and echoes a custom method of exactly ${MAX_REQUEST_METHOD_LENGTH} bytes under "*" methods`, () => {
    const decision = preflight(anyMethod, APP, customAtCap);
    expect(decision.kind).toBe('preflight-allowed');
    expect(header(decision, 'Access-Control-Allow-Methods')).toBe(customAtCap);
  });

  it(`refuses a method one byte over ${MAX_REQUEST_METHOD_LENGTH} as malformed, never echoing it`, () => {
    const decision = preflight(anyMethod, APP, `${customAtCap}X`);
    expect(decision).toMatchObject({ kind: 'preflight-refused', reason: DecisionReason.RequestMethodMalformed, headers: [] });
  });

  it('refuses an over-long or non-token method before looking at the origin or the route', () => {
    const disabled = load({ methods: ['*'], routes: [{ path: '/off/**', disabled: true }] });
    expect(preflight(disabled, 'https://evil.example', 'P'.repeat(65)).reason).toBe(DecisionReason.RequestMethodMalformed);
    expect(preflight(disabled, APP, 'PUT\r\n', { path: '/off/x' }).reason).toBe(DecisionReason.RequestMethodMalformed);
  });

  it('refuses a 1 MiB method in well under a millisecond per preflight', () => {
    const huge = 'P'.repeat(1024 * 1024);
    const start = performance.now();
    for (let i = 0; i < 100; i++) expect(preflight(anyMethod, APP, huge).reason).toBe(DecisionReason.RequestMethodMalformed);
    expect(performance.now() - start).toBeLessThan(100);
  });
});

describe('Private Network Access', () => {
  const ack = [{ rule: 'private-network/deprecated', path: 'privateNetwork', reason: 'Device set-up page reaches the local printer.' }];
  const pna = load({ privateNetwork: true, acknowledgements: ack });
  const off = load();

  it('answers a PNA preflight when the policy opts in', () => {
    const decision = preflight(pna, APP, 'GET', { privateNetwork: 'true' });
    expect(decision.kind).toBe('preflight-allowed');
    expect(header(decision, 'Access-Control-Allow-Private-Network')).toBe('true');
  });

  it('is never emitted on a preflight that does not ask for it', () => {
    expect(header(preflight(pna, APP, 'GET'), 'Access-Control-Allow-Private-Network')).toBeUndefined();
  });

  it('refuses a PNA preflight when the policy does not opt in, and never emits the header', () => {
    const decision = preflight(off, APP, 'GET', { privateNetwork: 'true' });
    expect(decision).toMatchObject({ kind: 'preflight-refused', reason: DecisionReason.PrivateNetworkNotAllowed, headers: [] });
  });

  it('is never answered for an origin the policy does not allow', () => {
    const decision = preflight(pna, 'https://evil.example', 'GET', { privateNetwork: 'true' });
    expect(decision.kind).toBe('preflight-refused');
    expect(corsHeaderNames(decision)).toEqual([]);
  });

  it('cannot be combined with "*" origins (refused at load)', () => {
    expect(() => load({ origins: ['*'], privateNetwork: true })).toThrow(/private-network\/with-wildcard/);
  });

  it('is never emitted by a "*" policy', () => {
    const star = load({ origins: ['*'] });
    const decision = preflight(star, 'https://anyone.example', 'GET', { privateNetwork: 'true' });
    expect(decision.kind).toBe('preflight-refused');
    expect(header(decision, 'Access-Control-Allow-Private-Network')).toBeUndefined();
  });
});
