import { describe, expect, it } from 'vitest';
import { compilePolicy, definePolicy, originFactsOf, parsePolicy, policyForEnvironment, sourceFactsOf } from '../src/index.js';
import { base, lint } from './helpers.js';

const tenants = { source: 'tenant-domains' } as const;

describe('origin sources in a policy', () => {
  it('a source next to exact origins loads, with defaults: no credentials, the rules\' methods, 60 s, 200 ms', () => {
    const policy = definePolicy({ ...base, credentials: true, methods: ['GET', 'put'], origins: ['https://app.example.com', tenants] });
    expect(policy.rules.origins).toEqual(['https://app.example.com']);
    expect(policy.rules.sources).toEqual([{ name: 'tenant-domains', credentials: false, methods: ['GET', 'PUT'], refreshSeconds: 60, timeoutMs: 200, description: undefined }]);
    expect(policy.findings).toEqual([]);
  });

  it('a source\'s own settings replace the defaults; methods are normalised like `methods`', () => {
    const policy = definePolicy({ ...base, origins: [{ source: 'tenant-domains', methods: ['get', 'POST'], refreshSeconds: 5, timeoutMs: 50, description: 'Customer domains' }] });
    expect(policy.rules.sources[0]).toEqual({ name: 'tenant-domains', credentials: false, methods: ['GET', 'POST'], refreshSeconds: 5, timeoutMs: 50, description: 'Customer domains' });
  });

  it('a source alone is a non-empty origins list', () => {
    expect(parsePolicy({ name: 'test-api', origins: [tenants] }).ok).toBe(true);
  });

  it('a route inherits the top-level sources, and its source defaults to the route\'s methods', () => {
    const policy = definePolicy({ ...base, origins: [tenants], routes: [{ path: '/read/**', methods: ['GET'] }, { path: '/own/**', origins: ['https://b.example.com'] }] });
    expect(policy.routes[0]?.sources.map((s) => [s.name, s.methods])).toEqual([['tenant-domains', ['GET']]]);
    expect(policy.routes[0]?.own).toEqual({ methods: ['GET'] });
    // A route's own list replaces the sources too.
    expect(policy.routes[1]?.sources).toEqual([]);
    expect(policy.routes[1]?.own).toEqual({ origins: ['https://b.example.com'] });
  });

  it('a route\'s own source is in its `own` rules', () => {
    const policy = definePolicy({ ...base, routes: [{ path: '/t/**', origins: ['https://b.example.com', tenants] }] });
    expect(policy.routes[0]?.own.origins).toEqual(['https://b.example.com']);
    expect(policy.routes[0]?.own.sources?.map((s) => s.name)).toEqual(['tenant-domains']);
    expect(policy.rules.sources).toEqual([]);
  });

  it('environment overlays add to the static origins and keep the sources', () => {
    const policy = definePolicy({ ...base, origins: ['https://app.example.com', tenants], environments: { development: { origins: ['http://localhost:3000'] } } }, { environment: 'development' });
    expect(policy.rules.origins).toEqual(['https://app.example.com', 'http://localhost:3000']);
    expect(policy.rules.sources.map((s) => s.name)).toEqual(['tenant-domains']);
  });
});

