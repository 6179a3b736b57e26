import { describe, expect, it } from 'vitest';
import { DecisionReason, MAX_ORIGIN_LENGTH, definePolicy, explain, mergeVary, requestFacts, resolveCors } from '../src/index.js';
import { actual, header, load, preflight } from './helpers.js';

/*
 * Resolver branches no other test pins: the `end` flag per kind of match, Max-Age presence, Vary
 * tokens, the precomputed answers, origin classification and private-network preflights.
 */

const APP = 'https://app.example.com';
const PREFLIGHT_VARY = ['Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers'];

const patterned = load({ origins: [APP, 'https://*.example.com'], methods: ['GET', 'PUT'], credentials: true, exposeHeaders: ['X-Request-Id'] });
const star = load({ origins: ['*'], methods: ['GET', 'PUT'], exposeHeaders: ['X-Request-Id'] });

describe('the end flag of allowed requests', () => {
  it('an actual request allowed by an origin pattern runs the app (end false), with the origin echoed', () => {
    const decision = actual(patterned, 'https://tenant.example.com');
    expect(decision).toEqual({
      kind: 'actual-allowed',
      reason: DecisionReason.OriginAllowed,
      headers: [
        ['Access-Control-Allow-Origin', 'https://tenant.example.com'],
        ['Access-Control-Allow-Credentials', 'true'],
        ['Access-Control-Expose-Headers', 'X-Request-Id'],
      ],
      vary: ['Origin'],
      route: undefined,
      end: false,
    });
  });

  it('an actual request allowed by "*" runs the app (end false), with "*" and no Vary', () => {
    expect(actual(star, 'https://anyone.example')).toEqual({
      kind: 'actual-allowed',
      reason: DecisionReason.AnyOrigin,
      headers: [['Access-Control-Allow-Origin', '*'], ['Access-Control-Expose-Headers', 'X-Request-Id']],
      vary: [],
      route: undefined,
      end: false,
    });
  });

  it('an actual request from an exact origin runs the app (end false)', () => {
    expect(actual(patterned, APP)).toMatchObject({ kind: 'actual-allowed', reason: DecisionReason.OriginAllowed, end: false });
  });

  it('a preflight allowed by a pattern or by "*" is ended by the CORS layer (end true)', () => {
    expect(preflight(patterned, 'https://tenant.example.com', 'PUT')).toMatchObject({ kind: 'preflight-allowed', reason: DecisionReason.OriginAllowed, end: true, status: 204 });
    expect(preflight(star, 'https://anyone.example', 'PUT')).toMatchObject({ kind: 'preflight-allowed', reason: DecisionReason.AnyOrigin, end: true, status: 204 });
  });

  it('with continueToApp, an allowed preflight goes to the app (end false), a refused one never does', () => {
    const handOver = load({ origins: ['https://*.example.com'], methods: ['PUT'], preflight: { continueToApp: true } });
    expect(preflight(handOver, 'https://tenant.example.com', 'PUT')).toMatchObject({ kind: 'preflight-allowed', end: false });
    expect(preflight(handOver, 'https://evil.example', 'PUT')).toMatchObject({ kind: 'preflight-refused', end: true });
    const starHandOver = load({ origins: ['*'], methods: ['PUT'], preflight: { continueToApp: true } });
    expect(preflight(starHandOver, 'https://anyone.example', 'PUT')).toMatchObject({ kind: 'preflight-allowed', end: false });
  });

  it('explain() reports the same end flags', () => {
    const viaPattern = explain(patterned, { origin: 'https://tenant.example.com', method: 'PUT' });
    expect(viaPattern.allowed).toBe(true);
    expect(viaPattern.preflight).toMatchObject({ needed: true, decision: { kind: 'preflight-allowed', end: true } });
    expect(viaPattern.actual).toMatchObject({ kind: 'actual-allowed', end: false });
    const viaStar = explain(star, { origin: 'https://anyone.example', method: 'PUT' });
    expect(viaStar.preflight).toMatchObject({ needed: true, decision: { kind: 'preflight-allowed', end: true } });
    expect(viaStar.actual).toMatchObject({ kind: 'actual-allowed', end: false });
  });
});

