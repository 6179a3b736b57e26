import { RULES, type RuleCode } from '@org/cors-core';
import { code, escapeHtml, inlineCode } from './escape.js';
import { pageShell } from './page-shell.js';
import { relativeLinks, type PageOptions } from './site-links.js';

/** Every lint rule from core's `RULES`: code (an anchor policy pages link to), severity, what, why. */
export function renderRulesPage(options: PageOptions = {}): string {
  const links = options.links ?? relativeLinks(0);
  const rows = (Object.keys(RULES) as RuleCode[])
    .map((ruleCode) => {
      const rule = RULES[ruleCode];
      return `<tr id="${escapeHtml(ruleCode)}"><th scope="row">${code(ruleCode)}</th><td>${escapeHtml(rule.severity)}</td><td>${inlineCode(rule.title)}</td><td>${inlineCode(rule.why)}</td></tr>`;
    })
    .join('\n');
  const body = `<h1>Rules every policy is checked against</h1>
<p>Each policy is checked when it loads. An <strong>error</strong> stops the policy from loading at all; a <strong>warning</strong> loads but is reported, and owners may acknowledge it with a written justification; a <strong>note</strong> is informational.</p>
<table>
<caption>Lint rules</caption>
<thead><tr><th scope="col">Code</th><th scope="col">Severity</th><th scope="col">What it catches</th><th scope="col">Why it matters</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return pageShell({ title: 'Rules', body, current: 'rules', siteTitle: options.siteTitle, links });
}
