import { describe, expect, it, vi } from 'vitest';
import { CorsPolicyError, definePolicy, isCorsPolicy, resolveCors } from '../src/index.js';
import { actualFacts, base } from './helpers.js';

describe('a policy made by another copy of core (ESM and CJS builds in one process)', () => {
  it('is recognised and resolved by this copy', async () => {
    vi.resetModules();
    const other = (await import('../src/index.js'));
    expect(other.definePolicy).not.toBe(definePolicy);
    const foreign = other.definePolicy(base);
    expect(isCorsPolicy(foreign)).toBe(true);
    expect(resolveCors(foreign, actualFacts('https://app.example.com')).kind).toBe('actual-allowed');
    expect(other.resolveCors(definePolicy(base), actualFacts('https://app.example.com')).kind).toBe('actual-allowed');
  });
});

describe('CorsPolicyError', () => {
  it('names the policy it refused', () => {
    const error = (() => {
      try {
        definePolicy({ ...base, name: 'storefront-api', origins: [] });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CorsPolicyError);
    expect((error as CorsPolicyError).policyName).toBe('storefront-api');
    expect(new CorsPolicyError(undefined, []).policyName).toBeUndefined();
  });
});
