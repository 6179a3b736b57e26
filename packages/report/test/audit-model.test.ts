import { definePolicy, describeRefusal, policyForEnvironment } from '@org/cors-core';
import { describe, expect, it } from 'vitest';
import { buildAuditModel } from '../src/audit-model.js';
import { renderAuditMarkdown } from '../src/render-audit.js';
import { textToPlain } from '../src/text.js';

describe('buildAuditModel', () => {
  it('rates origins by the trust they hand out', () => {
    const model = buildAuditModel(
      definePolicy({
        name: 'api',
        origins: ['https://myapp.com', 'https://*.myapp.com', 'http://localhost:3000', 'http://legacy.myapp.com'],
        credentials: true,
      }),
    );
    const risk = Object.fromEntries(model.rules.origins.map((o) => [o.origin, o.risk]));
    expect(risk).toEqual({
      'https://myapp.com': 'low',
      'https://*.myapp.com': 'medium',
      'http://localhost:3000': 'medium',
      'http://legacy.myapp.com': 'high',
    });
    const pattern = model.rules.origins.find((o) => o.kind === 'pattern');
    expect(pattern?.notes.map(textToPlain).join(' ')).toContain('every current and future subdomain of myapp.com');
    // The linter's own finding about the http origin is carried into its notes.
    expect(model.rules.origins.at(-1)?.notes.map(textToPlain).join(' ')).toContain('origins/insecure-with-credentials');
  });

  it('describes a public `*` policy without claiming that no other site may read it', () => {
    const model = buildAuditModel(definePolicy({ name: 'public-api', origins: ['*'], methods: ['GET'] }));
    expect(textToPlain(model.summary[0] ?? [])).toBe("Any website may read responses, without the user's cookies, using GET.");
    expect(model.summary.map(textToPlain)).not.toContain('No other website may read responses.');
    expect(model.rules.origins[0]).toMatchObject({ kind: 'any', risk: 'medium' });
  });

  it('ends the summary with who else may read: no one, no one but the sources\' sites, or nothing where a route allows every site', () => {
    const last = (input: Parameters<typeof definePolicy>[0]) => buildAuditModel(definePolicy(input)).summary.map(textToPlain).at(-1);
    expect(last({ name: 'a', origins: ['https://myapp.com'] })).toBe('No other website may read responses.');
    expect(last({ name: 'b', origins: ['https://myapp.com', { source: 'tenant-domains' }] })).toBe(
      'No other website may read responses, apart from those its origin sources name at run time.',
    );
    expect(last({ name: 'c', origins: ['https://myapp.com'], routes: [{ path: '/feeds/**', origins: [{ source: 'partners' }] }] })).toBe(
      'No other website may read responses, apart from those its origin sources name at run time.',
    );
    const publicRoute = buildAuditModel(definePolicy({ name: 'd', origins: ['https://myapp.com'], routes: [{ path: '/public/**', origins: ['*'] }] }));
    expect(publicRoute.summary.map(textToPlain)).not.toContain('No other website may read responses.');
  });

  it('states max-age in human units against the browser caps, and the default when unset', () => {
    const capped = buildAuditModel(definePolicy({ name: 'a', origins: ['https://myapp.com'], maxAge: 86400 }));
    expect(capped.rules.maxAge).toMatchObject({ seconds: 86400, human: '1 day', chromium: 7200, firefox: 86400 });
    expect(textToPlain(capped.rules.maxAge.sentence)).toContain('Chromium caps it at 2 hours');
    const unset = buildAuditModel(definePolicy({ name: 'b', origins: ['https://myapp.com'] }));
    expect(unset.rules.maxAge).toMatchObject({ seconds: undefined, human: 'not set', chromium: 5, firefox: 5 });
    const zero = buildAuditModel(definePolicy({ name: 'c', origins: ['https://myapp.com'], maxAge: 0 }));
    expect(textToPlain(zero.rules.maxAge.sentence)).toContain('every non-simple request is preflighted');
  });

  it('refuses a look-alike of every wildcard pattern in the decision table', () => {
    const model = buildAuditModel(definePolicy({ name: 'a', origins: ['https://*.myapp.com'], credentials: true }));
    const lookAlike = model.decisions.find((row) => textToPlain(row.label).startsWith('GET from a look-alike'));
    expect(lookAlike?.request.origin).toBe('https://myapp.com.attacker.example');
    expect(lookAlike?.allowed).toBe(false);
    const sample = model.decisions.find((row) => textToPlain(row.label) === 'Credentialed GET from an allowed origin');
    expect(sample).toMatchObject({ allowed: true, request: { origin: 'https://app.myapp.com' } });
  });

  it('summarises route rules and environment overlays', () => {
    const model = buildAuditModel(
      definePolicy({
        name: 'a',
        origins: ['https://myapp.com'],
        credentials: true,
        routes: [{ path: '/internal/**', disabled: true }],
        environments: { development: { origins: ['http://localhost:3000'], maxAge: 0 } },
      }),
    );
    expect(textToPlain(model.routes[0]?.sentence ?? [])).toBe('On `/internal/**`, CORS is off: no other website may read responses.');
    expect(textToPlain(model.environments[0]?.sentence ?? [])).toBe(
      'In the `development` environment, `http://localhost:3000` may also call this API; preflight cache lowered from unset (browser default, 5 seconds) to 0 seconds.',
    );
    expect(model.decisions.find((row) => row.route === '/internal/**')?.allowed).toBe(false);
  });

  it('takes refusals, origin facts and route overrides from core as data', () => {
    const policy = definePolicy({
      name: 'a',
      origins: ['https://myapp.com', 'https://*.myapp.com:*'],
      credentials: true,
      methods: ['GET', 'PUT'],
      routes: [{ path: '/files/**', maxAge: 60 }],
    });
    const model = buildAuditModel(policy);
    const refused = model.decisions.filter((row) => !row.allowed);
    expect(refused.length).toBeGreaterThan(0);
    for (const row of refused) expect(row.why).toBe(describeRefusal(row.refusal ?? expect.fail('a refused row without a refusal')));
    expect(model.decisions.find((row) => textToPlain(row.label) === 'GET from an unlisted origin')?.refusal).toMatchObject({ code: 'origin-not-allowed', stage: 'actual' });
    expect(model.rules.origins[1]?.facts).toMatchObject({ kind: 'pattern', patternBase: 'myapp.com', anyPort: true });
    expect(model.routes[0]?.overrides).toEqual(['maxAge']);
  });

  it('builds one model per policy object, and rows for each overlay from the policy loaded for it', () => {
    const policy = definePolicy({ name: 'a', origins: ['https://myapp.com'], environments: { staging: { origins: ['https://staging.myapp.com'] } } });
    expect(buildAuditModel(policy)).toBe(buildAuditModel(policy));
    const rows = buildAuditModel(policy).decisions.filter((row) => row.request.origin === 'https://staging.myapp.com');
    expect(rows.map((row) => [row.environment ?? 'base', row.allowed])).toEqual([
      ['base', false],
      ['staging', true],
    ]);
    expect(policyForEnvironment(policy, 'staging')).toBe(policyForEnvironment(policy, 'staging'));
  });

  it('says which overlays are development only', () => {
    const policy = definePolicy({
      name: 'a',
      origins: ['https://myapp.com'],
      environments: { development: { developmentOnly: true, origins: ['http://localhost:3000'] }, staging: { origins: ['https://staging.myapp.com'] } },
    });
    const model = buildAuditModel(policy);
    expect(model.environments.map((e) => [e.name, e.developmentOnly])).toEqual([
      ['development', true],
      ['staging', false],
    ]);
    const markdown = renderAuditMarkdown(model);
    const development = markdown.slice(markdown.indexOf('### `development`'), markdown.indexOf('### `staging`'));
    expect(development).toContain('Development only: refused while NODE\\_ENV is production.');
    expect(markdown.slice(markdown.indexOf('### `staging`'))).not.toContain('Development only');
  });
});