describe('Access-Control-Max-Age', () => {
  it('is absent when the policy sets no maxAge, for exact, pattern and "*" origins', () => {
    expect(header(preflight(patterned, APP, 'PUT'), 'Access-Control-Max-Age')).toBeUndefined();
    expect(header(preflight(patterned, 'https://tenant.example.com', 'PUT'), 'Access-Control-Max-Age')).toBeUndefined();
    expect(header(preflight(star, 'https://anyone.example', 'PUT'), 'Access-Control-Max-Age')).toBeUndefined();
  });

  it('is "0" when maxAge is 0, and the configured value otherwise', () => {
    expect(header(preflight(load({ methods: ['PUT'], maxAge: 0 }), APP, 'PUT'), 'Access-Control-Max-Age')).toBe('0');
    expect(header(preflight(load({ origins: ['*'], methods: ['PUT'], maxAge: 0 }), APP, 'PUT'), 'Access-Control-Max-Age')).toBe('0');
    expect(header(preflight(load({ methods: ['PUT'], maxAge: 7200 }), APP, 'PUT'), 'Access-Control-Max-Age')).toBe('7200');
  });

  it('never appears on actual responses', () => {
    expect(header(actual(load({ maxAge: 600 }), APP), 'Access-Control-Max-Age')).toBeUndefined();
  });
});

describe('Vary', () => {
  it('a preflight decision varies on Origin, Request-Method and Request-Headers, allowed or refused', () => {
    expect(preflight(patterned, APP, 'PUT').vary).toEqual(PREFLIGHT_VARY);
    expect(preflight(patterned, 'https://evil.example', 'PUT').vary).toEqual(PREFLIGHT_VARY);
    expect(preflight(star, 'https://anyone.example', 'PUT').vary).toEqual(PREFLIGHT_VARY);
  });

  it('every preflight token is kept when the response had no Vary', () => {
    const vary = preflight(patterned, APP, 'PUT').vary;
    expect(mergeVary(undefined, vary)).toBe('Origin, Access-Control-Request-Method, Access-Control-Request-Headers');
    expect(mergeVary(null, vary)).toBe('Origin, Access-Control-Request-Method, Access-Control-Request-Headers');
    expect(mergeVary('', vary)).toBe('Origin, Access-Control-Request-Method, Access-Control-Request-Headers');
    expect(mergeVary([], vary)).toBe('Origin, Access-Control-Request-Method, Access-Control-Request-Headers');
  });

  it('an existing Vary keeps its tokens and gains each missing one once, in order', () => {
    const vary = preflight(patterned, APP, 'PUT').vary;
    expect(mergeVary('Accept-Encoding', vary)).toBe('Accept-Encoding, Origin, Access-Control-Request-Method, Access-Control-Request-Headers');
    expect(mergeVary('access-control-request-method', vary)).toBe('access-control-request-method, Origin, Access-Control-Request-Headers');
    expect(mergeVary(' , Accept ,', ['Origin'])).toBe(' , Accept ,, Origin');
    expect(mergeVary(42, ['Origin'])).toBe('42, Origin');
    expect(mergeVary('Accept', ['Origin', 'origin', 'ORIGIN'])).toBe('Accept, Origin');
    expect(mergeVary(['Accept', '*'], ['Origin'])).toBe('Accept, *');
  });

  it('actual responses vary on Origin unless the answer is the same for every origin', () => {
    expect(actual(patterned, APP).vary).toEqual(['Origin']);
    expect(actual(patterned, 'https://tenant.example.com').vary).toEqual(['Origin']);
    expect(actual(patterned, 'https://evil.example').vary).toEqual(['Origin']);
    expect(actual(patterned, undefined).vary).toEqual(['Origin']);
    expect(actual(star, 'https://anyone.example').vary).toEqual([]);
    expect(actual(star, undefined).vary).toEqual([]);
    const disabled = definePolicy({ name: 'off', origins: [APP], routes: [{ path: '/admin/**', disabled: true }] });
    expect(actual(disabled, APP, 'GET', '/admin/x').vary).toEqual([]);
    expect(actual(disabled, APP, 'GET', '/other').vary).toEqual(['Origin']);
  });
});

