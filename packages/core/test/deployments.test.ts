import { describe, expect, it } from 'vitest';
import { RULES, definePolicy, parsePolicy } from '../src/index.js';

const base = { name: 'api', origins: ['https://app.example.com'], environments: { staging: { origins: ['https://staging.example.com'] } } };

describe('deployments', () => {
  it('are exposed on the loaded policy, environment undefined meaning the base policy', () => {
    const policy = definePolicy({
      ...base,
      deployments: [
        { service: 'storefront-api', url: 'https://api.example.com', description: 'EU cluster' },
        { service: 'storefront-api-staging', environment: 'staging' },
      ],
    });
    expect(policy.deployments).toEqual([
      { service: 'storefront-api', environment: undefined, url: 'https://api.example.com', description: 'EU cluster' },
      { service: 'storefront-api-staging', environment: 'staging', url: undefined, description: undefined },
    ]);
  });

  it('default to an empty list', () => {
    expect(definePolicy(base).deployments).toEqual([]);
  });

  it('refuse an environment the policy does not define, with deployments/unknown-environment', () => {
    const result = parsePolicy({ ...base, deployments: [{ service: 'svc', environment: 'prod' }] });
    expect(result.ok).toBe(false);
    const issue = result.issues.find((i) => i.code === 'deployments/unknown-environment');
    expect(issue).toMatchObject({ severity: 'error', path: ['deployments', 0, 'environment'] });
    expect(issue?.hint).toContain('staging');
    expect(RULES['deployments/unknown-environment'].severity).toBe('error');
  });

  it('refuse unknown keys in a deployment', () => {
    const result = parsePolicy({ ...base, deployments: [{ service: 'svc', region: 'eu' }] });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.code)).toContain('policy/unknown-key');
  });
});
