import { describe, expect, it } from 'vitest';
import { DecisionReason, MAX_REQUEST_HEADERS_COUNT, MAX_REQUEST_HEADERS_LENGTH, type CorsPolicy } from '../src/index.js';
import { header, load, preflight } from './helpers.js';

/*
 * `Access-Control-Request-Headers` against a fixed `allowHeaders` list and against `*`: which names
 * pass, which are refused, and where the list stops being well-formed.
 */

const APP = 'https://app.example.com';

const fixed = load({ methods: ['PUT'], allowHeaders: ['X-Api-Key', 'Content-Type'] });

function reasonFor(policy: CorsPolicy, requested: string): string {
  return preflight(policy, APP, 'PUT', { headers: requested }).reason;
}

describe('a fixed allowHeaders list', () => {
  it('refuses a name as long as an allowed one but different in one character', () => {
    expect(reasonFor(fixed, 'x-api-kex')).toBe(DecisionReason.HeaderNotAllowed);
    expect(reasonFor(fixed, 'y-api-key')).toBe(DecisionReason.HeaderNotAllowed);
  });

  it('refuses a prefix of an allowed name and a name that extends one', () => {
    expect(reasonFor(fixed, 'x-api')).toBe(DecisionReason.HeaderNotAllowed);
    expect(reasonFor(fixed, 'x-api-keys')).toBe(DecisionReason.HeaderNotAllowed);
    expect(reasonFor(fixed, 'content-type-x')).toBe(DecisionReason.HeaderNotAllowed);
  });

  it('refuses the whole list when any one name is unlisted, wherever it stands', () => {
    expect(reasonFor(fixed, 'x-evil,x-api-key')).toBe(DecisionReason.HeaderNotAllowed);
    expect(reasonFor(fixed, 'x-api-key,x-evil')).toBe(DecisionReason.HeaderNotAllowed);
    expect(reasonFor(fixed, 'x-evil')).toBe(DecisionReason.HeaderNotAllowed);
  });

  it('accepts listed names in any ASCII case, and answers with the configured list, not the request', () => {
    const decision = preflight(fixed, APP, 'PUT', { headers: 'X-API-KEY,content-TYPE' });
    expect(decision.kind).toBe('preflight-allowed');
    expect(header(decision, 'Access-Control-Allow-Headers')).toBe('x-api-key, content-type');
  });

  it('folds every letter A–Z, including the first and last', () => {
    const edges = load({ methods: ['PUT'], allowHeaders: ['x-az'] });
    expect(preflight(edges, APP, 'PUT', { headers: 'X-AZ' }).kind).toBe('preflight-allowed');
    expect(preflight(edges, APP, 'PUT', { headers: 'x-Az' }).kind).toBe('preflight-allowed');
  });

  it('tolerates spaces and tabs around names and empty items', () => {
    for (const requested of [' x-api-key', 'x-api-key ', '\tx-api-key\t', 'x-api-key  ,  content-type', ',,x-api-key,,', 'x-api-key,\t,content-type']) {
      expect(preflight(fixed, APP, 'PUT', { headers: requested }).kind, JSON.stringify(requested)).toBe('preflight-allowed');
    }
  });

  it('sends no Allow-Headers when the request names no header', () => {
    for (const requested of ['', ',', ' , ']) {
      const decision = preflight(fixed, APP, 'PUT', { headers: requested });
      expect(decision.kind).toBe('preflight-allowed');
      expect(header(decision, 'Access-Control-Allow-Headers'), JSON.stringify(requested)).toBeUndefined();
    }
    expect(header(preflight(fixed, APP, 'PUT'), 'Access-Control-Allow-Headers')).toBeUndefined();
  });

  it('with no allowHeaders at all, refuses any named header and accepts an empty list', () => {
    const none = load({ methods: ['PUT'] });
    expect(reasonFor(none, 'x-api-key')).toBe(DecisionReason.HeaderNotAllowed);
    const empty = preflight(none, APP, 'PUT', { headers: '' });
    expect(empty.kind).toBe('preflight-allowed');
    expect(header(empty, 'Access-Control-Allow-Headers')).toBeUndefined();
  });

  it('reports a malformed list as malformed even after an unlisted name', () => {
    expect(reasonFor(fixed, 'x-evil, bad name')).toBe(DecisionReason.RequestHeadersMalformed);
    expect(reasonFor(fixed, 'x-evil,x@y')).toBe(DecisionReason.RequestHeadersMalformed);
  });

  it('refuses whitespace inside a name and non-token characters as malformed', () => {
    for (const requested of ['x-api key', 'x-api-key content-type', 'x-api-key;', 'x-api-key\n', 'x"a']) {
      expect(reasonFor(fixed, requested), JSON.stringify(requested)).toBe(DecisionReason.RequestHeadersMalformed);
    }
  });

  it('reads a list of exactly the length cap, and refuses one character more unread', () => {
    const atCap = `x-api-key${' '.repeat(MAX_REQUEST_HEADERS_LENGTH - 'x-api-key'.length)}`;
    expect(atCap).toHaveLength(MAX_REQUEST_HEADERS_LENGTH);
    expect(preflight(fixed, APP, 'PUT', { headers: atCap }).kind).toBe('preflight-allowed');
    expect(reasonFor(fixed, `${atCap} `)).toBe(DecisionReason.RequestHeadersMalformed);
  });

  it('reads exactly the count cap of names, and refuses one more', () => {
    const names = (n: number) => Array.from({ length: n }, () => 'x-api-key').join(',');
    expect(preflight(fixed, APP, 'PUT', { headers: names(MAX_REQUEST_HEADERS_COUNT) }).kind).toBe('preflight-allowed');
    expect(reasonFor(fixed, names(MAX_REQUEST_HEADERS_COUNT + 1))).toBe(DecisionReason.RequestHeadersMalformed);
  });
});

