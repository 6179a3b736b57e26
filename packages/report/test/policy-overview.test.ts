import { definePolicy } from '@org/cors-core';
import { describe, expect, it } from 'vitest';
import { buildAuditModel } from '../src/audit-model.js';
import { originBadge, policyOverview } from '../src/policy-overview.js';
import { textToPlain } from '../src/text.js';

describe('policyOverview', () => {
  it('rates a policy by its riskiest origin in force and says why', () => {
    const model = buildAuditModel(
      definePolicy({ name: 'a', origins: ['https://myapp.com', 'https://*.myapp.com'], credentials: true, routes: [{ path: '/pub/**', origins: ['*'], credentials: false }] }),
    );
    const overview = policyOverview(model);
    expect(overview.risk).toBe('medium');
    expect(overview.reasons.map(textToPlain)).toEqual([
      expect.stringMatching(/^Top level, `https:\/\/\*\.myapp\.com`: Trusts every current and future subdomain of myapp\.com with users' cookies/),
      expect.stringMatching(/^Route `\/pub\/\*\*`, `\*`: Any website may read responses/),
    ]);
    expect(overview.counts).toEqual({ warnings: 0, info: 0, acknowledged: 0 });
  });

  it('rates a source that allows credentials medium, once even when routes inherit it, and says why with the lint code', () => {
    const model = buildAuditModel(
      definePolicy({
        name: 'a',
        origins: ['https://myapp.com', { source: 'tenant-domains', credentials: true }],
        acknowledgements: [{ rule: 'origins/source-with-credentials', path: 'origins[1].credentials', reason: 'Tenants log in on their own domains.' }],
        routes: [{ path: '/inherits/**', maxAge: 60 }],
      }),
    );
    const overview = policyOverview(model);
    expect(overview.risk).toBe('medium');
    expect(overview.reasons.map(textToPlain)).toEqual([expect.stringMatching(/^Top level, the source `tenant-domains`: `origins\/source-with-credentials`: /)]);
  });

  it('labels origins from core\'s facts', () => {
    const model = buildAuditModel(definePolicy({ name: 'a', origins: ['https://myapp.com', 'https://*.myapp.com', 'http://localhost:3000'] }));
    expect(model.rules.origins.map(originBadge)).toEqual(['Exact HTTPS', 'Subdomain pattern', 'Local machine']);
  });
});
