import type { ReportOnlyChange } from '@org/cors-core/runtime';
import type { ReportOnlyCaller } from '../report-only-summary.js';
import { code, escapeHtml } from './escape.js';
import { table } from './html.js';
import { pageShell } from './page-shell.js';
import type { SiteReportOnly } from './site-input.js';
import { relativeLinks, type PageOptions } from './site-links.js';

/*
 * Every value on this page comes from request headers a stranger wrote (origin, path, method) and is
 * escaped like any other hostile text; the summary has already capped and sanitised each one.
 */

const SECTIONS: ReadonlyArray<{ readonly change: ReportOnlyChange; readonly title: string; readonly intro: string }> = [
  { change: 'would-refuse', title: 'Would refuse (callers it would break)', intro: 'The enforced policy lets these callers read responses; the candidate would refuse them.' },
  { change: 'would-allow', title: 'Would allow', intro: 'The candidate would let these callers read responses the enforced policy withholds: check each one is meant to.' },
  { change: 'would-change', title: 'Would answer differently', intro: 'Allowed by both policies, with different CORS headers (credentials, exposed headers, preflight lists).' },
];

/**
 * "What the candidate policy would change": report-only events summarised per origin, route and
 * method — callers the candidate would refuse first — with request counts, the candidate's reason
 * codes, what the enforced policy answered, and when each caller was seen. Pure.
 */
export function renderReportOnlyPage(input: SiteReportOnly, options: PageOptions = {}): string {
  const links = options.links ?? relativeLinks(0, { reportOnly: true });
  const { summary } = input;
  const { totals } = summary;
  const breaks = summary.callers.filter((c) => c.change === 'would-refuse').length;
  const verdict =
    summary.events === 0
      ? '<p>No report-only event: the candidate answered every recorded request as the enforced policy did.</p>'
      : breaks > 0
        ? `<p class="callout" role="note"><strong>${breaks} ${breaks === 1 ? 'caller' : 'callers'} would break</strong> (${totals['would-refuse']} ${totals['would-refuse'] === 1 ? 'request' : 'requests'}) if the candidate were enforced.</p>`
        : '<p><strong>No caller would break.</strong></p>';
  const files = input.files ?? [];
  const body = `<h1>What the candidate policy would change</h1>
<p>A candidate policy ran beside the enforced one in report-only mode: the enforced policy answered every request, the candidate was only asked. Each row is a caller (origin, route, method) the candidate would treat differently.${
    files.length === 0 ? '' : ` Events read from ${files.map((f) => code(f)).join(', ')}.`
  }</p>
${verdict}
${table(
  'Requests the candidate would answer differently',
  ['Change', 'Requests', 'Callers'],
  SECTIONS.map((s) => [escapeHtml(s.title), String(totals[s.change]), String(summary.callers.filter((c) => c.change === s.change).length)]),
)}
${SECTIONS.map((s) => section(s, summary.callers.filter((c) => c.change === s.change))).join('\n')}
${summary.overflow > 0 ? `<p>${summary.overflow} more ${summary.overflow === 1 ? 'request' : 'requests'} came from callers beyond the first ${summary.callers.length} (counted above, not listed).</p>` : ''}
<p class="small muted">Read ${summary.events} report-only events; skipped ${summary.skipped.enforced} enforced decision events, ${summary.skipped.other} other lines${
    summary.skipped.invalid > 0 ? `, ${summary.skipped.invalid} invalid lines` : ''
  }.</p>`;
  return pageShell({ title: 'Report-only', body, current: 'reportOnly', siteTitle: options.siteTitle, links });
}

function section(s: (typeof SECTIONS)[number], callers: readonly ReportOnlyCaller[]): string {
  if (callers.length === 0) return '';
  return `<h2>${escapeHtml(s.title)}</h2>
<p>${escapeHtml(s.intro)}</p>
${table(
  s.title,
  ['Origin', 'Route', 'Method', 'Requests', 'Candidate says', 'Enforced policy said', 'First seen', 'Last seen'],
  callers.map((c) => [
    code(c.origin),
    c.route === null ? `Top-level rules (e.g. ${code(c.samplePath)})` : code(c.route),
    code(c.method),
    String(c.count),
    `${Object.entries(c.reasons)
      .map(([reason, n]) => `${code(reason)}${n === c.count ? '' : ` ×${n}`}`)
      .join(', ')} (${code(c.environment === null ? c.candidate : `${c.candidate}@${c.environment}`)})`,
    `${code(c.enforced.reason)}`,
    when(c.firstSeen),
    when(c.lastSeen),
  ]),
)}`;
}

/** ISO 8601 in UTC to the second, or a dash when the events carry no time. */
function when(ms: number | undefined): string {
  return ms === undefined ? '<span class="muted">—</span>' : escapeHtml(new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z'));
}
