import { formatIssuePath } from '@org/cors-core';
import type { HeaderPairs, PolicyIssue } from '@org/cors-core';
import type { AuditDecisionRow, AuditModel, AuditOrigin, AuditRules } from './audit-model.js';
import type { AuditSource } from './source-audit.js';
import { titleCaseHeader } from './describe.js';
import { escapeHtml, escapeMarkdownText, markdownCode } from './escape.js';
import { textToHtml, textToMarkdown, type Text } from './text.js';

/*
 * Every string from a policy is hostile: prose goes through `escapeMarkdownText` / `escapeHtml`,
 * values through `markdownCode` / `<code>`, model sentences through `textToMarkdown` / `textToHtml`.
 */

const DEVELOPMENT_ONLY = 'Development only: refused while NODE_ENV is production.';
const md = (t: Text) => textToMarkdown(t);
const mdCell = (t: Text) => textToMarkdown(t, { table: true });
const esc = escapeMarkdownText;
const codeCell = (value: string) => markdownCode(value, { table: true });

/**
 * The auditor view as Markdown: summary, origins with risk, methods and headers, max-age against
 * browser caps, route rules, environment overlays, findings, acknowledged warnings, decision table.
 */
export function renderAuditMarkdown(model: AuditModel): string {
  const out: string[] = [];
  out.push(`# CORS policy ${markdownCode(model.name)}${model.environment === undefined ? '' : ` (environment: ${markdownCode(model.environment)})`}`, '');
  if (model.description !== undefined) out.push(esc(model.description), '');
  if (model.owners.length > 0) out.push(`**Owners:** ${model.owners.map(esc).join(', ')}`, '');
  out.push('## Summary', '', ...model.summary.map((s) => `- ${md(s)}`), '');
  out.push(...model.caveats.map((c) => `> ${esc(c)}`).join('\n>\n').split('\n'), '');
  out.push('## Who may read responses', '', ...originTable(model.rules.origins), '', ...sourceLines(model.rules.sources));
  out.push(...rulesSection(model.rules), '');
  out.push('## Preflight', '', ...model.preflight.sentences.map((s) => `- ${md(s)}`), '');
  if (model.routes.length > 0) {
    out.push('## Route rules', '', 'The first rule whose path matches applies; fields it does not set are inherited.', '');
    for (const route of model.routes) {
      out.push(`### ${markdownCode(route.path)}`, '');
      if (route.description !== undefined) out.push(esc(route.description), '');
      out.push(md(route.sentence), '');
      if (!route.disabled) {
        out.push(`Sets: ${route.overrides.length > 0 ? route.overrides.map((f) => markdownCode(f)).join(', ') : 'nothing (inherits everything)'}`, '');
        out.push(...originTable(route.rules.origins), '', ...sourceLines(route.rules.sources), ...rulesSection(route.rules, '####'), '');
      }
    }
  }
  if (model.environments.length > 0) {
    out.push('## Environment overlays', '', 'Applied only when a service loads the policy for that environment.', '');
    for (const env of model.environments) {
      out.push(`### ${markdownCode(env.name)}`, '');
      if (env.description !== undefined) out.push(esc(env.description), '');
      if (env.developmentOnly) out.push(esc(DEVELOPMENT_ONLY), '');
      out.push(
        ...(env.changes.length === 0
          ? ['- No change.']
          : env.changes.map((c) => `- ${kindMark(c.kind)} ${md(c.text)}${c.scope.route === undefined ? '' : ` (route ${markdownCode(c.scope.route)})`}`)),
        '',
      );
    }
  }
  out.push('## Findings', '');
  out.push(...(model.findings.length === 0 ? ['No open findings.'] : model.findings.map(findingLine)), '');
  if (model.acknowledged.length > 0) {
    out.push('### Acknowledged warnings', '', ...model.acknowledged.map((f) => `${findingLine(f)}\n  - **Justification:** ${esc(f.acknowledged ?? '')}`), '');
  }
  if (model.expectations.length > 0) {
    out.push("## Owners' expectations", '', 'Examples the owners declared, verified against the resolver every time the policy loads.', '');
    out.push('| Example | Request | Expected | Actual |', '|---|---|---|---|');
    for (const x of model.expectations) {
      const r = x.request;
      const request = `${codeCell(`${r.method ?? 'GET'} ${r.path ?? '/'}`)} from ${codeCell(r.origin ?? '(none)')}${r.headers?.length ? ` + ${esc(r.headers.join(', '))}` : ''}${
        r.credentials === true ? ' (credentials)' : ''
      }${x.environment === undefined ? '' : ` [${esc(x.environment)}]`}`;
      out.push(`| ${esc(x.description ?? '')} | ${request} | ${x.expected ? 'allowed' : 'refused'} | ${x.pass ? '✅' : '❌'} ${x.actual ? 'allowed' : 'refused'} |`);
    }
    out.push('');
  }
  out.push('## Decision table', '', `Canonical requests, answered by the policy itself (${markdownCode('explain()')} from ${markdownCode('@org/cors-core')}).`, '');
  out.push('| Request | Origin | Preflight | Result | Why | Headers sent |', '|---|---|---|---|---|---|');
  for (const row of model.decisions) out.push(decisionLine(row));
  out.push('');
  return out.join('\n');
}

