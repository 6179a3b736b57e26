import { describe, expect, it } from 'vitest';
import { DecisionReason, compilePolicy, definePolicy } from '../src/index.js';
import { MAX_ORIGIN_LENGTH, loadCompiledPolicy, resolveCors, type CompiledCorsPolicy } from '../src/runtime.js';
import { actualFacts } from './helpers.js';
import { actual, header, load } from './helpers.js';

/*
 * Origin patterns pinned where the matcher's index and label scanner have edges: several patterns
 * sharing one host or base, digits at the end of the range, and faults inside (not at the end of)
 * the labels a wildcard covers.
 */

function allows(policy: ReturnType<typeof load>, origin: string): boolean {
  const decision = actual(policy, origin);
  if (decision.kind === 'actual-allowed') expect(header(decision, 'Access-Control-Allow-Origin')).toBe(origin);
  else expect(decision.reason).toBe(DecisionReason.OriginNotAllowed);
  return decision.kind === 'actual-allowed';
}

describe('patterns that share a host or a wildcard base', () => {
  const shared = load({ origins: ['https://*.example.com', 'http://*.example.com:8080', 'http://localhost:*', 'https://localhost:*'] });

  it('each keep matching: a second pattern on the same base never replaces the first', () => {
    expect(allows(shared, 'https://a.example.com')).toBe(true);
    expect(allows(shared, 'http://a.example.com:8080')).toBe(true);
    expect(allows(shared, 'http://a.example.com')).toBe(false);
    expect(allows(shared, 'https://a.example.com:8080')).toBe(false);
  });

  it('each keep matching: a second pattern on the same host never replaces the first', () => {
    expect(allows(shared, 'http://localhost:3000')).toBe(true);
    expect(allows(shared, 'https://localhost:3000')).toBe(true);
    expect(allows(shared, 'ftp://localhost:3000')).toBe(false);
  });
});

describe('ports', () => {
  const anyPort = load({ origins: ['http://localhost:*'] });
  it('accept every digit, 9 included', () => {
    expect(allows(anyPort, 'http://localhost:9229')).toBe(true);
    expect(allows(anyPort, 'http://localhost:19999')).toBe(true);
  });
});

describe('labels covered by a wildcard', () => {
  const pattern = load({ origins: ['https://*.example.com'] });

  it('may hold every digit and letter, 9 and z included', () => {
    expect(allows(pattern, 'https://v9.example.com')).toBe(true);
    expect(allows(pattern, 'https://zz9.y0.example.com')).toBe(true);
  });

  it('never hold an empty label or a hyphen-ended label before another label', () => {
    expect(allows(pattern, 'https://a..b.example.com')).toBe(false);
    expect(allows(pattern, 'https://a-.b.example.com')).toBe(false);
    expect(allows(pattern, 'https://a.-b.example.com')).toBe(false);
    expect(allows(pattern, 'https://a-b.c-d.example.com')).toBe(true);
  });
});

describe('schemes', () => {
  it('a pattern never matches another scheme of the same length', () => {
    expect(allows(load({ origins: ['https://*.example.com'] }), 'hxxps://a.example.com')).toBe(false);
    expect(allows(load({ origins: ['http://localhost:*'] }), 'ftps://localhost:3000')).toBe(false);
  });
});

describe('an exact origin at the length cap', () => {
  it(`is matched when listed: only origins longer than ${MAX_ORIGIN_LENGTH} characters are never matched`, () => {
    const long = `https://${'a'.repeat(MAX_ORIGIN_LENGTH - 'https://'.length)}`;
    expect(long).toHaveLength(MAX_ORIGIN_LENGTH);
    for (const origins of [['https://app.example.com'], ['https://app.example.com', 'https://*.tenant.example.com']]) {
      const data = JSON.parse(JSON.stringify(compilePolicy(definePolicy({ name: 'cap', origins })))) as CompiledCorsPolicy;
      (data.base.rules.origins as string[]).push(long);
      expect(resolveCors(loadCompiledPolicy(data), actualFacts(long)).kind, origins.join(' ')).toBe('actual-allowed');
    }
  });
});
