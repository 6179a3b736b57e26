import { describe, expect, it } from 'vitest';
import { DecisionReason } from '../src/index.js';
import { actual, corsHeaderNames, header, load, preflight } from './helpers.js';

const credentialed = load({
  origins: ['https://app.example.com'],
  credentials: true,
  methods: ['GET', 'POST', 'PUT'],
  exposeHeaders: ['X-Request-Id', 'X-Total-Count'],
});
const anonymous = load({ origins: ['https://app.example.com'] });
const star = load({ origins: ['*'], exposeHeaders: ['X-Request-Id'] });

describe('an allowed simple request', () => {
  it('gets the echoed origin, credentials and exposed headers, and the app runs', () => {
    const decision = actual(credentialed, 'https://app.example.com', 'GET');
    expect(decision).toMatchObject({ kind: 'actual-allowed', reason: DecisionReason.OriginAllowed, end: false, vary: ['Origin'] });
    expect(decision.headers).toEqual([
      ['Access-Control-Allow-Origin', 'https://app.example.com'],
      ['Access-Control-Allow-Credentials', 'true'],
      ['Access-Control-Expose-Headers', 'X-Request-Id, X-Total-Count'],
    ]);
  });

  it('carries no Allow-Credentials when the policy has no credentials', () => {
    const decision = actual(anonymous, 'https://app.example.com');
    expect(header(decision, 'Access-Control-Allow-Origin')).toBe('https://app.example.com');
    expect(header(decision, 'Access-Control-Allow-Credentials')).toBeUndefined();
    expect(header(decision, 'Access-Control-Expose-Headers')).toBeUndefined();
  });

  it('never carries preflight-only headers', () => {
    const withEverything = load({ methods: ['PUT'], allowHeaders: ['X-Custom'], maxAge: 600 });
    expect(corsHeaderNames(actual(withEverything, 'https://app.example.com', 'PUT'))).toEqual(['Access-Control-Allow-Origin']);
  });
});

describe('a refused actual request', () => {
  it('from an unlisted origin goes to the app with no CORS headers, but Vary: Origin', () => {
    const decision = actual(credentialed, 'https://evil.example');
    expect(decision).toEqual({ kind: 'actual-refused', reason: DecisionReason.OriginNotAllowed, headers: [], vary: ['Origin'], route: undefined, end: false });
  });

  it('with Origin: null goes to the app with no CORS headers', () => {
    expect(actual(credentialed, 'null')).toMatchObject({ kind: 'actual-refused', reason: DecisionReason.OriginNull, headers: [], end: false });
  });
});

describe('methods bind actual requests', () => {
  it('withholds CORS headers from a simple GET when the policy omits GET', () => {
    const postOnly = load({ methods: ['POST'] });
    expect(actual(postOnly, 'https://app.example.com', 'GET')).toMatchObject({ kind: 'actual-refused', reason: DecisionReason.MethodNotAllowed, headers: [] });
    expect(actual(postOnly, 'https://app.example.com', 'POST').kind).toBe('actual-allowed');
  });

  it('withholds them from a POST when the policy lists only GET', () => {
    const getOnly = load({ methods: ['GET'] });
    expect(actual(getOnly, 'https://app.example.com', 'POST')).toMatchObject({ kind: 'actual-refused', reason: DecisionReason.MethodNotAllowed });
  });

  it('answers HEAD wherever GET is allowed (HEAD is GET without a body)', () => {
    const getOnly = load({ methods: ['GET'] });
    expect(actual(getOnly, 'https://app.example.com', 'HEAD').kind).toBe('actual-allowed');
  });

  it('allows GET, HEAD and POST by default', () => {
    for (const method of ['GET', 'HEAD', 'POST']) expect(actual(anonymous, 'https://app.example.com', method).kind).toBe('actual-allowed');
    expect(actual(anonymous, 'https://app.example.com', 'PUT').kind).toBe('actual-refused');
  });

  it('compares the request method exactly: a policy with PATCH refuses an actual `patch`', () => {
    const patch = load({ methods: ['PATCH'] });
    expect(actual(patch, 'https://app.example.com', 'PATCH').kind).toBe('actual-allowed');
    expect(actual(patch, 'https://app.example.com', 'patch').kind).toBe('actual-refused');
  });
});