function originTable(origins: readonly AuditOrigin[]): string[] {
  if (origins.length === 0) return ['No origin is listed in the policy itself.'];
  return [
    '| Origin | Kind | Risk | Notes |',
    '|---|---|---|---|',
    ...origins.map((o) => `| ${codeCell(o.origin)} | ${o.kind} | ${riskMark(o.risk)} | ${o.notes.map(mdCell).join(' ')} |`),
  ];
}

/** Origin sources: one sentence each, the description, and any warning with its lint code. */
function sourceLines(sources: readonly AuditSource[]): string[] {
  if (sources.length === 0) return [];
  return [
    'Origins looked up at run time (not listed in the policy, so not in the table above):',
    '',
    ...sources.map((s) =>
      [
        `- ${s.warnings.length > 0 ? '⚠️ ' : ''}${md(s.sentence)}.${s.inherited ? ' (Inherited from the top-level rules.)' : ''}`,
        s.description === undefined ? '' : `\n  - **Description:** ${esc(s.description)}`,
        ...s.notes.map((n) => `\n  - **Warning:** ${md(n)}`),
      ].join(''),
    ),
    '',
  ];
}

function rulesSection(rules: AuditRules, heading = '##'): string[] {
  const list = (items: readonly string[]) => (items.length === 0 ? 'none beyond the CORS-safelisted ones' : items.map((i) => markdownCode(i)).join(', '));
  return [
    `${heading} Credentials, methods, headers`,
    '',
    `- **Credentials (cookies):** ${rules.credentials ? "yes — responses are readable with the user's cookies" : 'no'}`,
    `- **Methods:** ${list(rules.methods)}`,
    `- **Request headers pages may send:** ${list(rules.allowHeaders.map(titleCaseHeader))}`,
    `- **Response headers scripts may read:** ${list(rules.exposeHeaders)}`,
    `- **Preflight cache (max-age):** ${esc(rules.maxAge.human)}${rules.maxAge.seconds === undefined ? '' : ` (${rules.maxAge.seconds} s)`} — Chromium honours ${rules.maxAge.chromium} s (cap 7200), Firefox ${rules.maxAge.firefox} s (cap 86400). ${md(rules.maxAge.sentence)}`,
    `- **Private Network Access:** ${rules.privateNetwork ? 'on (deprecated: Chrome has put it on hold)' : 'off'}`,
  ];
}

function findingLine(f: PolicyIssue): string {
  return `- **${esc(f.severity)}** ${markdownCode(f.code)} at ${markdownCode(formatIssuePath(f.path))}: ${esc(f.message)} _Fix:_ ${esc(f.hint)}`;
}

function decisionLine(row: AuditDecisionRow): string {
  const cred = row.request.credentials === true ? ' (credentials)' : '';
  const headers = row.request.headers !== undefined && row.request.headers.length > 0 ? ` + ${esc(row.request.headers.join(', '))}` : '';
  const env = row.environment === undefined ? '' : ` [${esc(row.environment)}]`;
  const request = `${mdCell(row.label)}: ${codeCell(`${row.request.method} ${row.request.path}`)}${headers}${cred}${env}`;
  const why = `${esc(row.why)} (${codeCell(row.reason)}${row.route === undefined ? '' : `, route ${codeCell(row.route)}`})`;
  return `| ${request} | ${codeCell(row.request.origin ?? '(none)')} | ${row.preflight} | ${row.allowed ? '✅ allowed' : '⛔ refused'} | ${why} | ${headerList(row)} |`;
}

function headerList(row: AuditDecisionRow): string {
  const fmt = (pairs: HeaderPairs) => pairs.map(([n, v]) => esc(`${n}: ${v}`)).join('<br>');
  const parts = [
    row.preflightHeaders.length > 0 ? `**preflight:** ${fmt(row.preflightHeaders)}` : '',
    row.responseHeaders.length > 0 ? `**response:** ${fmt(row.responseHeaders)}` : '',
  ];
  return parts.filter(Boolean).join('<br>') || '—';
}

