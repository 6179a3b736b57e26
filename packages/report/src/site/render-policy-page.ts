import { formatIssuePath, RULES } from '@org/cors-core';
import type { Deployment, HeaderPairs, PolicyIssue } from '@org/cors-core';
import { CSRF_SENTENCE, SAMESITE_SENTENCE, type AuditOrigin, type AuditRules } from '../audit-model.js';
import type { AuditDecisionRow } from '../decision-rows.js';
import { titleCaseHeader } from '../describe.js';
import type { AuditSource } from '../source-audit.js';
import { textToHtml } from '../text.js';
import { code, escapeHtml, inlineCode } from './escape.js';
import { isoDay, link, riskBadge, table } from './html.js';
import type { OriginIndexEntry } from './origin-index.js';
import { pageShell } from './page-shell.js';
import type { SitePolicyView } from './site-input.js';
import { relativeLinks, type PageOptions } from './site-links.js';

/** What every policy page says about CORS itself (the audit model's caveats, one wording everywhere). */
export const CORS_IS_NOT_CSRF = CSRF_SENTENCE;
/** Said on every policy page: cookies travel only if their SameSite attribute lets them. */
export const SAMESITE_NOTE = SAMESITE_SENTENCE;

export interface PolicyPageOptions extends PageOptions {
  /** The origin index, to link each origin to its page (origins without an entry are not linked). */
  readonly origins?: readonly OriginIndexEntry[] | undefined;
}

/**
 * One policy's page: who may call, methods, headers and credentials, routes, environments, where it
 * is enforced, findings with acknowledgements, expectations, the decision table and provenance —
 * with the plain sentences on what CORS does not do.
 */
export function renderPolicyPage(view: SitePolicyView, options: PolicyPageOptions = {}): string {
  const links = options.links ?? relativeLinks(1);
  const { model } = view;
  const slugOf = new Map((options.origins ?? []).map((o) => [o.origin, o.slug]));
  const originCell = (origin: string) => {
    const slug = slugOf.get(origin);
    return slug === undefined ? code(origin) : link(links.origin(slug), code(origin));
  };
  const ruleLink = (ruleCode: string) => (Object.prototype.hasOwnProperty.call(RULES, ruleCode) ? link(links.rule(ruleCode), code(ruleCode)) : code(ruleCode));

  const sections = [
    `<h1>CORS policy ${code(model.name)}</h1>`,
    model.description === undefined ? '' : `<p>${escapeHtml(model.description)}</p>`,
    `<dl class="facts">
<dt>Overall risk</dt><dd>${riskBadge(view.risk)}${view.riskReasons.length === 0 ? '' : `<ul>${view.riskReasons.map((r) => `<li>${textToHtml(r)}</li>`).join('')}</ul>`}</dd>
<dt>Owners</dt><dd>${model.owners.length === 0 ? '<span class="muted">None listed</span>' : escapeHtml(model.owners.join(', '))}</dd>
${view.file === undefined ? '' : `<dt>Defined in</dt><dd>${code(view.file)}${view.exportName === undefined ? '' : ` (export ${code(view.exportName)})`}</dd>`}
<dt>Last changed</dt><dd>${provenanceText(view)}</dd>
</dl>`,
    `<h2>In plain words</h2><ul>${model.summary.map((s) => `<li>${textToHtml(s)}</li>`).join('')}</ul>`,
    `<div class="callout" role="note"><p>${escapeHtml(CORS_IS_NOT_CSRF)}</p><p>${escapeHtml(SAMESITE_NOTE)}</p></div>`,
    `<h2>Who may call</h2>${originTable('Origins allowed by the top-level rules', model.rules.origins, originCell)}${sourcesTable('Origins looked up at run time by the top-level rules', model.rules.sources, ruleLink)}`,
    `<h2>Methods, headers and cookies</h2>${rulesFacts(model.rules)}`,
    `<h2>Preflight</h2><ul>${model.preflight.sentences.map((s) => `<li>${textToHtml(s)}</li>`).join('')}</ul>`,
    routesSection(view, originCell, ruleLink),
    environmentsSection(view),
    deploymentsSection(view.policy.deployments),
    findingsSection(model.findings, model.acknowledged, ruleLink),
    expectationsSection(view),
    decisionsSection(model.decisions),
  ];
  return pageShell({ title: `Policy ${model.name}`, body: sections.filter((s) => s !== '').join('\n'), siteTitle: options.siteTitle, links });
}

function provenanceText(view: SitePolicyView): string {
  const p = view.provenance;
  if (p === undefined) return '<span class="muted">Unknown: the file is not tracked by git (or git was not available).</span>';
  return `Last changed in ${code(p.commit.slice(0, 7))} on ${escapeHtml(isoDay(p.date))} by ${escapeHtml(p.author)}`;
}

