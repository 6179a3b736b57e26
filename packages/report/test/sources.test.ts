import { definePolicy, describeSource, explain, type PolicyInput } from '@org/cors-core';
import { describe, expect, it } from 'vitest';
import {
  buildAuditModel, diffPolicies, renderAuditHtml, renderAuditMarkdown, renderDiffMarkdown, renderSite, textToPlain, type PolicyChange,
} from '../src/index.js';
import { readMarkdown, visibleHtmlText as rawText } from './support/visible-markdown.js';

/** What a reader sees, whitespace collapsed (code elements add none of their own). */
const visibleHtmlText = (html: string) => rawText(html).replace(/\s+/g, ' ').replace(/\s+([,.)])/g, '$1').replace(/([(])\s+/g, '$1').trim();

const HOSTILE = '`</td></tr><script>alert(1)</script><!-- [x](javascript:alert(2))\n# heading';

const tenants: PolicyInput = {
  name: 'tenant-api',
  origins: [
    'https://app.example.com',
    { source: 'tenant-domains', methods: ['GET', 'POST'], refreshSeconds: 60, timeoutMs: 200, description: 'Customer custom domains (table tenant_domains)' },
  ],
  credentials: true,
  methods: ['GET', 'POST', 'PUT'],
  routes: [
    { path: '/inherits/**', maxAge: 60 },
    { path: '/partners/**', origins: ['https://partner.example', { source: 'partner-sites', credentials: true, refreshSeconds: 300, timeoutMs: 50 }] },
  ],
};
const policy = definePolicy(tenants);
const model = buildAuditModel(policy);
const SENTENCE =
  'Origins from `tenant-domains`, looked up at run time, credentials (cookies) not allowed, methods GET, POST (refreshed every 60 s; a lookup waits at most 200 ms, then refuses)';

const brief = (changes: readonly PolicyChange[]) => changes.map((c) => `${c.kind} ${c.code}${c.scope.route ? ` @${c.scope.route}` : ''}`);
const withSource = (over: Record<string, unknown>): PolicyInput => ({
  ...tenants,
  origins: ['https://app.example.com', { source: 'tenant-domains', methods: ['GET', 'POST'], description: 'Customer custom domains (table tenant_domains)', ...over }],
});

describe('the audit model lists origin sources as data', () => {
  it('gives the top level its source with name, credentials, methods, refresh, timeout and description from core', () => {
    expect(model.rules.sources).toHaveLength(1);
    expect(model.rules.sources[0]).toMatchObject({
      name: 'tenant-domains', credentials: false, methods: ['GET', 'POST'], ownMethods: true, refreshSeconds: 60, timeoutMs: 200,
      description: 'Customer custom domains (table tenant_domains)', lookedUpAtRunTime: true, path: ['origins', 1], inherited: false, risk: 'low', warnings: [],
    });
    // The source is not an origin: the origin table holds the static origin only.
    expect(model.rules.origins.map((o) => o.origin)).toEqual(['https://app.example.com']);
  });

  it('says each source as a plain sentence, in the summary too', () => {
    expect(textToPlain(model.rules.sources[0]?.sentence ?? [])).toBe(SENTENCE);
    expect(model.summary.map(textToPlain)).toContain(`${SENTENCE}.`);
  });

  it("words a source as core does (explain's phrase), adding only the refresh and the timeout", () => {
    const phrase = describeSource(policy.rules.sources[0]!);
    expect(phrase).toBe('origins from tenant-domains, looked up at run time, credentials (cookies) not allowed, methods GET, POST');
    expect(textToPlain(model.rules.sources[0]?.sentence ?? []).replace(/`/g, '')).toBe(`O${phrase.slice(1)} (refreshed every 60 s; a lookup waits at most 200 ms, then refuses)`);
    // Explain says the same phrase for the same source (unbound, it cannot see the source's contents).
    expect(explain(policy, { origin: 'https://shop.customer.example', method: 'GET', path: '/' }).steps.join(' ')).toContain(`(${phrase})`);
  });

  it("marks a route without its own origins as inheriting the top level's source, and a route's own source as its own", () => {
    const [inherits, partners] = model.routes;
    expect(inherits?.rules.sources.map((s) => [s.name, s.inherited, s.path])).toEqual([['tenant-domains', true, ['origins', 1]]]);
    expect(partners?.rules.sources.map((s) => [s.name, s.inherited, s.methods, s.refreshSeconds, s.timeoutMs])).toEqual([['partner-sites', false, ['GET', 'POST', 'PUT'], 300, 50]]);
  });

  it('flags credentials on a source as a medium-risk warning carrying the lint code origins/source-with-credentials', () => {
    const source = model.routes[1]?.rules.sources[0];
    expect(source?.credentials).toBe(true);
    expect(source?.risk).toBe('medium');
    expect(source?.warnings).toEqual(['origins/source-with-credentials']);
    expect(source?.notes.map(textToPlain).join(' ')).toContain('`origins/source-with-credentials`');
    expect(textToPlain(source?.sentence ?? [])).toBe(
      'Origins from `partner-sites`, looked up at run time, credentials (cookies) allowed, methods GET, POST, PUT (refreshed every 300 s; a lookup waits at most 50 ms, then refuses)',
    );
  });

  it('takes credentials on a source into account for the SameSite caveat', () => {
    const noCookies = buildAuditModel(definePolicy({ name: 'a', origins: [{ source: 'tenant-domains' }] }));
    const cookies = buildAuditModel(definePolicy({ name: 'a', origins: [{ source: 'tenant-domains', credentials: true }] }));
    expect(noCookies.caveats).toHaveLength(1);
    expect(cookies.caveats).toHaveLength(2);
  });
});

describe('the renderers show sources as what they are', () => {
  it('Markdown: the sentence under "Who may read responses", the description, and the warning with its code', () => {
    const md = renderAuditMarkdown(model);
    const top = md.slice(md.indexOf('## Who may read responses'), md.indexOf('## Credentials'));
    expect(readMarkdown(top).visible).toContain(SENTENCE.replace(/`/g, ''));
    expect(top).toContain('Customer custom domains');
    const route = md.slice(md.indexOf('### `/partners/**`'));
    expect(route).toContain('⚠️ Origins from `partner-sites`, looked up at run time, credentials (cookies) allowed, methods GET, POST, PUT (refreshed every 300 s;');
    expect(route).toContain('**Warning:** `origins/source-with-credentials`');
  });

  it('says no origin is listed, instead of an empty table, when a list holds only sources', () => {
    const onlySource = buildAuditModel(definePolicy({ name: 'a', origins: [{ source: 'tenant-domains' }] }));
    expect(renderAuditMarkdown(onlySource)).toContain('## Who may read responses\n\nNo origin is listed in the policy itself.\n');
    expect(renderAuditHtml(onlySource)).toContain('<h2>Who may read responses</h2><p>No origin is listed in the policy itself.</p>');
  });

  it('HTML and the site policy page: the sentence, and a link to the credentials rule', () => {
    expect(visibleHtmlText(renderAuditHtml(model))).toContain(SENTENCE.replace(/`/g, ''));
    const page = renderSite({ policies: [{ policy }] }).find((f) => f.path === 'policies/tenant-api.html')?.contents ?? '';
    expect(visibleHtmlText(page)).toContain(SENTENCE.replace(/`/g, ''));
    expect(page).toContain('href="../rules.html#origins%2Fsource-with-credentials"');
  });

  it('JSON carries the sources as data (the audit model as is)', () => {
    const json = JSON.parse(JSON.stringify(model)) as { rules: { sources: Array<{ name: string; refreshSeconds: number }> } };
    expect(json.rules.sources.map((s) => [s.name, s.refreshSeconds])).toEqual([['tenant-domains', 60]]);
  });

  it('escapes a hostile source description in Markdown, HTML and the site', () => {
    const hostile = definePolicy({ name: 'h', origins: [{ source: 'tenant-domains', description: HOSTILE }] });
    const md = renderAuditMarkdown(buildAuditModel(hostile));
    const reading = readMarkdown(md);
    expect(reading.hidden).toBe('');
    expect(md).not.toMatch(/^# heading/m);
    // Brackets are escaped: no link is made of the description.
    expect(md).not.toMatch(/[^\\]\]\(javascript:/);
    for (const html of [renderAuditHtml(buildAuditModel(hostile)), ...renderSite({ policies: [{ policy: hostile }] }).map((f) => f.contents)]) {
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toContain('<!--');
    }
    expect(visibleHtmlText(renderAuditHtml(buildAuditModel(hostile)))).toContain('<script>alert(1)</script>');
  });
});

describe('diff: origin sources', () => {
  const diff = (head: PolicyInput) => diffPolicies(policy, definePolicy(head));

  it('classes a source added as a loosening and a source removed as a tightening', () => {
    const plain = definePolicy({ ...tenants, origins: ['https://app.example.com'] });
    expect(brief(diffPolicies(plain, policy).changes)).toContain('loosening source-added');
    expect(diffPolicies(plain, policy).changes.find((c) => c.code === 'source-added')?.message).toBe(`Source added — o${SENTENCE.slice(1)}`);
    expect(brief(diffPolicies(policy, plain).changes)).toContain('tightening source-removed');
  });

  it('classes credentials turned on for a source as a loosening, and turned off as a tightening', () => {
    const on = diff(withSource({ credentials: true }));
    expect(brief(on.changes)[0]).toBe('loosening source-credentials-enabled');
    expect(on.changes[0]?.message).toBe(
      "Source `tenant-domains`: credentials (cookies) not allowed → allowed — every site its provider names, tenant-controlled, may now read responses with the user's cookies",
    );
    const off = diffPolicies(definePolicy(withSource({ credentials: true })), policy);
    expect(brief(off.changes)).toContain('tightening source-credentials-disabled');
    expect(off.changes.find((c) => c.code === 'source-credentials-disabled')?.message).toBe(
      "Source `tenant-domains`: credentials (cookies) allowed → not allowed — its sites no longer read responses with the user's cookies",
    );
  });

  it('classes methods widened for a source as a loosening and narrowed as a tightening', () => {
    expect(brief(diff(withSource({ methods: ['GET', 'POST', 'DELETE'] })).changes)).toEqual(['loosening source-method-added']);
    expect(brief(diff(withSource({ methods: ['GET'] })).changes)).toEqual(['tightening source-method-removed']);
    const said = (methods: string[]) => diff(withSource({ methods })).changes.map((c) => [c.field, c.message]);
    expect(said(['GET', 'POST', 'DELETE'])).toEqual([['sources.tenant-domains.methods', 'Method `DELETE` allowed for the source `tenant-domains`']]);
    expect(said(['GET'])).toEqual([['sources.tenant-domains.methods', 'Method `POST` no longer allowed for the source `tenant-domains`']]);
    expect(said(['*'])).toContainEqual(['sources.tenant-domains.methods', 'Method `*` (any method) allowed for the source `tenant-domains`']);
  });

  it('shows refresh and timeout changes as neutral', () => {
    const result = diff(withSource({ refreshSeconds: 600, timeoutMs: 1000 }));
    expect(brief(result.changes)).toEqual(['neutral source-refresh-changed', 'neutral source-timeout-changed']);
    expect(result.changes.map((c) => c.message)).toEqual([
      'The source `tenant-domains` is now refreshed every 600 s (was 60 s)',
      'A lookup in the source `tenant-domains` now waits at most 1000 ms (was 200 ms), then refuses',
    ]);
  });

  it("finds a route's own source credentials change in its scope", () => {
    const head: PolicyInput = {
      ...tenants,
      routes: [tenants.routes?.[0] ?? { path: '/' }, { path: '/partners/**', origins: ['https://partner.example', { source: 'partner-sites', credentials: false, refreshSeconds: 300, timeoutMs: 50 }] }],
    };
    expect(brief(diff(head).changes)).toContain('tightening source-credentials-disabled @/partners/**');
  });

  it('puts a source credentials change under the loosening heading of the PR comment', () => {
    const md = renderDiffMarkdown(diff(withSource({ credentials: true })));
    expect(md).toContain('Loosening');
    expect(md).toContain('Source `tenant-domains`: credentials (cookies) not allowed → allowed');
  });
});

describe('the by-origin pages name the sources they cannot list', () => {
  const site = renderSite({ policies: [{ policy }, { policy: definePolicy({ name: 'static-api', origins: ['https://app.example.com'] }) }] });
  const page = (path: string) => site.find((f) => f.path === path)?.contents ?? '';

  it('lists, per policy, every run-time source once, with the paths it covers and whether it gets cookies', () => {
    const origins = page('origins.html');
    expect(origins).toContain('<h2 id="run-time-sources">Origins looked up at run time</h2>');
    expect(visibleHtmlText(origins)).toContain('The lists above are not complete.');
    const rows = [...origins.slice(origins.indexOf('run-time-sources')).matchAll(/<tr><th scope="row">(.*?)<\/tr>/g)].map((m) => visibleHtmlText(`<td>${m[1] ?? ''}`));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^tenant-api All paths not covered by a route rule, and \/inherits\/\*\* tenant-domains Origins from tenant-domains, looked up at run time, credentials \(cookies\) not allowed, methods GET, POST \(refreshed every 60 s; .* No$/);
    expect(rows[1]).toMatch(/^tenant-api \/partners\/\*\* partner-sites .* Yes \(warning origins\/source-with-credentials\)$/);
  });

  it("warns on an origin's own page that the list may not be complete", () => {
    expect(visibleHtmlText(page('origins/https--app.example.com.html'))).toContain('This list may not be complete: tenant-api also allows origins looked up at run time in tenant-domains, partner-sites');
  });

  it('says nothing about sources when no policy has one', () => {
    const plain = renderSite({ policies: [{ policy: definePolicy({ name: 'static-api', origins: ['https://app.example.com'] }) }] });
    for (const file of plain) expect(file.contents).not.toContain('looked up at run time');
  });
});