function riskMark(risk: AuditOrigin['risk']): string {
  return risk === 'high' ? '🔴 high' : risk === 'medium' ? '🟠 medium' : '🟢 low';
}

function kindMark(kind: string): string {
  return kind === 'loosening' ? '⚠️ loosens:' : kind === 'tightening' ? 'tightens:' : '';
}

/** The auditor view as a self-contained HTML page (no scripts, no external assets), one section per policy. */
export function renderAuditHtml(models: AuditModel | readonly AuditModel[]): string {
  const list: readonly AuditModel[] = isModelList(models) ? models : [models];
  const title = list.map((m) => m.name).join(', ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>CORS policy ${escapeHtml(title)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}code{background:#f3f3f3;padding:0 .2rem;border-radius:3px}dt{font-weight:600}dd{margin:0 0 .5rem 1rem}
.risk-high,.refused{color:#a40000;font-weight:600}.risk-medium{color:#9a5b00;font-weight:600}.risk-low,.allowed{color:#106010}
</style>
</head>
<body>
${list.map((m) => `<article>\n${htmlBody(m)}\n</article>`).join('\n<hr>\n')}
</body>
</html>
`;
}

function isModelList(models: AuditModel | readonly AuditModel[]): models is readonly AuditModel[] {
  return Array.isArray(models);
}

function htmlBody(model: AuditModel): string {
  const e = escapeHtml;
  const code = (s: string) => `<code>${e(s)}</code>`;
  const inline = textToHtml;
  const list = (items: readonly Text[]) => `<ul>${items.map((i) => `<li>${inline(i)}</li>`).join('')}</ul>`;
  const origins = (rows: readonly AuditOrigin[]) =>
    rows.length === 0
      ? '<p>No origin is listed in the policy itself.</p>'
      : `<table><thead><tr><th>Origin</th><th>Kind</th><th>Risk</th><th>Notes</th></tr></thead><tbody>${rows
      .map((o) => `<tr><td>${code(o.origin)}</td><td>${o.kind}</td><td class="risk-${o.risk}">${o.risk}</td><td>${o.notes.map(inline).join(' ')}</td></tr>`)
      .join('')}</tbody></table>`;
  const sources = (rows: readonly AuditSource[]) =>
    rows.length === 0
      ? ''
      : `<p>Origins looked up at run time (not listed in the policy):</p><ul>${rows
          .map(
            (s) =>
              `<li class="risk-${s.risk}">${s.warnings.length > 0 ? '<strong>Warning:</strong> ' : ''}${inline(s.sentence)}.${s.inherited ? ' (Inherited from the top-level rules.)' : ''}${
                s.description === undefined ? '' : `<br>${e(s.description)}`
              }${s.notes.map((n) => `<br>${inline(n)}`).join('')}</li>`,
          )
          .join('')}</ul>`;
  const rules = (r: AuditRules) => {
    const names = (items: readonly string[]) => (items.length === 0 ? 'none beyond the CORS-safelisted ones' : items.map(code).join(', '));
    return `<dl>
<dt>Credentials (cookies)</dt><dd>${r.credentials ? 'yes' : 'no'}</dd>
<dt>Methods</dt><dd>${names(r.methods)}</dd>
<dt>Request headers pages may send</dt><dd>${names(r.allowHeaders.map(titleCaseHeader))}</dd>
<dt>Response headers scripts may read</dt><dd>${names(r.exposeHeaders)}</dd>
<dt>Preflight cache (max-age)</dt><dd>${e(r.maxAge.human)} — Chromium honours ${r.maxAge.chromium} s (cap 7200), Firefox ${r.maxAge.firefox} s (cap 86400). ${inline(r.maxAge.sentence)}</dd>
<dt>Private Network Access</dt><dd>${r.privateNetwork ? 'on (deprecated)' : 'off'}</dd>
</dl>`;
  };
  const finding = (f: PolicyIssue) =>
    `<li><strong>${e(f.severity)}</strong> ${code(f.code)} at ${code(formatIssuePath(f.path))}: ${e(f.message)} <em>Fix:</em> ${e(f.hint)}${
      f.acknowledged === undefined ? '' : `<br><strong>Justification:</strong> ${e(f.acknowledged)}`
    }</li>`;
  const headers = (pairs: HeaderPairs) => pairs.map(([n, v]) => `${e(n)}: ${e(v)}`).join('<br>');
  const body = [
    `<h1>CORS policy ${code(model.name)}${model.environment === undefined ? '' : ` (environment: ${code(model.environment)})`}</h1>`,
    model.description === undefined ? '' : `<p>${e(model.description)}</p>`,
    model.owners.length === 0 ? '' : `<p><strong>Owners:</strong> ${e(model.owners.join(', '))}</p>`,
    `<h2>Summary</h2>${list(model.summary)}`,
    model.caveats.map((c) => `<p><strong>Note:</strong> ${e(c)}</p>`).join(''),
    `<h2>Who may read responses</h2>${origins(model.rules.origins)}${sources(model.rules.sources)}`,
    `<h2>Credentials, methods, headers</h2>${rules(model.rules)}`,
    `<h2>Preflight</h2>${list(model.preflight.sentences)}`,
    model.routes.length === 0
      ? ''
      : `<h2>Route rules</h2><p>The first rule whose path matches applies; fields it does not set are inherited.</p>${model.routes
          .map(
            (r) =>
              `<section><h3>${code(r.path)}</h3>${r.description === undefined ? '' : `<p>${e(r.description)}</p>`}<p>${inline(r.sentence)}</p>${
                r.disabled ? '' : `${origins(r.rules.origins)}${sources(r.rules.sources)}${rules(r.rules)}`
              }</section>`,
          )
          .join('')}`,
    model.environments.length === 0
      ? ''
      : `<h2>Environment overlays</h2>${model.environments
          .map(
            (env) =>
              `<section><h3>${code(env.name)}</h3>${env.description === undefined ? '' : `<p>${e(env.description)}</p>`}${env.developmentOnly ? `<p>${e(DEVELOPMENT_ONLY)}</p>` : ''}${list(
                env.changes.length === 0 ? [['No change.']] : env.changes.map((c): Text => [`${c.kind}: `, ...c.text]),
              )}</section>`,
          )
          .join('')}`,
    `<h2>Findings</h2>${model.findings.length === 0 ? '<p>No open findings.</p>' : `<ul>${model.findings.map(finding).join('')}</ul>`}`,
    model.acknowledged.length === 0 ? '' : `<h3>Acknowledged warnings</h3><ul>${model.acknowledged.map(finding).join('')}</ul>`,
    model.expectations.length === 0
      ? ''
      : `<h2>Owners' expectations</h2><table><thead><tr><th>Example</th><th>Request</th><th>Expected</th><th>Actual</th></tr></thead><tbody>${model.expectations
          .map(
            (x) =>
              `<tr><td>${e(x.description ?? '')}</td><td>${code(`${x.request.method ?? 'GET'} ${x.request.path ?? '/'}`)} from ${code(x.request.origin ?? '(none)')}${
                x.request.credentials === true ? ' (credentials)' : ''
              }${x.environment === undefined ? '' : ` [${e(x.environment)}]`}</td><td>${x.expected ? 'allowed' : 'refused'}</td><td class="${x.pass ? 'allowed' : 'refused'}">${
                x.actual ? 'allowed' : 'refused'
              }</td></tr>`,
          )
          .join('')}</tbody></table>`,
    `<h2>Decision table</h2><table><thead><tr><th>Request</th><th>Origin</th><th>Preflight</th><th>Result</th><th>Why</th><th>Headers sent</th></tr></thead><tbody>${model.decisions
      .map(
        (row) =>
          `<tr><td>${inline(row.label)}<br>${code(`${row.request.method} ${row.request.path}`)}${
            row.request.headers?.length ? ` + ${e(row.request.headers.join(', '))}` : ''
          }${row.request.credentials === true ? ' (credentials)' : ''}${row.environment === undefined ? '' : ` [${e(row.environment)}]`}</td><td>${code(
            row.request.origin ?? '(none)',
          )}</td><td>${row.preflight}</td><td class="${row.allowed ? 'allowed' : 'refused'}">${row.allowed ? 'allowed' : 'refused'}</td><td>${e(row.why)} (${code(row.reason)}${
            row.route === undefined ? '' : `, route ${code(row.route)}`
          })</td><td>${
            [
              row.preflightHeaders.length > 0 ? `<strong>preflight:</strong><br>${headers(row.preflightHeaders)}` : '',
              row.responseHeaders.length > 0 ? `<strong>response:</strong><br>${headers(row.responseHeaders)}` : '',
            ]
              .filter(Boolean)
              .join('<br>') || '—'
          }</td></tr>`,
      )
      .join('')}</tbody></table>`,
  ]
    .filter(Boolean)
    .join('\n');
  return body;
}
