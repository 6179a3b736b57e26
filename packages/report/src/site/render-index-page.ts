import { plural } from '../describe.js';
import { textToHtml } from '../text.js';
import { escapeHtml } from './escape.js';
import { link, riskBadge, table } from './html.js';
import { pageShell } from './page-shell.js';
import type { SitePolicyView } from './site-input.js';
import { relativeLinks, type PageOptions } from './site-links.js';

/**
 * The site's home page: every policy with its overall risk, owners and what it allows in one
 * sentence, linking to its page, the origins index and the rules.
 */
export function renderIndexPage(policies: readonly SitePolicyView[], options: PageOptions = {}): string {
  const links = options.links ?? relativeLinks(0);
  const rows = policies.map((p) => {
    const open = p.model.findings.length;
    return [
      `${link(links.policy(p.slug), escapeHtml(p.model.name))}${p.model.description === undefined ? '' : `<br><span class="muted small">${escapeHtml(p.model.description)}</span>`}`,
      riskBadge(p.risk),
      p.model.owners.length === 0 ? '<span class="muted">None listed</span>' : escapeHtml(p.model.owners.join(', ')),
      textToHtml(p.model.summary[0] ?? []),
      open === 0 ? 'None' : escapeHtml(plural(open, 'finding')),
    ];
  });
  const body = `<h1>CORS policies</h1>
<p>A CORS policy decides which other websites may read an API's responses in a visitor's browser, with which methods and headers, and whether the visitor's cookies travel with the request. This site lists ${policies.length} ${policies.length === 1 ? 'policy' : 'policies'}; each page explains one in plain English.</p>
${table('Policies', ['Policy', 'Overall risk', 'Owners', 'What it allows', 'Open findings'], rows)}
<p>${link(links.origins, 'Browse by calling website')}: which APIs pages on a given website may read. ${link(links.rules, 'The rules')} every policy is checked against.</p>
<h2>Reading the risk levels</h2>
<dl class="facts">
<dt>${riskBadge('low')}</dt><dd>Only exact HTTPS sites the owners control may read responses (and, without cookies, pages on the visitor's own machine).</dd>
<dt>${riskBadge('medium')}</dt><dd>A wider group may read: every subdomain of a domain, pages on the visitor's own machine with cookies, or any website without cookies; or lint warnings are still open.</dd>
<dt>${riskBadge('high')}</dt><dd>Someone outside the owners' control could read responses: unencrypted HTTP origins with cookies, or the <code>null</code> origin.</dd>
</dl>`;
  return pageShell({ title: 'Policies', body, current: 'home', siteTitle: options.siteTitle, links });
}
