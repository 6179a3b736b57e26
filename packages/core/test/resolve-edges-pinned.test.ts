import { describe, expect, it } from 'vitest';
import { compilePolicy, definePolicy } from '../src/index.js';
import { DecisionReason, MAX_ORIGIN_LENGTH, loadCompiledPolicy, resolveCors, type CompiledCorsPolicy } from '../src/runtime.js';
import { actualFacts, preflightFacts } from './helpers.js';

/*
 * Resolver edges the other suites leave open: the exact length where an Origin stops being one a
 * browser could send, and compiled data edited by hand into a combination the linter never emits.
 */

const APP = 'https://app.example.com';
const policy = definePolicy({ name: 'edges', origins: [APP], methods: ['PUT'] });

/** A well-formed, unlisted origin of exactly `length` characters. */
const originOfLength = (length: number): string => {
  const head = 'https://';
  const tail = '.example';
  return `${head}${'a'.repeat(length - head.length - tail.length)}${tail}`;
};

describe('an Origin at the length cap', () => {
  it(`of exactly ${MAX_ORIGIN_LENGTH} characters is a well-formed origin that is not listed`, () => {
    const origin = originOfLength(MAX_ORIGIN_LENGTH);
    expect(origin).toHaveLength(MAX_ORIGIN_LENGTH);
    expect(resolveCors(policy, actualFacts(origin)).reason).toBe(DecisionReason.OriginNotAllowed);
    expect(resolveCors(policy, preflightFacts(origin, 'PUT')).reason).toBe(DecisionReason.OriginNotAllowed);
  });

  it('of one character more is malformed: no browser sends it', () => {
    const origin = originOfLength(MAX_ORIGIN_LENGTH + 1);
    expect(resolveCors(policy, actualFacts(origin)).reason).toBe(DecisionReason.OriginMalformed);
    expect(resolveCors(policy, preflightFacts(origin, 'PUT')).reason).toBe(DecisionReason.OriginMalformed);
  });
});

describe('allowHeaders "*"', () => {
  it('allows a preflight that names no header at all, without Access-Control-Allow-Headers', () => {
    for (const credentials of [false, true]) {
      const anyHeader = definePolicy({ name: 'any-header', origins: [APP], methods: ['PUT'], allowHeaders: ['*'], credentials });
      const decision = resolveCors(anyHeader, preflightFacts(APP, 'PUT'));
      expect(decision.kind).toBe('preflight-allowed');
      expect(decision.headers.map(([name]) => name)).not.toContain('Access-Control-Allow-Headers');
    }
  });

  it('refuses a malformed Access-Control-Request-Headers as malformed, with credentials (names echoed) as without', () => {
    for (const credentials of [false, true]) {
      const anyHeader = definePolicy({ name: 'any-header', origins: [APP], methods: ['PUT'], allowHeaders: ['*'], credentials });
      for (const requested of ['x-a, x(b', 'x a', 'x-é']) {
        expect(resolveCors(anyHeader, preflightFacts(APP, 'PUT', { headers: requested }))).toMatchObject({
          kind: 'preflight-refused', reason: DecisionReason.RequestHeadersMalformed, headers: [],
        });
      }
    }
  });
});

describe('hand-edited compiled data', () => {
  it('never grants a private-network preflight to a "*" policy, even when the data opts in', () => {
    const data = JSON.parse(JSON.stringify(compilePolicy(definePolicy({ name: 'star', origins: ['*'], methods: ['PUT'] })))) as CompiledCorsPolicy;
    (data.base.rules as { privateNetwork: boolean }).privateNetwork = true;
    const star = loadCompiledPolicy(data);
    const asked = resolveCors(star, preflightFacts(APP, 'PUT', { privateNetwork: 'true' }));
    expect(asked).toMatchObject({ kind: 'preflight-refused', reason: DecisionReason.PrivateNetworkNotAllowed, headers: [] });
    expect(resolveCors(star, preflightFacts(APP, 'PUT')).kind).toBe('preflight-allowed');
  });
});
