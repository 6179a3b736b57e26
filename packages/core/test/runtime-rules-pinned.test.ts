import { describe, expect, it } from 'vitest';
import { definePolicy } from '../src/index.js';
import { DecisionReason, developerModeDecision, REFUSAL_HEADER, requestFacts, resolveCors, type HeaderReader } from '../src/runtime.js';
import { actual, header, preflight, preflightFacts } from './helpers.js';

/*
 * What the compiled rules answer for inputs the linter only warns about (duplicates) or that only
 * routes produce (a disabled route under "*"), and how request facts are read for non-preflights.
 */

const APP = 'https://app.example.com';

describe('duplicated entries (a lint warning, still loaded)', () => {
  const duplicated = definePolicy({
    name: 'dup', origins: [APP], methods: ['PUT'], allowHeaders: ['X-A', 'x-a', 'Content-Type'], exposeHeaders: ['X-Id', 'x-id'],
  });

  it('are answered once in Access-Control-Allow-Headers', () => {
    const decision = preflight(duplicated, APP, 'PUT', { headers: 'x-a' });
    expect(decision.kind).toBe('preflight-allowed');
    expect(header(decision, 'Access-Control-Allow-Headers')).toBe('x-a, content-type');
  });

  it('are answered once in Access-Control-Expose-Headers, as first written', () => {
    expect(header(actual(duplicated, APP, 'PUT'), 'Access-Control-Expose-Headers')).toBe('X-Id');
  });
});

describe('a disabled route under a "*" policy', () => {
  const star = definePolicy({ name: 'star', origins: ['*'], exposeHeaders: ['X-Id'], routes: [{ path: '/internal/**', disabled: true }] });

  it('answers a request without Origin with no CORS header at all (the "*" answer is not precomputed there)', () => {
    expect(actual(star, undefined, 'GET', '/internal/x')).toMatchObject({ kind: 'not-cors', headers: [], vary: [] });
    expect(actual(star, undefined, 'GET', '/other').headers).toEqual([['Access-Control-Allow-Origin', '*'], ['Access-Control-Expose-Headers', 'X-Id']]);
  });

  it('refuses cross-origin requests and preflights there', () => {
    expect(actual(star, APP, 'GET', '/internal/x')).toMatchObject({ kind: 'actual-refused', reason: DecisionReason.RouteDisabled, headers: [] });
    expect(preflight(star, APP, 'GET', { path: '/internal/x' })).toMatchObject({ kind: 'preflight-refused', reason: DecisionReason.RouteDisabled, headers: [] });
  });
});

describe('the header list developer mode shows on a preflight refused for its method', () => {
  // Developer mode answers such a preflight with the policy's own lists (developer-mode.ts), read
  // from the compiled rules: what they hold for `*` and for an empty list is visible there.
  const shown = (input: Parameters<typeof definePolicy>[0]) => {
    const policy = definePolicy(input);
    const facts = preflightFacts(APP, 'PATCH');
    const decision = developerModeDecision(policy, facts, resolveCors(policy, facts));
    expect(header(decision, REFUSAL_HEADER)).toBe('method-not-allowed');
    return header(decision, 'Access-Control-Allow-Headers');
  };

  it('names the listed headers but never a literal "*" when credentials make browsers take "*" literally', () => {
    expect(shown({ name: 'cred', origins: [APP], credentials: true, methods: ['PUT'], allowHeaders: ['*', 'Authorization'] })).toBe('authorization');
    expect(shown({ name: 'cred-star', origins: [APP], credentials: true, methods: ['PUT'], allowHeaders: ['*'] })).toBeUndefined();
  });

  it('sends no Access-Control-Allow-Headers, not even an empty one, for a policy that allows no header', () => {
    expect(shown({ name: 'none', origins: [APP], methods: ['PUT'] })).toBeUndefined();
    expect(shown({ name: 'empty', origins: [APP], methods: ['PUT'], allowHeaders: [] })).toBeUndefined();
  });

  it('sends "*" as it is answered when there are no credentials', () => {
    expect(shown({ name: 'star', origins: [APP], methods: ['PUT'], allowHeaders: ['*'] })).toBe('*');
  });
});

describe('requestFacts for a request that cannot be a preflight', () => {
  it('reads only Origin, so Access-Control-Request-* on a GET are neither read nor reported', () => {
    const asked: string[] = [];
    const all: Record<string, string> = {
      origin: APP, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-a', 'access-control-request-private-network': 'true',
    };
    const reader: HeaderReader = (name) => {
      asked.push(name);
      return all[name];
    };
    expect(requestFacts('GET', '/x', reader)).toEqual({
      method: 'GET', path: '/x', origin: APP, accessControlRequestMethod: undefined, accessControlRequestHeaders: undefined, accessControlRequestPrivateNetwork: undefined,
    });
    expect(asked).toEqual(['origin']);
  });

  it('keeps the asterisk-form target of `OPTIONS *` and other slash-less targets as they are, never as the root', () => {
    expect(requestFacts('OPTIONS', '*', () => undefined).path).toBe('*');
    expect(requestFacts('GET', 'items/1?x=1', () => undefined).path).toBe('items/1');
    const rootOff = definePolicy({ name: 'root', origins: [APP], routes: [{ path: '/', disabled: true }] });
    const star = resolveCors(rootOff, requestFacts('OPTIONS', '*', (name) => (name === 'origin' ? APP : undefined)));
    expect(star.route).toBeUndefined();
    expect(star.reason).not.toBe(DecisionReason.RouteDisabled);
  });

  it('joins repeated private-network lines so that they never read as "true"', () => {
    const facts = requestFacts('OPTIONS', '/', (name) => (name === 'access-control-request-private-network' ? ['true', 'true'] : undefined));
    expect(facts.accessControlRequestPrivateNetwork).toBe('true, true');
    const policy = definePolicy({ name: 'pna', origins: [APP], methods: ['PUT'], privateNetwork: true });
    const repeated = resolveCors(policy, { ...facts, origin: APP, accessControlRequestMethod: 'PUT' });
    expect(header(repeated, 'Access-Control-Allow-Private-Network')).toBeUndefined();
  });
});
