import { describe, expect, it } from 'vitest';
import { CorsPolicyError, definePolicy, parsePolicy, selectPolicyEnvironment, type PolicyInput, type PolicyLogger } from '../src/index.js';
import { base, lint, thrown } from './helpers.js';

const input = {
  name: 'shop-api',
  origins: ['https://shop.example.com'],
  credentials: true,
  maxAge: 9000,
  environments: {
    development: { developmentOnly: true, origins: ['http://localhost:3000'] },
    staging: { origins: ['https://staging.example.com'], maxAge: 60 },
  },
  acknowledgements: [],
} satisfies PolicyInput;

/** A logger that records every line, in order. */
function recorder(): PolicyLogger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`) };
}

describe('selectPolicyEnvironment() picks the environment a service runs with', () => {
  it('an unset or empty variable loads the base policy', () => {
    const policy = definePolicy(input);
    expect(selectPolicyEnvironment(policy, { env: {}, logger: recorder() })).toBe(policy);
    expect(selectPolicyEnvironment(input, { env: { APP_ENV: '' }, logger: recorder() }).environment).toBeUndefined();
  });

  it('a defined name loads that environment, compiled at load (the same object policyForEnvironment returns)', () => {
    const policy = definePolicy(input);
    const staging = selectPolicyEnvironment(policy, { env: { APP_ENV: 'staging' }, logger: recorder() });
    expect(staging.environment).toBe('staging');
    expect(staging.rules.maxAge).toBe(60);
  });

  it('reads the variable it is told to', () => {
    expect(selectPolicyEnvironment(input, { variable: 'CORS_ENV', env: { CORS_ENV: 'staging', APP_ENV: 'development' }, logger: recorder() }).environment).toBe('staging');
  });

  it('a name the policy does not define is a clear error listing the known ones', () => {
    const error = thrown(() => selectPolicyEnvironment(input, { env: { APP_ENV: 'production' }, logger: recorder() }));
    expect(error.issues).toEqual([expect.objectContaining({ code: 'environments/unknown', value: 'production' })]);
    expect(error.message).toContain('The environment "production" was selected by APP_ENV but the policy does not define it.');
    expect(error.message).toContain('Use one of: development, staging; or load the base policy.');
  });

  it('inherited Object members are not environment names', () => {
    expect(() => selectPolicyEnvironment(input, { env: { APP_ENV: 'constructor' }, logger: recorder() })).toThrow(CorsPolicyError);
    expect(selectPolicyEnvironment(input, { env: Object.create({ APP_ENV: 'staging' }) as Record<string, string>, logger: recorder() }).environment).toBeUndefined();
  });

  it('a developmentOnly overlay is refused when NODE_ENV is production', () => {
    const logger = recorder();
    const error = thrown(() => selectPolicyEnvironment(input, { env: { APP_ENV: 'development', NODE_ENV: 'production' }, logger }));
    expect(error.issues).toEqual([expect.objectContaining({ code: 'environments/development-only-in-production', severity: 'error', path: ['environments', 'development', 'developmentOnly'] })]);
    expect(error.message).toContain('APP_ENV selects the environment "development", which is marked developmentOnly, while NODE_ENV is "production"');
    expect(logger.lines).toEqual([]);
  });

  it('a developmentOnly overlay loads outside production, and in production when explicitly allowed (with a warning line)', () => {
    expect(selectPolicyEnvironment(input, { env: { APP_ENV: 'development', NODE_ENV: 'development' }, logger: recorder() }).environment).toBe('development');
    const logger = recorder();
    const dev = selectPolicyEnvironment(input, { env: { APP_ENV: 'development', NODE_ENV: 'production' }, allowDevelopmentOnlyInProduction: true, logger });
    expect(dev.rules.origins).toContain('http://localhost:3000');
    expect(logger.lines).toContain('warn CORS policy "shop-api": environment "development" is developmentOnly but NODE_ENV is "production"; loaded because allowDevelopmentOnlyInProduction is set.');
  });

  it('an overlay not marked developmentOnly loads in production', () => {
    expect(selectPolicyEnvironment(input, { env: { APP_ENV: 'staging', NODE_ENV: 'production' }, logger: recorder() }).environment).toBe('staging');
  });
});

describe('selectPolicyEnvironment() logs once at boot', () => {
  it('one line naming the policy, the environment and the variable, then one per unacknowledged warning — exactly once', () => {
    const policy = definePolicy(input);
    const logger = recorder();
    selectPolicyEnvironment(policy, { env: { APP_ENV: 'staging' }, logger });
    selectPolicyEnvironment(policy, { env: { APP_ENV: 'staging' }, logger });
    expect(logger.lines).toEqual([
      'info CORS policy "shop-api": loaded environment "staging" (APP_ENV=staging).',
      'warn CORS policy "shop-api": warning maxAge max-age/above-browser-cap: maxAge 9000 s exceeds Chromium\'s cap of 7200 s; Chromium caches for 2 hours at most.',
    ]);
  });

  it('names the base policy and the variable when none is selected; acknowledged warnings are not repeated', () => {
    const logger = recorder();
    selectPolicyEnvironment({ ...input, acknowledgements: [{ rule: 'max-age/above-browser-cap', path: 'maxAge', reason: 'Firefox caches for a day.' }] }, { variable: 'DEPLOY_ENV', env: {}, logger });
    expect(logger.lines).toEqual(['info CORS policy "shop-api": loaded the base policy (DEPLOY_ENV is not set).']);
  });

  it('warnings written inside another overlay are not logged for this one', () => {
    const logger = recorder();
    const noisy = { ...input, maxAge: 600, environments: { ...input.environments, staging: { origins: ['http://staging.example.com'] } } };
    selectPolicyEnvironment(noisy, { env: {}, logger });
    expect(logger.lines).toEqual(['info CORS policy "shop-api": loaded the base policy (APP_ENV is not set).']);
    const stagingLogger = recorder();
    selectPolicyEnvironment(noisy, { env: { APP_ENV: 'staging' }, logger: stagingLogger });
    expect(stagingLogger.lines).toHaveLength(2);
    expect(stagingLogger.lines[1]).toMatch(/^warn CORS policy "shop-api": warning environments\.staging\.origins\[0\] origins\/insecure-with-credentials: /);
  });

  it('logs through console by default', () => {
    const calls: string[] = [];
    const original = { info: console.info, warn: console.warn };
    console.info = (m: string) => calls.push(m);
    console.warn = (m: string) => calls.push(m);
    try {
      selectPolicyEnvironment({ ...base, name: 'console-api' }, { env: {} });
    } finally {
      console.info = original.info;
      console.warn = original.warn;
    }
    expect(calls).toEqual(['CORS policy "console-api": loaded the base policy (APP_ENV is not set).']);
  });
});

describe('environments/development-not-marked', () => {
  const withDev = (name: string, overlay: Record<string, unknown>, top: Partial<PolicyInput> = {}) => ({ ...base, credentials: true, ...top, environments: { [name]: overlay } });

  it.each(['development', 'dev', 'local', 'test'])('warns when %s adds credentialed origins without developmentOnly', (name) => {
    expect(lint(withDev(name, { origins: ['http://localhost:3000'] })).findings).toEqual([
      `warning environments.${name} environments/development-not-marked — Add \`developmentOnly: true\` to the overlay: selectPolicyEnvironment then refuses it when NODE_ENV is "production".`,
    ]);
  });

  it('is quiet when the overlay is marked, adds no origins, runs without credentials, or is not development-named', () => {
    expect(lint(withDev('development', { developmentOnly: true, origins: ['http://localhost:3000'] })).findings).toEqual([]);
    expect(lint(withDev('development', { maxAge: 5 })).findings).toEqual([]);
    expect(lint(withDev('development', { origins: ['http://localhost:3000'] }, { credentials: false })).findings).toEqual([]);
    expect(lint(withDev('preview', { origins: ['https://preview.example.com'] })).findings).toEqual([]);
  });

  it('counts an overlay that turns credentials on itself, or routes with credentials that receive its origins', () => {
    expect(lint(withDev('dev', { origins: ['http://localhost:3000'], credentials: true }, { credentials: false })).findings).toHaveLength(1);
    const routed = { ...base, routes: [{ path: '/account/**', origins: ['https://app.example.com'], credentials: true }], environments: { dev: { origins: ['http://localhost:3000'] } } };
    expect(lint(routed).findings).toEqual([expect.stringContaining('environments/development-not-marked')]);
  });

  it('developmentOnly is part of the schema (a typo is an unknown key)', () => {
    const result = parsePolicy({ ...base, environments: { development: { developementOnly: true } } });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.hint)).toEqual(['Did you mean `developmentOnly`?']);
  });
});
