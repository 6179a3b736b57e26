import { describe, expect, it } from 'vitest';
import { CorsPolicyError, checkExpectations, definePolicy, parsePolicy, policyForEnvironment, toPolicy, type PolicyInput } from '../src/index.js';
import { base, lint, thrown } from './helpers.js';

const input = {
  ...base,
  credentials: true,
  environments: {
    staging: { origins: ['https://staging.example.com'] },
    preview: { origins: ['https://preview.example.com'], maxAge: 5 },
  },
  expectations: [
    { environment: 'staging', request: { origin: 'https://staging.example.com', credentials: true }, allowed: true },
    { environment: 'preview', request: { origin: 'https://staging.example.com' }, allowed: false },
  ],
} satisfies PolicyInput;

describe('every environment is compiled once, at load', () => {
  it('policyForEnvironment returns the same compiled object each time (a lookup, not a reload)', () => {
    const policy = definePolicy(input);
    const staging = policyForEnvironment(policy, 'staging');
    expect(staging.environment).toBe('staging');
    expect(staging.rules.origins).toEqual(['https://app.example.com', 'https://staging.example.com']);
    expect(policyForEnvironment(policy, 'staging')).toBe(staging);
    expect(policyForEnvironment(staging, 'preview')).toBe(policyForEnvironment(policy, 'preview'));
    expect(policyForEnvironment(staging, undefined)).toBe(policy);
  });

  it('a policy loaded for an environment belongs to the same family as the base', () => {
    const preview = definePolicy(input, { environment: 'preview' });
    const back = policyForEnvironment(preview, undefined);
    expect(back.environment).toBeUndefined();
    expect(policyForEnvironment(back, 'preview')).toBe(preview);
    expect(toPolicy(back, { environment: 'preview' })).toBe(preview);
  });

  it('an unknown environment name is a CorsPolicyError listing the known ones', () => {
    const error = thrown(() => policyForEnvironment(definePolicy(input), 'production'));
    expect(error.issues).toEqual([expect.objectContaining({ code: 'environments/unknown', value: 'production', hint: 'Use one of: staging, preview; or load the base policy.' })]);
    expect(error.message).toContain('"production"');
  });

  it('inherited Object members are not environments', () => {
    const policy = definePolicy(input);
    for (const name of ['constructor', 'toString', 'hasOwnProperty']) {
      expect(() => policyForEnvironment(policy, name)).toThrow(CorsPolicyError);
    }
  });

  it('checkExpectations reuses the compiled environments', () => {
    const policy = definePolicy(input);
    const results = checkExpectations(policy);
    expect(results.map((r) => r.pass)).toEqual([true, true]);
    expect(results.map((r) => r.explanation.actual.route)).toEqual([undefined, undefined]);
  });

  it('environment policies are frozen', () => {
    const staging = policyForEnvironment(definePolicy(input), 'staging');
    expect(Object.isFrozen(staging)).toBe(true);
    expect(Object.isFrozen(policyForEnvironment(staging, undefined))).toBe(true);
  });
});

describe('environment names are lower-case slugs', () => {
  it.each(['development', 'staging-eu', 'qa2', 'a'])('accepts %j', (name) => {
    expect(parsePolicy({ ...base, environments: { [name]: { origins: ['https://x.example.com'] } } }).ok).toBe(true);
  });

  it.each([
    ['Staging'], ['2nd'], ['-dev'], ['dev_1'], ['dev.eu'], [''], ['a'.repeat(64)],
    ['dev`rm -rf`'], ['dev\nerror origins[0] forged'], ['<!-- x -->'], ['\u001b[31mred'], ['constructor '],
  ])('refuses %j with a safely quoted message', (name) => {
    const result = parsePolicy({ ...base, environments: { [name]: { origins: ['https://x.example.com'] } } });
    expect(result.ok).toBe(false);
    const issue = result.issues.find((i) => i.code === 'environments/invalid-name');
    expect(issue?.severity).toBe('error');
    expect(issue?.path).toEqual(['environments', name]);
    expect(issue?.message).toBe(`The environment name ${JSON.stringify(name)} is not a lower-case slug.`);
    for (const i of result.issues) {
      expect(i.message).not.toMatch(/[\n\u001b]/);
      expect(i.hint).not.toMatch(/[\n\u001b]/);
    }
  });

  it('the hint suggests a slug', () => {
    expect(lint({ ...base, environments: { Staging_EU: { origins: ['https://x.example.com'] } } }).findings).toMatchInlineSnapshot(`
      [
        "error environments.Staging_EU environments/invalid-name — Use a lower-case letter then up to 62 letters, digits or dashes, e.g. "staging-eu".",
      ]
    `);
  });

  it('an expectation must name an existing overlay', () => {
    const result = parsePolicy({ ...input, expectations: [{ environment: 'stagign', request: { origin: 'https://app.example.com' }, allowed: true }] });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([['environments/unknown', ['expectations', 0, 'environment']]]);
  });
});
