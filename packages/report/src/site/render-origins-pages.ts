import { titleCaseHeader } from '../describe.js';
import { textToHtml } from '../text.js';
import { code, escapeHtml } from './escape.js';
import { link, table } from './html.js';
import type { OriginGrant, OriginIndexEntry } from './origin-index.js';
import { pageShell } from './page-shell.js';
import type { RunTimeSource } from './run-time-sources.js';
import { relativeLinks, type PageOptions, type SiteLinks } from './site-links.js';

/** Links from a policy name to its page (policy names are unique per site; see `sitePolicyViews`). */
export interface OriginPageOptions extends OriginsPageOptions {
  /** The policy page slug for a policy name; policies without one are not linked. */
  readonly policySlug?: ((name: string) => string | undefined) | undefined;
}

export interface OriginsPageOptions extends PageOptions {
  /**
   * The origin sources of the policies (`runTimeSources(views)`): listed so an auditor knows the
   * origins above are not all the origins these policies allow.
   */
  readonly sources?: readonly RunTimeSource[] | undefined;
}

/** Every origin and pattern named in any policy, linking to each one's page; then the run-time sources. */
export function renderOriginsPage(index: readonly OriginIndexEntry[], options: OriginsPageOptions = {}): string {
  const links = options.links ?? relativeLinks(0);
  const rows = index.map((entry) => [
    link(links.origin(entry.slug), code(entry.origin)),
    escapeHtml(kindWords(entry)),
    escapeHtml(entry.listedBy.join(', ')),
    escapeHtml(String(new Set(entry.grants.map((g) => g.policy)).size)),
  ]);
  const body = `<h1>Calling websites</h1>
<p>Every website (origin) or group of websites (pattern) that any policy names. Each page answers: which APIs may pages on that website read, with cookies or not, using which methods and headers.</p>
${index.length === 0 ? '<p>No policy names any origin.</p>' : table('Origins and patterns', ['Origin or pattern', 'Kind', 'Named by', 'APIs it may read'], rows)}
${sourcesSection(options.sources ?? [], links)}`;
  return pageShell({ title: 'Origins', body, current: 'origins', siteTitle: options.siteTitle, links });
}

/** "Which APIs may pages on https://partner.example read": one row per policy, route and environment. */
export function renderOriginPage(entry: OriginIndexEntry, options: OriginPageOptions = {}): string {
  const links = options.links ?? relativeLinks(1);
  const policyCell = (name: string) => {
    const slug = options.policySlug?.(name);
    return slug === undefined ? code(name) : link(links.policy(slug), code(name));
  };
  const heading =
    entry.kind === 'any'
      ? 'Which APIs may any website read'
      : entry.kind === 'pattern'
        ? `Which APIs may pages matching ${code(entry.origin)} read`
        : `Which APIs may pages on ${code(entry.origin)} read`;
  const intro =
    entry.kind === 'exact' && entry.origin !== 'null'
      ? `<p>Each row is what the policy answers for a page on ${code(entry.origin)}, computed by the same code that enforces it — including access through a subdomain pattern or <code>*</code>.</p>`
      : entry.kind === 'pattern'
        ? `<p>The policies below list this pattern as written; it stands for every website it matches. Pages on a specific website may be allowed by other entries too: see that website's own page.</p>`
        : entry.origin === 'null'
          ? '<p>The <code>null</code> origin is sent by sandboxed iframes, <code>file:</code> pages and some redirects: any page can produce it. The scopes below list it.</p>'
          : '<p>The policies below allow any website to read responses, never with cookies.</p>';
  const rows = entry.grants.map((g) => [
    policyCell(g.policy),
    g.route === undefined ? 'All paths not covered by a route rule' : code(g.route),
    environmentsText(g),
    g.via === entry.origin ? 'Listed' : `Through ${code(g.via)}`,
    g.credentials ? '<strong>Yes</strong>' : 'No',
    names(g.methods, 'None'),
    names(g.allowHeaders.map((h) => (h === '*' ? h : titleCaseHeader(h))), 'Safelisted only'),
    names(g.exposeHeaders, 'Safelisted only'),
  ]);
  const body = `<h1>${heading}</h1>
${intro}
${
  rows.length === 0
    ? '<p>No policy lets pages on this website read responses: every policy that names it does so only where CORS is off or the rule never applies.</p>'
    : table('APIs these pages may read', ['Policy', 'Paths', 'Environments', 'How', 'With cookies', 'Methods', 'Request headers', 'Readable response headers'], rows)
}
${sourcesNote(options.sources ?? [], links)}
<p>${link(links.origins, 'All calling websites')}</p>`;
  return pageShell({ title: `Origin ${entry.origin}`, body, siteTitle: options.siteTitle, links });
}

/** Per policy, the sources whose origins cannot be listed statically. */
function sourcesSection(sources: readonly RunTimeSource[], links: SiteLinks): string {
  if (sources.length === 0) return '';
  const rows = sources.map((s) => [
    link(links.policy(s.policySlug), code(s.policy)),
    s.route === undefined
      ? `All paths not covered by a route rule${s.inheritedBy.length === 0 ? '' : `, and ${s.inheritedBy.map((r) => code(r)).join(', ')}`}`
      : code(s.route),
    code(s.source.name),
    `${textToHtml(s.source.sentence)}.${s.source.description === undefined ? '' : `<br>${escapeHtml(s.source.description)}`}`,
    s.source.credentials ? `<strong>Yes</strong>${s.source.warnings.length > 0 ? ` (warning ${s.source.warnings.map((w) => link(links.rule(w), code(w))).join(', ')})` : ''}` : 'No',
  ]);
  return `<h2 id="run-time-sources">Origins looked up at run time</h2>
<p><strong>The lists above are not complete.</strong> These policies also allow origins that a service looks up at run time in a source (a database table of tenant domains, for example). Those origins are not in any policy file, so no page here can name them: ask the owners of the source.</p>
${table('Origin sources, per policy', ['Policy', 'Paths', 'Source', 'What it is', 'With cookies'], rows)}`;
}

/** On one origin's page: it may also be allowed through a source, which no page can tell. */
function sourcesNote(sources: readonly RunTimeSource[], links: SiteLinks): string {
  if (sources.length === 0) return '';
  const policies = [...new Set(sources.map((s) => s.policy))];
  const names = [...new Set(sources.map((s) => s.source.name))];
  return `<p class="callout" role="note">This list may not be complete: ${policies.map((p) => code(p)).join(', ')} also ${policies.length === 1 ? 'allows' : 'allow'} origins looked up at run time in ${names.map((n) => code(n)).join(', ')}, which no policy file names. See ${link(`${links.origins}#run-time-sources`, 'origins looked up at run time')}.</p>`;
}

function environmentsText(grant: OriginGrant): string {
  return grant.environments.map((e) => (e === undefined ? 'base policy' : code(e))).join(', ');
}

function names(items: readonly string[], none: string): string {
  return items.length === 0 ? none : items.map((i) => code(i === '*' ? '* (any)' : i)).join(', ');
}

function kindWords(entry: OriginIndexEntry): string {
  if (entry.kind === 'any') return 'Any website';
  if (entry.kind === 'pattern') return 'Subdomain pattern';
  return entry.origin === 'null' ? 'The null origin' : 'Exact origin';
}