describe('a policy that allows any origin ("*")', () => {
  it('sends Access-Control-Allow-Origin: * with an Origin, and no Vary: Origin', () => {
    const decision = actual(star, 'https://anyone.example');
    expect(decision).toMatchObject({ kind: 'actual-allowed', reason: DecisionReason.AnyOrigin, vary: [] });
    expect(decision.headers).toEqual([
      ['Access-Control-Allow-Origin', '*'],
      ['Access-Control-Expose-Headers', 'X-Request-Id'],
    ]);
  });

  it('sends Access-Control-Allow-Origin: * without an Origin too, so shared caches serve every caller', () => {
    const decision = actual(star, undefined);
    expect(decision).toMatchObject({ kind: 'not-cors', reason: DecisionReason.NoOrigin, vary: [], end: false });
    expect(header(decision, 'Access-Control-Allow-Origin')).toBe('*');
  });

  it('never echoes the origin, never allows credentials', () => {
    for (const origin of ['https://anyone.example', 'null', '']) {
      const decision = actual(star, origin);
      expect(header(decision, 'Access-Control-Allow-Origin')).toBe('*');
      expect(header(decision, 'Access-Control-Allow-Credentials')).toBeUndefined();
    }
  });
});

describe('Vary: Origin on non-preflight responses of a policy that lists origins', () => {
  it.each([
    ['an allowed request', 'https://app.example.com'],
    ['a refused request', 'https://evil.example'],
    ['a request without Origin', undefined],
    ['a request with Origin: null', 'null'],
    ['a request with a malformed Origin', 'https://a, https://b'],
  ])('is set on %s', (_label, origin) => {
    expect(actual(credentialed, origin).vary).toEqual(['Origin']);
  });

  it('is set when the method is refused', () => {
    expect(actual(credentialed, 'https://app.example.com', 'DELETE').vary).toEqual(['Origin']);
  });
});

describe('a request without Origin', () => {
  it('is not a CORS request: no headers, the app runs', () => {
    expect(actual(credentialed, undefined)).toEqual({ kind: 'not-cors', reason: DecisionReason.NoOrigin, headers: [], vary: ['Origin'], route: undefined, end: false });
  });

  it('is not a preflight even as OPTIONS with Access-Control-Request-Method: it goes to the app', () => {
    const decision = preflight(credentialed, undefined, 'PUT');
    expect(decision).toMatchObject({ kind: 'not-cors', reason: DecisionReason.NoOrigin, headers: [], end: false });
  });
});

describe('an OPTIONS request without Access-Control-Request-Method', () => {
  it('is not a preflight: it is never answered by the CORS layer', () => {
    const withOptions = load({ methods: ['GET', 'OPTIONS'] });
    const decision = actual(withOptions, 'https://app.example.com', 'OPTIONS');
    expect(decision.kind).toBe('actual-allowed');
    expect(decision.end).toBe(false);
    expect(header(decision, 'Access-Control-Allow-Methods')).toBeUndefined();
  });

  it('goes to the app without CORS headers when OPTIONS is not an allowed method', () => {
    const decision = actual(credentialed, 'https://app.example.com', 'OPTIONS');
    expect(decision).toMatchObject({ kind: 'actual-refused', end: false, headers: [] });
  });
});

describe('precomputed answers', () => {
  it('answer a refusal and a no-Origin request with the same decision every time (nothing allocated per request)', () => {
    expect(actual(credentialed, 'https://evil.example', 'GET')).toBe(actual(credentialed, 'https://evil.example', 'GET'));
    expect(actual(credentialed, undefined, 'GET')).toBe(actual(credentialed, undefined, 'GET'));
  });

  it('never lets one request see another origin in a shared answer', () => {
    const policy = load({ origins: ['https://a.example.com', 'https://*.b.example.com'] });
    expect(header(actual(policy, 'https://a.example.com', 'GET'), 'Access-Control-Allow-Origin')).toBe('https://a.example.com');
    expect(header(actual(policy, 'https://x.b.example.com', 'GET'), 'Access-Control-Allow-Origin')).toBe('https://x.b.example.com');
    expect(header(actual(policy, 'https://y.b.example.com', 'GET'), 'Access-Control-Allow-Origin')).toBe('https://y.b.example.com');
    expect(header(actual(policy, 'https://a.example.com', 'GET'), 'Access-Control-Allow-Origin')).toBe('https://a.example.com');
  });
});