describe('allowHeaders "*"', () => {
  const star = load({ methods: ['PUT'], allowHeaders: ['*'] });
  const starWithAuth = load({ methods: ['PUT'], allowHeaders: ['*', 'Authorization'] });
  const starCredentialed = load({ methods: ['PUT'], allowHeaders: ['*'], credentials: true });

  it('answers "*" without credentials, whatever is requested', () => {
    expect(header(preflight(star, APP, 'PUT', { headers: 'x-anything,x-other' }), 'Access-Control-Allow-Headers')).toBe('*');
  });

  it('answers "*, authorization" when Authorization is listed beside "*"', () => {
    const decision = preflight(starWithAuth, APP, 'PUT', { headers: 'authorization,x-a' });
    expect(decision.kind).toBe('preflight-allowed');
    expect(header(decision, 'Access-Control-Allow-Headers')).toBe('*, authorization');
  });

  it('does not cover Authorization unless it is listed, in any case', () => {
    expect(reasonFor(star, 'authorization')).toBe(DecisionReason.HeaderNotAllowed);
    expect(reasonFor(star, 'Authorization')).toBe(DecisionReason.HeaderNotAllowed);
    expect(reasonFor(star, 'x-a, AUTHORIZATION')).toBe(DecisionReason.HeaderNotAllowed);
    expect(reasonFor(starCredentialed, 'Authorization')).toBe(DecisionReason.HeaderNotAllowed);
  });

  it('echoes the requested names, lower-cased and trimmed, when credentials are on', () => {
    const decision = preflight(starCredentialed, APP, 'PUT', { headers: ' X-Trace ,\tX-Other,,' });
    expect(decision.kind).toBe('preflight-allowed');
    expect(header(decision, 'Access-Control-Allow-Headers')).toBe('x-trace, x-other');
  });

  it('sends no Allow-Headers when the request names no header', () => {
    for (const policy of [star, starCredentialed]) {
      const decision = preflight(policy, APP, 'PUT', { headers: ' , ' });
      expect(decision.kind).toBe('preflight-allowed');
      expect(header(decision, 'Access-Control-Allow-Headers')).toBeUndefined();
    }
  });

  it('still refuses malformed and over-long lists', () => {
    expect(reasonFor(star, 'x a')).toBe(DecisionReason.RequestHeadersMalformed);
    expect(reasonFor(star, 'x'.repeat(MAX_REQUEST_HEADERS_LENGTH + 1))).toBe(DecisionReason.RequestHeadersMalformed);
    expect(preflight(star, APP, 'PUT', { headers: 'x'.repeat(MAX_REQUEST_HEADERS_LENGTH) }).kind).toBe('preflight-allowed');
  });
});
