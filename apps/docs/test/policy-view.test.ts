import { buildAuditModel } from '@org/cors-report';
import { definePolicy, policyForEnvironment, type CorsPolicy, type PolicyInput } from '@org/cors-core';
import { apiPolicy, apiPolicyInput } from '@org/cors-policies';
import { describe, expect, it } from 'vitest';
import { displayHeaderName, originLabel, policyView } from '../lib/policy-view';
import { partnerPolicy } from './fixtures/acknowledged.policy';

const view = (policy: CorsPolicy = apiPolicy) => policyView({ name: policy.name, module: '@org/cors-policies', exportName: 'apiPolicy', policy });
const viewOf = (input: PolicyInput) => view(definePolicy(input));
const devPolicy = policyForEnvironment(apiPolicy, 'development');
const devOrigins = devPolicy.rules.origins.filter((o) => !apiPolicy.rules.origins.includes(o));

describe('policyView', () => {
  it('reuses the CLI\'s audit model, so the site and `cors-policy render` say the same thing', () => {
    expect(view().model).toEqual(buildAuditModel(apiPolicy));
  });

  it('rates the overall risk by the riskiest origin on any enabled path, naming the reason', () => {
    expect(viewOf({ name: 'a', origins: ['https://a.example'], credentials: true }).risk).toBe('low');
    const storefront = view();
    expect(storefront.risk).toBe('medium');
    expect(storefront.riskReasons).toEqual([expect.stringMatching(/^Route `\/public\/\*\*`, `\*`: /)]);
    expect(viewOf({ name: 'b', origins: ['http://b.example'], credentials: true }).risk).toBe('high');
  });

  it('ignores the origins a disabled route would inherit', () => {
    const v = viewOf({ name: 'c', origins: ['https://c.example'], routes: [{ path: '/old/**', disabled: true, origins: ['http://legacy.example'] }] });
    expect(v.risk).toBe('low');
  });

  it('counts open warnings apart from acknowledged ones and raises the risk while any is open', () => {
    const partner = view(partnerPolicy);
    expect(partner.counts).toEqual({ warnings: 1, info: 0, acknowledged: 1 });
    expect(partner.riskReasons).toContain('1 open lint warning');
    expect(partner.findings.acknowledged.map((f) => [f.code, f.acknowledged])).toEqual([['max-age/above-browser-cap', partnerPolicy.source.acknowledgements?.[0]?.reason]]);
    expect(partner.findings.open.map((f) => [f.code, f.path, f.ruleHref])).toEqual([['policy/duplicate-entry', 'exposeHeaders[1]', '/rules/#policy/duplicate-entry']]);
  });

  it('describes the origins each environment adds, as core loads the overlay', () => {
    expect(view().addedOrigins).toEqual([{ environment: 'development', description: apiPolicyInput.environments.development.description, origins: expect.any(Array) }]);
    expect(view().addedOrigins[0]?.origins.map((o) => o.origin)).toEqual(devOrigins);
  });
});

describe('side-by-side tables', () => {
  const tables = view().comparison;
  const cell = (env: number, field: string, column: number) => tables[env]?.rows.find((r) => r.field === field)?.cells[column];

  it('has one table per environment, with the top level and every route rule as columns', () => {
    expect(tables.map((t) => t.label)).toEqual(['Production (base)', ...apiPolicy.environments]);
    expect(tables[0]?.columns.map((c) => c.label)).toEqual(['All other paths', ...apiPolicy.routes.map((r) => r.path)]);
  });

  it('shows the effective origins per environment and marks only what the overlay changes', () => {
    expect(cell(1, 'Origins', 0)).toMatchObject({ lines: [...devPolicy.rules.origins], changed: true });
    expect(cell(0, 'Origins', 0)).toMatchObject({ lines: [...apiPolicy.rules.origins], changed: false });
    expect(tables[1]?.rows.filter((r) => r.field !== 'Origins').every((r) => r.cells.every((c) => !c.changed))).toBe(true);
  });

  it('marks route fields the rule does not set as inherited, and a disabled route as CORS off', () => {
    const publicColumn = apiPolicyInput.routes.findIndex((r) => r.path === '/public/**') + 1;
    const internalColumn = apiPolicyInput.routes.findIndex((r) => r.path === '/internal/**') + 1;
    expect(cell(0, 'Origins', publicColumn)).toMatchObject({ lines: ['*'], inherited: false });
    expect(cell(0, 'Exposed response headers', publicColumn)).toMatchObject({ lines: ['X-Request-Id'], inherited: true });
    expect(cell(0, 'Preflight cache', publicColumn)).toMatchObject({ lines: ['10 minutes'], inherited: true });
    expect(cell(0, 'Origins', internalColumn)).toMatchObject({ lines: ['CORS off'], inherited: false });
  });
});

describe('decision rows per environment', () => {
  const rows = view().decisions;

  it('keeps every canonical row of the audit model, in order', () => {
    const canonical = buildAuditModel(apiPolicy).decisions.map((d) => d.label);
    expect(rows.slice(0, canonical.length).map((r) => r.label)).toEqual(canonical);
  });

  it('refuses an origin the development overlay adds in production, and allows it when loaded for development', () => {
    const prod = rows.find((r) => r.label === 'Origin added for development, policy loaded for production');
    const dev = rows.find((r) => r.label === 'Origin added for development, policy loaded for development');
    expect(prod?.request.origin).toBe(devOrigins[0]);
    expect(dev?.request).toEqual(prod?.request);
    expect([prod?.allowed, dev?.allowed, dev?.environment]).toEqual([false, true, 'development']);
    expect(dev?.responseHeaders).toContainEqual(['Access-Control-Allow-Origin', devOrigins[0]]);
  });
});

describe('wording helpers', () => {
  it.each([
    ['https://myapp.com', 'Exact HTTPS'],
    ['https://*.myapp.com', 'Subdomain pattern'],
    ['http://localhost:3000', 'Local machine'],
    ['http://127.0.0.1:4000', 'Local machine'],
    ['http://intranet.example', 'Plain HTTP'],
    ['*', 'Any site'],
  ])('labels %s as %s', (origin, label) => {
    const policy = definePolicy({ name: 'x', origins: [origin] });
    const audited = buildAuditModel(policy).rules.origins[0]!;
    expect(originLabel(audited)).toBe(label);
  });

  it('spells lower-cased header names the usual way', () => {
    expect(['content-type', 'authorization', 'x-request-id', '*'].map(displayHeaderName)).toEqual(['Content-Type', 'Authorization', 'X-Request-Id', '*']);
  });
});