describe('precomputed answers', () => {
  it('a request without Origin gets no CORS headers, except "*" (and exposed headers) under a "*" policy', () => {
    expect(actual(patterned, undefined)).toEqual({ kind: 'not-cors', reason: DecisionReason.NoOrigin, headers: [], vary: ['Origin'], route: undefined, end: false });
    expect(actual(star, undefined).headers).toEqual([['Access-Control-Allow-Origin', '*'], ['Access-Control-Expose-Headers', 'X-Request-Id']]);
    expect(actual(load({ origins: ['*'] }), undefined).headers).toEqual([['Access-Control-Allow-Origin', '*']]);
  });

  it('an exact origin is answered with its own origin echoed, credentials and exposed headers (built per request, never one kept per listed origin)', () => {
    expect(actual(patterned, APP)).not.toBe(actual(patterned, APP));
    expect(actual(patterned, APP).headers).toEqual([
      ['Access-Control-Allow-Origin', APP],
      ['Access-Control-Allow-Credentials', 'true'],
      ['Access-Control-Expose-Headers', 'X-Request-Id'],
    ]);
  });

  it('an exact origin whose method is not allowed is refused, not answered from the lookup', () => {
    expect(actual(patterned, APP, 'DELETE')).toMatchObject({ kind: 'actual-refused', reason: DecisionReason.MethodNotAllowed, headers: [], end: false });
    expect(actual(star, 'https://anyone.example', 'DELETE')).toMatchObject({ kind: 'actual-refused', reason: DecisionReason.MethodNotAllowed, headers: [] });
    expect(actual(patterned, 'https://tenant.example.com', 'DELETE')).toMatchObject({ kind: 'actual-refused', reason: DecisionReason.MethodNotAllowed });
  });

  it('a refused preflight carries the configured refused status, no headers, and ends', () => {
    const custom = load({ methods: ['PUT'], preflight: { refusedStatus: 403 } });
    expect(preflight(custom, 'https://evil.example', 'PUT')).toEqual({
      kind: 'preflight-refused', reason: DecisionReason.OriginNotAllowed, headers: [], vary: PREFLIGHT_VARY, route: undefined, status: 403, end: true,
    });
  });

  it('decisions under a route rule name that route, refusals included', () => {
    const routed = definePolicy({ name: 'r', origins: [APP], routes: [{ path: '/api/**', methods: ['PUT'] }] });
    const route = { index: 0, path: '/api/**' };
    expect(actual(routed, undefined, 'GET', '/api/x').route).toEqual(route);
    expect(actual(routed, APP, 'PUT', '/api/x').route).toEqual(route);
    expect(actual(routed, 'https://evil.example', 'PUT', '/api/x').route).toEqual(route);
    expect(preflight(routed, APP, 'PUT', { path: '/api/x' }).route).toEqual(route);
    expect(preflight(routed, 'https://evil.example', 'PUT', { path: '/api/x' }).route).toEqual(route);
  });
});

describe('origin classification of refusals', () => {
  it.each([
    ['an empty Origin', DecisionReason.OriginMalformed, ''],
    ['Origin: null', DecisionReason.OriginNull, 'null'],
    ['two origins joined by a comma', DecisionReason.OriginMalformed, `${APP},https://b.example`],
    ['a space inside', DecisionReason.OriginMalformed, 'https://evil example'],
    ['no scheme separator', DecisionReason.OriginMalformed, 'evil.example'],
    ['an over-long origin', DecisionReason.OriginMalformed, `https://${'a'.repeat(MAX_ORIGIN_LENGTH)}.example`],
    ['a well-formed unlisted origin', DecisionReason.OriginNotAllowed, 'https://evil.example'],
  ])('%s is refused as %s on actual requests and preflights', (_, reason, origin) => {
    expect(actual(patterned, origin)).toMatchObject({ kind: 'actual-refused', reason, headers: [], end: false });
    expect(preflight(patterned, origin, 'PUT')).toMatchObject({ kind: 'preflight-refused', reason, headers: [], end: true });
  });
});