function originTable(caption: string, origins: readonly AuditOrigin[], originCell: (o: string) => string): string {
  if (origins.length === 0) return '<p>No origin is listed in the policy itself.</p>';
  return table(
    caption,
    ['Origin', 'Kind', 'Risk', 'Notes'],
    origins.map((o) => [originCell(o.origin), escapeHtml(kindWords(o)), riskBadge(o.risk), o.notes.map(textToHtml).join(' ')]),
  );
}

/**
 * Origin sources: their origins are named by a provider while the service runs, so the page states
 * what it cannot list, and flags credentials on a source with the lint rule's code.
 */
function sourcesTable(caption: string, sources: readonly AuditSource[], ruleLink: (c: string) => string): string {
  if (sources.length === 0) return '';
  return `<p>Some origins are not in the policy: the service looks them up at run time in the sources below, so no page can list them.</p>
${table(
  caption,
  ['Source', 'What it is', 'Description', 'Risk', 'Warnings'],
  sources.map((s) => [
    code(s.name),
    `${textToHtml(s.sentence)}.${s.inherited ? ' <span class="muted">(Inherited from the top-level rules.)</span>' : ''}`,
    s.description === undefined ? '<span class="muted">Not stated</span>' : escapeHtml(s.description),
    riskBadge(s.risk),
    s.notes.length === 0
      ? '<span class="muted">None</span>'
      : `<ul>${s.notes.map((n) => `<li>${textToHtml(n)}</li>`).join('')}</ul>${s.warnings.length > 0 ? `<p>See ${s.warnings.map(ruleLink).join(', ')}.</p>` : ''}`,
  ]),
)}`;
}

function kindWords(o: AuditOrigin): string {
  if (o.kind === 'any') return 'Any website';
  if (o.kind === 'pattern') return 'Subdomain pattern';
  if (o.origin === 'null') return 'The null origin';
  return 'Exact origin';
}

function rulesFacts(rules: AuditRules): string {
  const names = (items: readonly string[], none: string) => (items.length === 0 ? none : items.map((i) => code(i === '*' ? '* (any)' : i)).join(', '));
  return `<dl class="facts">
<dt>Cookies (credentials)</dt><dd>${rules.credentials ? "Yes: pages may read responses sent with the user's cookies" : "No: responses are readable only without the user's cookies"}</dd>
<dt>Methods</dt><dd>${names(rules.methods, 'None')}</dd>
<dt>Request headers pages may send</dt><dd>${names(rules.allowHeaders.map((h) => (h === '*' ? h : titleCaseHeader(h))), 'Only the CORS-safelisted ones')}</dd>
<dt>Response headers scripts may read</dt><dd>${names(rules.exposeHeaders, 'Only the CORS-safelisted ones')}</dd>
<dt>Preflight cache</dt><dd>${textToHtml(rules.maxAge.sentence)}</dd>
<dt>Private Network Access</dt><dd>${rules.privateNetwork ? 'On (deprecated: Chrome has put it on hold)' : 'Off'}</dd>
</dl>`;
}

function routesSection(view: SitePolicyView, originCell: (o: string) => string, ruleLink: (c: string) => string): string {
  const { routes } = view.model;
  if (routes.length === 0) return '<h2>Routes</h2><p>No route rules: the rules above apply to every path.</p>';
  return `<h2>Routes</h2><p>The first rule whose path matches a request applies; fields it does not set come from the top-level rules.</p>
${routes
  .map(
    (r) => `<section>
<h3>${code(r.path)}</h3>
${r.description === undefined ? '' : `<p>${escapeHtml(r.description)}</p>`}
<p>${textToHtml(r.sentence)}</p>
${
  r.disabled
    ? ''
    : `<p class="small muted">Sets ${r.overrides.length === 0 ? 'nothing (inherits everything)' : r.overrides.map((f) => code(f)).join(', ')}.</p>
${originTable(`Origins on ${r.path}`, r.rules.origins, originCell)}
${sourcesTable(`Origins looked up at run time on ${r.path}`, r.rules.sources, ruleLink)}
${rulesFacts(r.rules)}`
}
</section>`,
  )
  .join('\n')}`;
}

function environmentsSection(view: SitePolicyView): string {
  const { environments } = view.model;
  if (environments.length === 0) return '<h2>Environments</h2><p>No environment overlays: every service loads the same policy.</p>';
  return `<h2>Environments</h2><p>An overlay applies only where a service loads the policy for that environment.</p>
${table(
  'Environment overlays',
  ['Environment', 'Why it exists', 'What it changes'],
  environments.map((e) => [
    code(e.name),
    e.description === undefined ? '<span class="muted">Not stated</span>' : escapeHtml(e.description),
    e.changes.length === 0 ? 'Nothing' : `<ul>${e.changes.map((c) => `<li>${escapeHtml(c.kind === 'loosening' ? 'Loosens: ' : c.kind === 'tightening' ? 'Tightens: ' : '')}${textToHtml(c.text)}${c.scope.route === undefined ? '' : ` (route ${code(c.scope.route)})`}</li>`).join('')}</ul>`,
  ]),
)}`;
}

