import { CHROMIUM_MAX_AGE_CAP, definePolicy, policyForEnvironment, type PolicyInput } from '@org/cors-core';
import { apiPolicy, apiPolicyInput } from '@org/cors-policies';
import { describe, expect, it } from 'vitest';
import { auditPolicy, maxAgeView } from '../lib/audit-model';
import { describeOrigin } from '../lib/origin-risk';
import type { LoadedPolicy } from '../lib/policy-loader';
import { partnerPolicy } from './fixtures/acknowledged.policy';

const entry = (policy = apiPolicy): LoadedPolicy => ({ name: policy.name, module: '@org/cors-policies', exportName: 'apiPolicy', policy });
const audit = (input: PolicyInput) => auditPolicy(entry(definePolicy(input)));

describe('auditPolicy summary', () => {
  const storefront = auditPolicy(entry());

  it('names every listed origin and says the user\'s cookies travel', () => {
    const [first] = storefront.summary;
    for (const origin of apiPolicy.rules.origins) expect(first).toContain(origin);
    expect(first).toContain('with the user\'s cookies');
    expect(first).toContain(`using ${apiPolicy.rules.methods.slice(0, -1).join(', ')} and ${apiPolicy.rules.methods.at(-1)}`);
  });

  it('says a public route is open to any website without cookies, and a disabled route to nobody', () => {
    const publicRoute = apiPolicy.routes.find((r) => r.origins.includes('*'));
    const disabled = apiPolicy.routes.find((r) => r.disabled);
    expect(storefront.summary).toContain(`Any website may call paths matching ${publicRoute?.path} without the user's cookies, using ${publicRoute?.methods.join(' and ')}; they may read the X-Request-Id response header.`);
    expect(storefront.summary).toContain(`For paths matching ${disabled?.path}, CORS is off: no other website may read the responses in a browser.`);
  });

  it('lists the origins each environment overlay adds, as core loads them', () => {
    const dev = policyForEnvironment(apiPolicy, 'development');
    const added = dev.rules.origins.filter((o) => !apiPolicy.rules.origins.includes(o));
    expect(added.length).toBeGreaterThan(0);
    const sentence = storefront.summary.find((s) => s.startsWith('When loaded for development'));
    for (const origin of added) expect(sentence).toContain(origin);
    expect(storefront.environments.map((e) => e.addedOrigins)).toEqual([added]);
  });

  it('describes the preflight cache in human units', () => {
    expect(storefront.summary.at(-1)).toBe('Browsers may reuse a preflight answer for 10 minutes.');
  });
});

describe('origin risk', () => {
  it.each([
    ['https://myapp.com', true, 'exact-https', 'low'],
    ['https://*.myapp.com', true, 'pattern', 'medium'],
    ['http://*.myapp.com', false, 'pattern', 'high'],
    ['http://localhost:3000', true, 'loopback-http', 'medium'],
    ['http://[::1]:8080', true, 'loopback-http', 'medium'],
    ['http://intranet.myapp.com', false, 'http', 'high'],
    ['*', false, 'any', 'medium'],
    ['null', false, 'null', 'high'],
    ['chrome-extension://abcdef', false, 'other-scheme', 'medium'],
  ] as const)('classifies %s (credentials %s) as %s, %s risk', (origin, credentials, kind, risk) => {
    expect(describeOrigin(origin, credentials)).toMatchObject({ kind, risk });
  });

  it('mentions cookies in the note only when credentials are on', () => {
    expect(describeOrigin('https://myapp.com', true).note).toContain('cookies');
    expect(describeOrigin('https://myapp.com', false).note).not.toContain('cookies');
  });

  it('rates a policy of exact HTTPS origins low, one with a public route medium, one with plain HTTP high', () => {
    expect(audit({ name: 'a', origins: ['https://a.example'], credentials: true }).risk).toBe('low');
    expect(auditPolicy(entry()).risk).toBe('medium');
    expect(audit({ name: 'b', origins: ['http://b.example'] }).risk).toBe('high');
  });
});

describe('maxAgeView', () => {
  it('shows seconds in human units and what each browser really caches', () => {
    expect(maxAgeView(600)).toMatchObject({ text: '10 minutes', chromium: '10 minutes', firefox: '10 minutes', capped: false });
    expect(maxAgeView(CHROMIUM_MAX_AGE_CAP)).toMatchObject({ text: '2 hours', capped: false });
    expect(maxAgeView(86400)).toMatchObject({ text: '1 day', chromium: '2 hours (capped: Chromium never caches longer)', firefox: '1 day', capped: true });
  });

  it('explains an absent max-age as the browsers\' 5-second default, and 0 as no caching', () => {
    expect(maxAgeView(undefined)).toMatchObject({ text: 'Not set', chromium: '5 seconds (browser default)' });
    expect(maxAgeView(0).chromium).toBe('no caching: a preflight before every request');
  });
});

describe('side-by-side tables', () => {
  const storefront = auditPolicy(entry());

  it('has one table per environment with the top level and every route rule as columns', () => {
    expect(storefront.comparison.map((t) => t.label)).toEqual(['Production (base)', ...apiPolicy.environments]);
    expect(storefront.comparison[0]?.columns.map((c) => c.label)).toEqual(['All other paths', ...apiPolicy.routes.map((r) => r.path)]);
  });

  it('marks the development origins as changed and leaves unchanged fields unmarked', () => {
    const dev = storefront.comparison[1];
    const origins = dev?.rows.find((r) => r.field === 'Origins');
    const methods = dev?.rows.find((r) => r.field === 'Methods');
    expect(origins?.cells[0]).toMatchObject({ changed: true });
    expect(origins?.cells[0]?.lines).toEqual([...policyForEnvironment(apiPolicy, 'development').rules.origins]);
    expect(methods?.cells.every((c) => !c.changed)).toBe(true);
  });

  it('marks route fields the rule does not set as inherited from the top level', () => {
    const publicIndex = apiPolicyInput.routes.findIndex((r) => r.path === '/public/**');
    const rows = storefront.comparison[0]?.rows ?? [];
    const cell = (field: string) => rows.find((r) => r.field === field)?.cells[publicIndex + 1];
    expect(cell('Origins')?.inherited).toBe(false);
    expect(cell('Preflight cache')?.inherited).toBe(true);
    expect(cell('Exposed response headers')).toMatchObject({ inherited: true, lines: ['X-Request-Id'] });
  });
});

describe('findings', () => {
  it('separates acknowledged warnings, with their justification, from open ones, and links each to its rule', () => {
    const partner = auditPolicy({ name: partnerPolicy.name, module: 'm', exportName: 'partnerPolicy', policy: partnerPolicy });
    expect(partner.findings.acknowledged.map((f) => [f.code, f.acknowledged])).toEqual([
      ['max-age/above-browser-cap', partnerPolicy.source.acknowledgements?.[0]?.reason],
    ]);
    expect(partner.findings.open.map((f) => [f.code, f.path, f.ruleHref])).toEqual([['policy/duplicate-entry', 'exposeHeaders[1]', '/rules/#policy/duplicate-entry']]);
    expect(partner.counts).toEqual({ warnings: 1, info: 0, acknowledged: 1 });
    expect(partner.risk).toBe('medium');
    expect(partner.riskReasons).toContain('1 open lint warning');
  });
});