describe('origin sources a policy must refuse', () => {
  it('a source in a list that also has "*"', () => {
    expect(lint({ ...base, origins: ['*', tenants] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[1] origins/source-with-wildcard — Keep either "*" alone (public, no credentials) or the specific origins and sources.",
        ],
        "loads": false,
      }
    `);
  });

  it('the same source twice in one list', () => {
    expect(lint({ ...base, origins: [tenants, { source: 'tenant-domains', credentials: false }] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[1] origins/source-duplicate — Keep one entry per source in a list.",
        ],
        "loads": false,
      }
    `);
  });

  it('the same source in the top level and a route\'s own list is not a duplicate', () => {
    expect(lint({ ...base, origins: [tenants], routes: [{ path: '/a/**', origins: [tenants] }] })).toEqual({ findings: [], loads: true });
  });

  it('a source in a disabled route', () => {
    expect(lint({ ...base, routes: [{ path: '/internal/**', disabled: true, origins: [tenants] }] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error routes[0].origins[0] origins/source-in-disabled-route — Remove the source from the disabled route, or drop \`disabled: true\`.",
        ],
        "loads": false,
      }
    `);
  });

  it('a disabled route that inherits a top-level source is fine', () => {
    expect(lint({ ...base, origins: [tenants], routes: [{ path: '/internal/**', disabled: true }] })).toEqual({ findings: [], loads: true });
  });

  it('a name that is not a slug, ranges out of bounds, bad methods', () => {
    expect(lint({ ...base, origins: [{ source: 'Tenant Domains', refreshSeconds: 0, timeoutMs: 5000.5, methods: ['GET POST', 'TRACE', 'patch'] }] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0].source origins/source-invalid-name — Use a lower-case letter then letters, digits or dashes, e.g. "tenant-domains".",
          "error origins[0].refreshSeconds origins/source-invalid-refresh — Use whole seconds, e.g. 60 (the default).",
          "error origins[0].timeoutMs origins/source-invalid-timeout — Use whole milliseconds, e.g. 200 (the default).",
          "error origins[0].methods[0] methods/invalid-token — List each method as its own entry, e.g. ["GET", "POST"].",
          "error origins[0].methods[1] methods/forbidden — Remove it.",
          "warning origins[0].methods[2] methods/not-uppercase — Write "PATCH".",
        ],
        "loads": false,
      }
    `);
  });

  it.each([[1, true], [86400, true], [86401, false], [-1, false], [1.5, false]])('refreshSeconds %s loads: %s', (refreshSeconds, ok) => {
    expect(parsePolicy({ ...base, origins: [{ source: 'tenant-domains', refreshSeconds }] }).ok).toBe(ok);
  });

  it.each([[10, true], [5000, true], [9, false], [5001, false]])('timeoutMs %s loads: %s', (timeoutMs, ok) => {
    expect(parsePolicy({ ...base, origins: [{ source: 'tenant-domains', timeoutMs }] }).ok).toBe(ok);
  });

  it('credentials on a source is a warning with its own code, acknowledgeable by path', () => {
    const input = { ...base, origins: [{ source: 'tenant-domains', credentials: true }] };
    expect(lint(input)).toMatchInlineSnapshot(`
      {
        "findings": [
          "warning origins[0].credentials origins/source-with-credentials — Turn credentials off for the source, or acknowledge the warning if tenants' sites must make credentialed calls.",
        ],
        "loads": true,
      }
    `);
    const acknowledged = definePolicy({ ...input, acknowledgements: [{ rule: 'origins/source-with-credentials', path: 'origins[0].credentials', reason: 'Tenants sign in on their domains.' }] });
    expect(acknowledged.findings[0]?.acknowledged).toBe('Tenants sign in on their domains.');
  });

  it('a typo in a source entry gets a suggestion', () => {
    expect(lint({ ...base, origins: [{ source: 'tenant-domains', credentails: true }] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0].credentails policy/unknown-key — Did you mean \`credentials\`?",
        ],
        "loads": false,
      }
    `);
  });

  it('a source entry without its name', () => {
    expect(lint({ ...base, origins: [{ credentials: false }] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0].source policy/invalid-shape — Add \`source\`.",
        ],
        "loads": false,
      }
    `);
  });

  it('an environment overlay cannot add a source (it adds origins only)', () => {
    const result = parsePolicy({ ...base, environments: { staging: { origins: [tenants] } } });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.path.join('.'))).toEqual(['environments.staging.origins.0']);
  });
});

describe('facts about sources, for reports', () => {
  const policy = definePolicy({
    ...base,
    origins: ['https://app.example.com', { source: 'tenant-domains', credentials: true, description: 'Customer domains' }],
    routes: [{ path: '/read/**', origins: [{ source: 'partners', methods: ['GET'] }] }],
    acknowledgements: [{ rule: 'origins/source-with-credentials', value: 'tenant-domains', reason: 'Signed-in tenant sites.' }],
  });

  it('sourceFactsOf lists each source where it is written, as what it is: looked up at run time, credentials, methods', () => {
    expect(sourceFactsOf(policy)).toEqual([
      { scope: 'top', path: ['origins', 1], lookedUpAtRunTime: true, ownMethods: false, source: { name: 'tenant-domains', credentials: true, methods: ['GET', 'HEAD', 'POST'], refreshSeconds: 60, timeoutMs: 200, description: 'Customer domains' } },
      { scope: 'route', routeIndex: 0, path: ['routes', 0, 'origins', 0], lookedUpAtRunTime: true, ownMethods: true, source: { name: 'partners', credentials: false, methods: ['GET'], refreshSeconds: 60, timeoutMs: 200, description: undefined } },
    ]);
  });

  it('originFactsOf keeps listing the string entries only, at their own paths', () => {
    expect(originFactsOf(policy).map((f) => [f.path.join('.'), f.facts.entry])).toEqual([['origins.0', 'https://app.example.com']]);
  });

  it('a policy without sources compiles and reports as before (no source facts)', () => {
    const plain = definePolicy(base);
    expect(sourceFactsOf(plain)).toEqual([]);
    expect(compilePolicy(plain).base.rules.sources).toEqual([]);
    expect(policyForEnvironment(plain, undefined).rules.sources).toEqual([]);
  });
});