function deploymentsSection(deployments: readonly Deployment[]): string {
  if (deployments.length === 0) {
    return '<h2>Where it is enforced</h2><p>The policy does not say which services load it. Owners can list them under <code>deployments</code>.</p>';
  }
  return `<h2>Where it is enforced</h2>
${table(
  'Services that load this policy',
  ['Service', 'Environment loaded', 'URL', 'Notes'],
  deployments.map((d) => [
    escapeHtml(d.service),
    d.environment === undefined ? 'base policy' : code(d.environment),
    d.url === undefined ? '<span class="muted">—</span>' : code(d.url),
    d.description === undefined ? '' : escapeHtml(d.description),
  ]),
)}`;
}

function findingsSection(open: readonly PolicyIssue[], acknowledged: readonly PolicyIssue[], ruleLink: (c: string) => string): string {
  const row = (f: PolicyIssue) => [ruleLink(f.code), escapeHtml(f.severity), code(formatIssuePath(f.path)), escapeHtml(f.message), escapeHtml(f.hint)];
  return `<h2>Findings</h2>
${open.length === 0 ? '<p>No open findings.</p>' : table('Open findings', ['Rule', 'Severity', 'Where', 'What', 'How to fix'], open.map(row))}
${
  acknowledged.length === 0
    ? ''
    : `<h3>Acknowledged warnings</h3><p>Warnings the owners accepted, with their written justification.</p>
${table('Acknowledged warnings', ['Rule', 'Where', 'What', 'Justification'], acknowledged.map((f) => [ruleLink(f.code), code(formatIssuePath(f.path)), escapeHtml(f.message), escapeHtml(f.acknowledged ?? '')]))}`
}`;
}

function expectationsSection(view: SitePolicyView): string {
  const { expectations } = view.model;
  if (expectations.length === 0) return '';
  return `<h2>Owners' expectations</h2><p>Examples the owners wrote down, checked against the resolver every time the policy loads.</p>
${table(
  "Owners' expectations",
  ['Example', 'Request', 'Expected', 'Actual'],
  expectations.map((x) => [
    x.description === undefined ? '<span class="muted">—</span>' : escapeHtml(x.description),
    `${code(`${x.request.method ?? 'GET'} ${x.request.path ?? '/'}`)} from ${code(x.request.origin ?? '(none)')}${x.request.headers?.length ? ` with ${escapeHtml(x.request.headers.join(', '))}` : ''}${x.request.credentials === true ? ', with cookies' : ''}${x.environment === undefined ? '' : ` (environment ${code(x.environment)})`}`,
    x.expected ? 'allowed' : 'refused',
    `<span class="${x.pass ? 'pass' : 'fail'}">${x.actual ? 'allowed' : 'refused'}${x.pass ? '' : ' (does not match)'}</span>`,
  ]),
)}`;
}

function decisionsSection(rows: readonly AuditDecisionRow[]): string {
  const headers = (pairs: HeaderPairs) => pairs.map(([n, v]) => `${escapeHtml(n)}: ${escapeHtml(v)}`).join('<br>');
  return `<h2>Decision table</h2><p>Typical requests, answered by the policy itself (the same code that enforces it).</p>
${table(
  'Decision table',
  ['Request', 'From', 'Preflight', 'Result', 'Why', 'Headers sent'],
  rows.map((row) => [
    `${textToHtml(row.label)}<br>${code(`${row.request.method} ${row.request.path}`)}${row.request.headers?.length ? ` with ${escapeHtml(row.request.headers.join(', '))}` : ''}${row.request.credentials === true ? ', with cookies' : ''}`,
    code(row.request.origin ?? '(none)'),
    escapeHtml(row.preflight),
    `<span class="${row.allowed ? 'allowed' : 'refused'}">${row.allowed ? 'Page may read' : 'Page may not read'}</span>`,
    `${escapeHtml(row.why)}${row.route === undefined ? '' : ` (route ${code(row.route)})`}`,
    [row.preflightHeaders.length > 0 ? `<strong>Preflight:</strong><br>${headers(row.preflightHeaders)}` : '', row.responseHeaders.length > 0 ? `<strong>Response:</strong><br>${headers(row.responseHeaders)}` : '']
      .filter(Boolean)
      .join('<br>') || '—',
  ]),
)}`;
}
