import { apiPolicy } from '@org/cors-policies';
import { pageShell, renderRulesPage } from '@org/cors-report';
import { describe, expect, it } from 'vitest';
import { pageBody } from '../lib/page-body';
import { SITE_LINKS, getPolicyPage, getSite } from '../lib/site';

describe('the docs site data', () => {
  it('loads the policies once per process: every page gets the same site object', async () => {
    const [a, b] = await Promise.all([getSite(), getSite()]);
    expect(a).toBe(b);
    expect(await getSite()).toBe(a);
    expect(a.views.map((v) => v.policy.name)).toContain(apiPolicy.name);
  });

  it('finds a policy page by its slug, with the loaded policy and its page model', async () => {
    const found = await getPolicyPage(apiPolicy.name);
    expect(found?.entry.policy.name).toBe(apiPolicy.name);
    expect(found?.view.model.name).toBe(apiPolicy.name);
    expect(await getPolicyPage('no-such-policy')).toBeUndefined();
  });

  it('links the report\'s pages to this site\'s routes', () => {
    expect(SITE_LINKS.policy('storefront-api')).toBe('/policies/storefront-api/');
    expect(SITE_LINKS.origin('https--myapp.com')).toBe('/origins/https--myapp.com/');
    expect(SITE_LINKS.rule('origins/null')).toBe('/rules/#origins%2Fnull');
    expect(renderRulesPage({ links: SITE_LINKS })).toContain('href="/origins/"');
  });
});

describe('pageBody', () => {
  it('takes what is inside <main> and the page title of a report page', () => {
    const html = pageShell({ title: 'Policy <a> & "b"', body: '<h1>Hello</h1>\n<p>x</p>' });
    expect(pageBody(html)).toEqual({ body: '<h1>Hello</h1>\n<p>x</p>', title: 'Policy <a> & "b"' });
  });

  it('refuses HTML that is not a report page instead of rendering nothing', () => {
    expect(() => pageBody('<html><body><p>x</p></body></html>')).toThrow(/Not a page rendered by @org\/cors-report/);
  });
});

describe('provenance on the hosted site', () => {
  it('shows the last commit that changed the policies package, as the policy page\'s "Last changed"', async () => {
    const found = await getPolicyPage(apiPolicy.name);
    expect(found?.view.provenance?.commit).toMatch(/^[0-9a-f]{40}$/);
  });
});
