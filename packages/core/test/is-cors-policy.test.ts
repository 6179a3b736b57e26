import { describe, expect, it } from 'vitest';
import {
  compilePolicy,
  definePolicy,
  isCompiledPolicyData,
  isCorsPolicy,
  isRuntimePolicy,
  loadCompiledPolicy,
  resolveCors,
  selectPolicyEnvironment,
  toPolicy,
  type PolicyInput,
} from '../src/index.js';
import { actualFacts } from './helpers.js';

const input = {
  name: 'shop-api',
  origins: ['https://app.example.com'],
  environments: { staging: { origins: ['https://staging.example.com'] } },
} satisfies PolicyInput;

describe('isCorsPolicy tells an authoring policy from a runtime-only one', () => {
  const authoring = definePolicy(input);
  const runtime = loadCompiledPolicy(compilePolicy(authoring));

  it('an authoring policy (definePolicy) is both a CorsPolicy and a runtime policy, in every environment', () => {
    for (const policy of [authoring, definePolicy(input, { environment: 'staging' })]) {
      expect(isCorsPolicy(policy)).toBe(true);
      expect(isRuntimePolicy(policy)).toBe(true);
    }
  });

  it('a policy loaded from compiled data is a runtime policy and not a CorsPolicy, in every environment', () => {
    const staging = loadCompiledPolicy(compilePolicy(authoring), { environment: 'staging' });
    for (const policy of [runtime, staging]) {
      expect(isRuntimePolicy(policy)).toBe(true);
      expect(isCorsPolicy(policy)).toBe(false);
    }
    // It still enforces: only the authoring guard refuses it.
    expect(resolveCors(runtime, actualFacts('https://app.example.com')).kind).toBe('actual-allowed');
  });

  it('a runtime policy given some authoring fields is still not a CorsPolicy: every one is required', () => {
    const fields = { description: undefined, owners: [], rules: authoring.rules, routes: [], preflight: authoring.preflight, deployments: [], findings: [], source: authoring.source };
    for (const missing of ['owners', 'rules', 'routes', 'preflight', 'deployments', 'findings', 'source'] as const) {
      const { [missing]: _dropped, ...rest } = fields;
      const forged = Object.assign(Object.create(null) as object, runtime, rest);
      Object.defineProperties(forged, Object.getOwnPropertyDescriptors(runtime));
      expect(isCorsPolicy(forged), `without ${missing}`).toBe(false);
    }
  });

  it('neither plain input nor compiled data is a CorsPolicy', () => {
    const data = compilePolicy(authoring);
    expect(isCompiledPolicyData(data)).toBe(true);
    for (const value of [input, data, null, undefined, 'shop-api', []]) expect(isCorsPolicy(value)).toBe(false);
  });
});

describe('the authoring entry refuses a runtime-only policy with a clear error', () => {
  const runtime = loadCompiledPolicy(compilePolicy(definePolicy(input)));
  const message = /"shop-api" was loaded from compiled data.*selectPolicyEnvironment from @org\/cors-core\/runtime/;

  it('toPolicy throws a TypeError naming the policy and the runtime entry, instead of passing it on as a CorsPolicy', () => {
    expect(() => toPolicy(runtime as never)).toThrow(TypeError);
    expect(() => toPolicy(runtime as never)).toThrow(message);
  });

  it("the authoring selectPolicyEnvironment throws the same error, not a crash on the policy's missing findings", () => {
    expect(() => selectPolicyEnvironment(runtime as never, { env: { APP_ENV: 'staging' } })).toThrow(message);
  });
});
