import { explain, policyForEnvironment, RULES } from '@org/cors-core';
import { describe, expect, it } from 'vitest';
import {
  CORS_IS_NOT_CSRF, SAMESITE_NOTE, buildOriginIndex, pageShell, renderIndexPage, renderOriginPage, renderOriginsPage, renderPolicyPage,
  renderRulesPage, renderSite, sitePolicyViews, type SiteFile,
} from '../src/index.js';
import { HOSTILE, hostile, reports, storefront } from './site-fixtures.js';

const provenance = { commit: 'abc1234def5678abc1234def5678abc1234def56', date: '2026-11-20T10:31:02+01:00', author: 'Ada' };
const site = renderSite({ title: 'Acme CORS', policies: [{ policy: storefront, file: 'src/cors.policy.ts', exportName: 'default', provenance }, { policy: reports }] });
const page = (path: string): string => {
  const file = site.find((f) => f.path === path);
  if (file === undefined) throw new Error(`no ${path} in ${site.map((f) => f.path).join(', ')}`);
  return file.contents;
};
/** Text content, roughly: tags removed, entities decoded, whitespace collapsed. */
const text = (html: string): string =>
  html.replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('renderSite', () => {
  it('writes the index, one page per policy, the origins pages, the rules and one stylesheet, all inside the folder', () => {
    const paths = site.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['index.html', 'policies/storefront-api.html', 'policies/reports-api.html', 'origins.html', 'origins/https--partner.example.html', 'rules.html', 'site.css']));
    for (const path of paths) expect(path).toMatch(/^[a-z0-9][a-z0-9._/-]*$/);
    for (const path of paths) expect(path.split('/')).not.toContain('..');
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('links every page to pages that exist, with relative links', () => {
    const paths = new Set(site.map((f) => f.path));
    for (const file of site.filter((f) => f.path.endsWith('.html'))) {
      const dir = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/') + 1) : '';
      for (const [, href] of file.contents.matchAll(/href="([^"#]*)(?:#[^"]*)?"/g)) {
        if (href === '') continue;
        const target = new URL(decodeURIComponent(href as string), `file:///site/${dir}`).pathname.replace('/site/', '');
        expect(paths.has(target), `${file.path} links to ${href}`).toBe(true);
      }
    }
  });

  it('gives every page a title, a language, one h1, a main landmark and no script', () => {
    for (const file of site.filter((f) => f.path.endsWith('.html'))) {
      expect(file.contents).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(file.contents).toMatch(/<title>[^<]+ — Acme CORS<\/title>/);
      expect(file.contents.match(/<h1[ >]/g)).toHaveLength(1);
      expect(file.contents).toContain('<main id="main">');
      expect(file.contents).not.toMatch(/<script/i);
    }
  });

  it('gives every table a caption and column headers', () => {
    for (const file of site.filter((f) => f.path.endsWith('.html'))) {
      const tables = file.contents.split('<table>').slice(1);
      for (const t of tables) {
        expect(t).toMatch(/^\s*<caption>[^<]+<\/caption>/);
        expect(t).toContain('<th scope="col">');
      }
    }
  });

  it('styles for 1280 px screens and for print in its one stylesheet', () => {
    const css = page('site.css');
    expect(css).toContain('max-width:76rem');
    expect(css).toContain('@media print');
  });
});

describe('the index page', () => {
  const html = page('index.html');

  it('lists every policy with its risk, owners, what it allows in one sentence and a link', () => {
    const rows = html.split('<tr>').slice(2);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('href="policies/storefront-api.html"');
    expect(text(rows[0] as string)).toContain('Medium risk');
    expect(text(rows[0] as string)).toContain('Team Shop');
    expect(text(rows[0] as string)).toContain("Pages on https://myapp.com and https://partner.example may call this API with the user's cookies");
    expect(rows[1]).toContain('href="policies/reports-api.html"');
    expect(text(rows[1] as string)).toContain('Team Data');
  });
});

describe('the policy page', () => {
  const html = page('policies/storefront-api.html');
  const words = text(html);

  it('says in plain words what CORS does not do', () => {
    expect(words).toContain(CORS_IS_NOT_CSRF);
    expect(words).toContain(SAMESITE_NOTE);
    expect(CORS_IS_NOT_CSRF).toMatch(/^A refused simple request .*still reaches your server and runs; CORS only stops the page from reading the answer.*CORS is not CSRF protection\.$/);
    expect(SAMESITE_NOTE).toMatch(/^Whether cookies .*travel also depends on their SameSite attribute.*, not only on this policy\.$/);
    // Said on pages of policies without credentials too.
    expect(text(page('policies/reports-api.html'))).toContain(SAMESITE_NOTE);
  });

  it('shows who may call, linking each origin to its page, and methods, headers and cookies', () => {
    expect(html).toContain('href="../origins/https--partner.example.html"><code>https://partner.example</code></a>');
    expect(words).toContain("Cookies (credentials) Yes: pages may read responses sent with the user's cookies");
    expect(words).toMatch(/Methods GET , POST , PUT/);
    expect(words).toMatch(/Request headers pages may send Content-Type , Authorization/);
  });

  it('shows routes, environments, and where it is enforced with the environment each service loads', () => {
    expect(words).toContain('Catalogue');
    expect(words).toContain('On /public/** , any website may read responses');
    expect(words).toContain('Pre-production');
    expect(words).toContain('https://staging.myapp.com');
    expect(words).toMatch(/Where it is enforced .*shop-api base policy https:\/\/api\.myapp\.com EU cluster .*shop-api-staging staging https:\/\/api\.staging\.myapp\.com/);
  });

  it('shows findings with acknowledgements linked to the rules, expectations and the decision table', () => {
    expect(html).toContain('href="../rules.html#max-age%2Fabove-browser-cap"');
    expect(words).toContain('Firefox users benefit from the longer cache.');
    expect(words).toMatch(/The partner may read orders GET \/orders from https:\/\/partner\.example allowed allowed/);
    const decision = explain(storefront, { origin: 'https://attacker.example', method: 'GET', path: '/', credentials: true });
    expect(decision.allowed).toBe(false);
    expect(words).toMatch(/GET from an unlisted origin GET \/ , with cookies https:\/\/attacker\.example not needed Page may not read/);
  });

  it('shows provenance: the commit, its day and its author', () => {
    expect(words).toContain('Last changed in abc1234 on 2026-11-20 by Ada');
    expect(words).toContain('Defined in src/cors.policy.ts (export default )');
  });

  it('says when provenance is unknown or no deployments are declared', () => {
    const other = text(page('policies/reports-api.html'));
    expect(other).toContain('Unknown: the file is not tracked by git');
    expect(other).toContain('The policy does not say which services load it.');
  });
});

describe('buildOriginIndex', () => {
  const index = buildOriginIndex([storefront, reports]);
  const entry = (origin: string) => {
    const found = index.find((e) => e.origin === origin);
    if (found === undefined) throw new Error(`no ${origin}`);
    return found;
  };

  it('lists every origin and pattern named anywhere, overlays included', () => {
    expect(index.map((e) => e.origin)).toEqual(['https://myapp.com', 'https://partner.example', 'https://staging.myapp.com', 'https://*.myapp.com', '*']);
  });

  it('gives an origin two policies share a grant from each, as core answers it', () => {
    const partner = entry('https://partner.example');
    expect(partner.listedBy).toEqual(['reports-api', 'storefront-api']);
    const shop = partner.grants.filter((g) => g.policy === 'storefront-api' && g.route === undefined);
    expect(shop).toEqual([
      { policy: 'storefront-api', environments: [undefined, 'staging'], route: undefined, via: 'https://partner.example', credentials: true, methods: ['GET', 'POST', 'PUT'], allowHeaders: ['content-type', 'authorization'], exposeHeaders: [] },
    ]);
    // Through the `*` route rule: readable, never with cookies.
    expect(partner.grants.find((g) => g.policy === 'storefront-api' && g.route === '/public/**')).toMatchObject({ via: '*', credentials: false });
    expect(partner.grants.find((g) => g.policy === 'reports-api')).toMatchObject({ via: 'https://partner.example', credentials: false, methods: ['GET'], exposeHeaders: ['X-Report-Id'] });
    for (const grant of shop) expect(explain(storefront, { origin: 'https://partner.example', method: 'PUT', headers: ['Authorization'], credentials: true }).allowed).toBe(grant.credentials);
  });

  it('finds an exact origin allowed through another policy\'s pattern, and an overlay-only origin only in its environment', () => {
    const staging = entry('https://staging.myapp.com');
    expect(staging.grants.find((g) => g.policy === 'reports-api')).toMatchObject({ via: 'https://*.myapp.com', environments: [undefined] });
    expect(staging.grants.find((g) => g.policy === 'storefront-api' && g.route === undefined)).toMatchObject({ environments: ['staging'], credentials: true });
    expect(explain(storefront, { origin: 'https://staging.myapp.com' }).allowed).toBe(false);
    expect(explain(policyForEnvironment(storefront, 'staging'), { origin: 'https://staging.myapp.com' }).allowed).toBe(true);
  });

  it('lists a pattern as the pattern, with the scopes that name it', () => {
    expect(entry('https://*.myapp.com').grants).toEqual([
      { policy: 'reports-api', environments: [undefined], route: undefined, via: 'https://*.myapp.com', credentials: false, methods: ['GET'], allowHeaders: [], exposeHeaders: ['X-Report-Id'] },
    ]);
  });

  it('gives every entry a unique file-safe slug', () => {
    const slugs = index.map((e) => e.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
  });
});

describe('the origin pages', () => {
  it('answer "Which APIs may pages on https://partner.example read" per policy, with cookies, methods and headers', () => {
    const words = text(page('origins/https--partner.example.html'));
    expect(words).toContain('Which APIs may pages on https://partner.example read');
    expect(words).toMatch(/storefront-api All paths not covered by a route rule base policy, staging Listed Yes GET , POST , PUT Content-Type , Authorization Safelisted only/);
    expect(words).toMatch(/reports-api All paths not covered by a route rule base policy Listed No GET Safelisted only X-Report-Id/);
    expect(page('origins/https--partner.example.html')).toContain('href="../policies/reports-api.html"');
  });

  it('list every origin on origins.html with a link to its page', () => {
    const html = page('origins.html');
    for (const entry of buildOriginIndex([storefront, reports])) expect(html).toContain(`href="origins/${entry.slug}.html"`);
  });
});

describe('the rules page', () => {
  it('lists every rule from core with its code as an anchor, severity, what and why', () => {
    const html = renderRulesPage();
    for (const [code, rule] of Object.entries(RULES)) {
      expect(html).toContain(`<tr id="${code}">`);
      const squeezed = (t: string) => t.replace(/[\s`]/g, '');
      expect(squeezed(text(html))).toContain(squeezed(`${code} ${rule.severity} ${rule.title} ${rule.why}`));
    }
    expect(text(html)).toContain('deployments/unknown-environment error');
  });
});

describe('hostile policy text', () => {
  const files: SiteFile[] = renderSite({ title: HOSTILE, policies: [{ policy: hostile, file: HOSTILE, exportName: HOSTILE, provenance: { commit: 'f'.repeat(40), date: HOSTILE, author: HOSTILE } }] });

  it('never lets markup from a policy, its file or its commit through, on any page', () => {
    for (const file of files.filter((f) => f.path.endsWith('.html'))) {
      expect(file.contents).not.toMatch(/<script/i);
      expect(file.contents).not.toMatch(/<img/i);
      expect(file.contents.match(/<\/title>/g)).toHaveLength(1);
      expect(file.contents).not.toContain(`"'`);
    }
    const policyPage = files.find((f) => f.path === 'policies/hostile-api.html')?.contents ?? '';
    expect(policyPage).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;/title&gt;&quot;&#39;');
    // Description, owners, route, overlay, deployment (4 fields), expectation, acknowledgement, file, export, author, date.
    expect(policyPage.split('&lt;script&gt;').length - 1).toBeGreaterThanOrEqual(13);
  });

  it('escapes the page title given to the shell', () => {
    const html = pageShell({ title: '</title><script>x</script>', body: '<p>ok</p>' });
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt; — CORS policies</title>');
  });
});

describe('the renderers for the docs app', () => {
  it('render the same pages with the host\'s links and no stylesheet', () => {
    const views = sitePolicyViews([{ policy: storefront }, { policy: reports }]);
    const links = {
      home: '/', origins: '/origins/', rules: '/rules/', stylesheet: undefined,
      policy: (slug: string) => `/policies/${slug}/`, origin: (slug: string) => `/origins/${slug}/`, rule: (code: string) => `/rules/#${code}`,
    };
    const index = renderIndexPage(views, { links });
    expect(index).toContain('href="/policies/storefront-api/"');
    expect(index).not.toContain('<link rel="stylesheet"');
    const origins = buildOriginIndex(views.map((v) => v.policy));
    expect(renderPolicyPage(views[0] as (typeof views)[number], { links, origins })).toContain('href="/origins/https--partner.example/"');
    expect(renderOriginsPage(origins, { links })).toContain('href="/origins/any-origin/"');
    expect(renderOriginPage(origins[1] as (typeof origins)[number], { links, policySlug: (n) => n })).toContain('href="/policies/reports-api/"');
  });
});
