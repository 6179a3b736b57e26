import { describe, expect, it, vi } from 'vitest';
import { compilePolicy, CorsPolicyError, definePolicy, isCorsPolicy, loadCompiledPolicy, resolveCors, toRuntimePolicy, type PolicyInput } from '../src/index.js';
import { selectPolicyEnvironment } from '../src/runtime.js';
import { actualFacts, base } from './helpers.js';

const withOverlays = {
  ...base,
  environments: { staging: { origins: ['https://staging.example.com'] }, dev: { developmentOnly: true, origins: ['http://localhost:3000'] } },
} satisfies PolicyInput;
const compiledData = (): unknown => JSON.parse(JSON.stringify(compilePolicy(definePolicy(withOverlays))));
const quiet = { info: () => undefined, warn: () => undefined };

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

  it('is switched to another environment, and its developmentOnly overlays are known, through this copy', async () => {
    vi.resetModules();
    const other = (await import('../src/index.js'));
    expect(other.loadCompiledPolicy).not.toBe(loadCompiledPolicy);
    for (const [loaded, switcher] of [[other.loadCompiledPolicy(compiledData()), toRuntimePolicy], [loadCompiledPolicy(compiledData()), other.toRuntimePolicy]] as const) {
      const staging = switcher(loaded, 'staging');
      expect(staging.environment).toBe('staging');
      expect(resolveCors(staging, actualFacts('https://staging.example.com')).kind).toBe('actual-allowed');
      expect(() => selectPolicyEnvironment(loaded, { env: { APP_ENV: 'dev', NODE_ENV: 'production' }, logger: quiet })).toThrow(/developmentOnly/);
      expect(selectPolicyEnvironment(loaded, { env: { APP_ENV: 'staging', NODE_ENV: 'production' }, logger: quiet }).environment).toBe('staging');
    }
  });

  it('keeps its environment switch and developmentOnly list under the registered keys every copy, of any build or version, looks up', () => {
    // Two copies built apart (an app's ESM build and an adapter's CJS one, or two versions) share only
    // these global registry keys: renaming one strands the policies of every other copy.
    const loaded = loadCompiledPolicy(compiledData()) as unknown as Record<symbol, unknown>;
    const switchTo = loaded[Symbol.for('@org/cors-core/environment-switch@1')] as (environment: string | undefined) => { environment: string | undefined };
    expect(switchTo('staging').environment).toBe('staging');
    expect(loaded[Symbol.for('@org/cors-core/development-only@1')]).toEqual(['dev']);
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