describe('methods', () => {
  it('HEAD is allowed wherever GET is, and only there', () => {
    expect(actual(load({ methods: ['GET'] }), APP, 'HEAD').kind).toBe('actual-allowed');
    expect(actual(load({ methods: ['POST'] }), APP, 'HEAD').reason).toBe(DecisionReason.MethodNotAllowed);
    expect(actual(load({ methods: ['GET'] }), APP, 'PUT').reason).toBe(DecisionReason.MethodNotAllowed);
    expect(preflight(load({ methods: ['GET'] }), APP, 'HEAD').kind).toBe('preflight-allowed');
    expect(preflight(load({ methods: ['GET'] }), APP, 'PUT').reason).toBe(DecisionReason.MethodNotAllowed);
  });

  it('methods "*" grants any method; Allow-Methods is "*" without credentials and the method itself with them', () => {
    const anyMethod = load({ methods: ['*'] });
    expect(actual(anyMethod, APP, 'PURGE').kind).toBe('actual-allowed');
    expect(header(preflight(anyMethod, APP, 'PURGE'), 'Access-Control-Allow-Methods')).toBe('*');
    const anyMethodCredentialed = load({ methods: ['*'], credentials: true });
    expect(header(preflight(anyMethodCredentialed, APP, 'PURGE'), 'Access-Control-Allow-Methods')).toBe('PURGE');
    expect(header(preflight(load({ methods: ['PUT'] }), APP, 'PUT'), 'Access-Control-Allow-Methods')).toBe('PUT');
  });

  it('a preflight answer carries Allow-Credentials only when credentials are on', () => {
    expect(header(preflight(patterned, APP, 'PUT'), 'Access-Control-Allow-Credentials')).toBe('true');
    expect(header(preflight(load({ methods: ['PUT'] }), APP, 'PUT'), 'Access-Control-Allow-Credentials')).toBeUndefined();
    expect(header(preflight(star, 'https://anyone.example', 'PUT'), 'Access-Control-Allow-Origin')).toBe('*');
  });
});

describe('which requests are preflights', () => {
  const at = (method: string, headers: Record<string, string>) =>
    resolveCors(patterned, requestFacts(method, '/', (n) => headers[n]));

  it('an OPTIONS with Access-Control-Request-Method is a preflight', () => {
    expect(at('OPTIONS', { origin: APP, 'access-control-request-method': 'PUT' }).kind).toBe('preflight-allowed');
  });

  it('an OPTIONS without it, or another method with it, is an actual request', () => {
    expect(at('OPTIONS', { origin: APP }).kind).toBe('actual-refused');
    expect(at('GET', { origin: APP, 'access-control-request-method': 'PUT' }).kind).toBe('actual-allowed');
    const facts = { ...requestFacts('GET', '/', (n) => (n === 'origin' ? APP : undefined)), accessControlRequestMethod: 'PUT' };
    expect(resolveCors(patterned, facts).kind).toBe('actual-allowed');
  });

  it('a preflight without Origin is not CORS', () => {
    expect(at('OPTIONS', { 'access-control-request-method': 'PUT' }).kind).toBe('not-cors');
  });
});

describe('private network preflights', () => {
  const opted = load({ methods: ['PUT'], privateNetwork: true });

  it('are allowed with Allow-Private-Network only when the policy opts in', () => {
    const decision = preflight(opted, APP, 'PUT', { privateNetwork: 'true' });
    expect(decision.kind).toBe('preflight-allowed');
    expect(header(decision, 'Access-Control-Allow-Private-Network')).toBe('true');
    expect(preflight(load({ methods: ['PUT'] }), APP, 'PUT', { privateNetwork: 'true' }).reason).toBe(DecisionReason.PrivateNetworkNotAllowed);
  });

  it('cannot be opted into for "*" origins: such a policy does not load', () => {
    expect(() => load({ origins: ['*'], methods: ['PUT'], privateNetwork: true })).toThrow(/private-network\/with-wildcard/);
  });

  it('only the value "true" asks: anything else is an ordinary preflight without the header', () => {
    for (const value of ['false', 'TRUE', '']) {
      const decision = preflight(load({ methods: ['PUT'] }), APP, 'PUT', { privateNetwork: value });
      expect(decision.kind, value).toBe('preflight-allowed');
      expect(header(decision, 'Access-Control-Allow-Private-Network')).toBeUndefined();
      expect(header(preflight(opted, APP, 'PUT', { privateNetwork: value }), 'Access-Control-Allow-Private-Network')).toBeUndefined();
    }
  });
});
