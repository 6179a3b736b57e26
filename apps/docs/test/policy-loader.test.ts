import { apiPolicy, apiPolicyInput } from '@org/cors-policies';
import { formatIssues, parsePolicy } from '@org/cors-core';
import { describe, expect, it } from 'vitest';
import { loadPolicies, PolicyLoadFailure, type PolicyModuleRef } from '../lib/policy-loader';
import { badPolicyInput } from './fixtures/bad.policy';

const orgPolicies: PolicyModuleRef = { specifier: '@org/cors-policies', load: () => import('@org/cors-policies') };
const fixtureModules = {
  'bad.policy.ts': () => import('./fixtures/bad.policy'),
  'throws-at-import.policy.ts': () => import('./fixtures/throws-at-import.policy'),
  'acknowledged.policy.ts': () => import('./fixtures/acknowledged.policy'),
  'public.policy.mjs': () => import('./fixtures/public.policy.mjs'),
  'not-a-policy.ts': () => import('./fixtures/not-a-policy'),
  'typo.policy.ts': () => import('./fixtures/typo.policy'),
} as const;
const fixture = (file: keyof typeof fixtureModules): PolicyModuleRef => ({ specifier: `./test/fixtures/${file}`, load: fixtureModules[file] });

async function failureOf(modules: readonly PolicyModuleRef[]): Promise<PolicyLoadFailure> {
  const error = await loadPolicies(modules).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(PolicyLoadFailure);
  return error as PolicyLoadFailure;
}

describe('loadPolicies', () => {
  it('loads the organisation policy once, under its named CorsPolicy export, although its input is exported too', async () => {
    const loaded = await loadPolicies([orgPolicies]);
    expect(loaded.map((p) => [p.name, p.module, p.exportName])).toEqual([[apiPolicy.name, '@org/cors-policies', 'apiPolicy']]);
    expect(loaded[0]?.policy).toBe(apiPolicy);
    expect(loaded[0]?.policy.source.origins).toEqual(apiPolicyInput.origins);
  });

  it('fails with core\'s formatted lint report when a module exports an invalid policy input', async () => {
    const failure = await failureOf([orgPolicies, fixture('bad.policy.ts')]);
    const expected = parsePolicy(badPolicyInput);
    expect(expected.ok).toBe(false);
    expect(failure.problems).toHaveLength(1);
    expect(failure.problems[0]).toMatchObject({ name: 'bad-api', exportName: 'badPolicyInput', module: './test/fixtures/bad.policy.ts' });
    expect(failure.message).toContain(formatIssues(expected.issues));
    expect(failure.message).toContain('Policy "bad-api" in ./test/fixtures/bad.policy.ts (export badPolicyInput)');
  });

  it('reports the lint output, not a stack trace, when a module\'s own definePolicy throws at import', async () => {
    const failure = await failureOf([fixture('throws-at-import.policy.ts')]);
    const expected = parsePolicy({ name: 'broken-api', origins: ['https://Shop.Example.com/'], credentials: true });
    expect(expected.ok).toBe(false);
    expect(failure.message).toContain(formatIssues(expected.issues));
    expect(failure.message).toContain('Policy "broken-api" in ./test/fixtures/throws-at-import.policy.ts:');
    expect(failure.message).not.toMatch(/\n\s+at /);
  });

  it('fails on a named object whose `origins` key is misspelt, instead of silently skipping it', async () => {
    const failure = await failureOf([orgPolicies, fixture('typo.policy.ts')]);
    const { typoPolicyInput } = await import('./fixtures/typo.policy');
    const expected = parsePolicy(typoPolicyInput);
    expect(expected.ok).toBe(false);
    expect(expected.issues.map((i) => i.code)).toContain('policy/unknown-key');
    expect(failure.problems.map((p) => [p.name, p.exportName])).toEqual([['typo-api', 'typoPolicyInput']]);
    expect(failure.message).toContain(formatIssues(expected.issues));
  });

  it('fails when a configured module cannot be imported at all', async () => {
    const failure = await failureOf([{ specifier: './missing.policy.ts', load: () => Promise.reject(new Error('Cannot find module ./missing.policy.ts')) }]);
    expect(failure.message).toContain('./missing.policy.ts:\nImporting the module failed: Cannot find module ./missing.policy.ts');
  });

  it('fails when a configured module exports no policy, rather than rendering nothing', async () => {
    const failure = await failureOf([fixture('not-a-policy.ts')]);
    expect(failure.message).toContain('./test/fixtures/not-a-policy.ts:\nThe module exports no policy');
  });

  it('fails when two policies share a name, since the name is the page address', async () => {
    const failure = await failureOf([orgPolicies, { specifier: 'copy', load: async () => ({ again: apiPolicyInput }) }]);
    expect(failure.problems).toHaveLength(1);
    expect(failure.message).toContain(`Another policy is already named "${apiPolicy.name}"`);
  });

  it('reports every problem of every module at once', async () => {
    const failure = await failureOf([fixture('bad.policy.ts'), fixture('throws-at-import.policy.ts'), fixture('not-a-policy.ts')]);
    expect(failure.problems.map((p) => p.module)).toEqual(['./test/fixtures/bad.policy.ts', './test/fixtures/throws-at-import.policy.ts', './test/fixtures/not-a-policy.ts']);
    expect(failure.message).toContain('3 policy problems');
  });

  it('shows a policy exported with an environment overlay applied from its base, once', async () => {
    const loaded = await loadPolicies([fixture('acknowledged.policy.ts')]);
    expect(loaded).toHaveLength(1);
    const [partner] = loaded;
    expect(partner?.exportName).toBe('partnerPolicy');
    expect(partner?.policy.environment).toBeUndefined();
    expect(partner?.policy.rules.maxAge).toBe(86400);
  });

  it('loads a default-exported policy input from a JavaScript module and sorts policies by name', async () => {
    const loaded = await loadPolicies([orgPolicies, fixture('public.policy.mjs'), fixture('acknowledged.policy.ts')]);
    expect(loaded.map((p) => p.name)).toEqual(['partner-api', 'public-feed', 'storefront-api']);
    expect(loaded.find((p) => p.name === 'public-feed')?.exportName).toBe('default');
  });
});
