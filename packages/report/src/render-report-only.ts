import type { ReportOnlyChange } from '@org/cors-core/runtime';
import { escapeMarkdownText, markdownCode } from './escape.js';
import { REPORT_SCHEMA_VERSION } from './render-json.js';
import type { ReportOnlyCaller, ReportOnlySummary } from './report-only-summary.js';

const SECTIONS: ReadonlyArray<{ change: ReportOnlyChange; title: string; intro: string }> = [
  { change: 'would-refuse', title: '⚠️ Would break', intro: 'The enforced policy allows these callers; the candidate would refuse them.' },
  { change: 'would-allow', title: 'Would newly allow', intro: 'The candidate would let these callers read responses the enforced policy withholds: check each is meant to.' },
  { change: 'would-change', title: 'Would answer differently', intro: 'Allowed by both, with different CORS headers (credentials, exposed headers, preflight lists).' },
];

/** A date for reports: ISO 8601 in UTC to the second, or `—`. */
function when(ms: number | undefined): string {
  return ms === undefined ? '—' : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function reasons(caller: ReportOnlyCaller): string {
  return Object.entries(caller.reasons).map(([reason, n]) => `${markdownCode(reason, { table: true })}${n === caller.count ? '' : ` ×${n}`}`).join(', ');
}

/**
 * The summary as Markdown: a verdict line, then one table per kind of change (callers the candidate
 * would break first), each caller as origin × route × method with counts and first/last seen. Every
 * value from the events is escaped: they come from request headers.
 */
export function renderReportOnlyMarkdown(summary: ReportOnlySummary): string {
  const { totals } = summary;
  const out = ['### CORS report-only: what the candidate policy would change', ''];
  if (summary.events === 0) {
    out.push('No report-only event: the candidate would answer every recorded request as the enforced policy did.', '');
  } else {
    const breaks = summary.callers.filter((c) => c.change === 'would-refuse').length;
    out.push(
      breaks > 0
        ? `**${breaks} caller${breaks === 1 ? '' : 's'} would break** (${totals['would-refuse']} request${totals['would-refuse'] === 1 ? '' : 's'}); ${totals['would-allow']} newly allowed, ${totals['would-change']} answered differently.`
        : `No caller would break: ${totals['would-allow']} request${totals['would-allow'] === 1 ? '' : 's'} newly allowed, ${totals['would-change']} answered differently.`,
      '',
    );
  }
  for (const section of SECTIONS) {
    const callers = summary.callers.filter((c) => c.change === section.change);
    if (callers.length === 0) continue;
    out.push(`#### ${section.title}`, '', section.intro, '');
    out.push('| Origin | Route | Method | Requests | Candidate says | Enforced | First seen | Last seen |', '|---|---|---|---:|---|---|---|---|');
    for (const c of callers) {
      const route = c.route === null ? `top level (e.g. ${markdownCode(c.samplePath, { table: true })})` : markdownCode(c.route, { table: true });
      const candidate = `${reasons(c)} (${markdownCode(c.environment === null ? c.candidate : `${c.candidate}@${c.environment}`, { table: true })})`;
      out.push(
        `| ${markdownCode(c.origin, { table: true })} | ${route} | ${markdownCode(c.method, { table: true })} | ${c.count} | ${candidate} | ${markdownCode(c.enforced.reason, { table: true })} | ${when(c.firstSeen)} | ${when(c.lastSeen)} |`,
      );
    }
    out.push('');
  }
  if (summary.overflow > 0) out.push(`${summary.overflow} more request${summary.overflow === 1 ? '' : 's'} came from callers beyond the first ${summary.callers.length} (not listed).`, '');
  const { enforced, other, invalid } = summary.skipped;
  out.push(escapeMarkdownText(`Read ${summary.events} report-only events; skipped ${enforced} enforced decision events, ${other} other lines${invalid > 0 ? `, ${invalid} invalid lines` : ''}.`), '');
  return out.join('\n');
}

/** `cors-policy report-only --format json`: `{ schemaVersion, kind: 'cors-policy-report-only', …summary }`, times as ISO strings. */
export interface ReportOnlyJson {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly kind: 'cors-policy-report-only';
  readonly events: number;
  readonly totals: ReportOnlySummary['totals'];
  readonly callers: ReadonlyArray<Omit<ReportOnlyCaller, 'firstSeen' | 'lastSeen'> & { readonly firstSeen: string | null; readonly lastSeen: string | null }>;
  readonly skipped: ReportOnlySummary['skipped'];
  readonly overflow: number;
}

export function reportOnlyJson(summary: ReportOnlySummary): ReportOnlyJson {
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    kind: 'cors-policy-report-only',
    events: summary.events,
    totals: summary.totals,
    callers: summary.callers.map((c) => ({ ...c, firstSeen: iso(c.firstSeen), lastSeen: iso(c.lastSeen) })),
    skipped: summary.skipped,
    overflow: summary.overflow,
  };
}
