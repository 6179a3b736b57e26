import { definePolicy } from '@org/cors-core';
import { describe, expect, it } from 'vitest';
import { ReportOnlyAccumulator, parseEventLine, renderReportOnlyPage, renderSite, type ReportOnlySummary } from '../src/index.js';
import { visibleHtmlText } from './support/visible-markdown.js';

const words = (html: string) => visibleHtmlText(html).replace(/\s+/g, ' ').replace(/\s+([,.)])/g, '$1').replace(/([(])\s+/g, '$1').trim();

const event = (over: Record<string, unknown>) =>
  JSON.stringify({
    kind: 'actual-refused', reason: 'origin-not-allowed', origin: 'https://partner.example', method: 'GET', path: '/orders/7', route: '/orders/**', policy: 'shop-api',
    environment: null, reportOnly: true, change: 'would-refuse', enforced: { kind: 'actual-allowed', reason: 'origin-allowed' }, time: '2026-11-26T18:00:00Z', ...over,
  });

function summarise(lines: readonly string[]): ReportOnlySummary {
  const acc = new ReportOnlyAccumulator();
  for (const line of lines) acc.add(parseEventLine(line));
  return acc.summary();
}

const summary = summarise([
  event({}),
  event({ time: '2026-11-26T19:30:00Z' }),
  event({ origin: 'https://new.example', change: 'would-allow', kind: 'actual-allowed', reason: 'origin-allowed', enforced: { kind: 'actual-refused', reason: 'origin-not-allowed' } }),
  event({ origin: 'https://app.example', method: 'PUT', route: null, path: '/cart', change: 'would-change', kind: 'actual-allowed', reason: 'origin-allowed' }),
  JSON.stringify({ msg: 'an unrelated log line' }),
  event({ reportOnly: false, change: undefined, enforced: undefined }),
]);
const policy = definePolicy({ name: 'shop-api', origins: ['https://partner.example'] });

describe('the report-only page of the auditor site', () => {
  it('is added to the site, and linked from every page, only when a summary is given', () => {
    const without = renderSite({ policies: [{ policy }] });
    expect(without.map((f) => f.path)).not.toContain('report-only.html');
    for (const file of without) expect(file.contents).not.toContain('report-only.html');
    const withIt = renderSite({ policies: [{ policy }], reportOnly: { summary, files: ['events.jsonl'] } });
    expect(withIt.map((f) => f.path)).toContain('report-only.html');
    expect(withIt.find((f) => f.path === 'policies/shop-api.html')?.contents).toContain('<a href="../report-only.html">Report-only</a>');
    expect(withIt.find((f) => f.path === 'report-only.html')?.contents).toContain('<a href="report-only.html" aria-current="page">Report-only</a>');
  });

  it('says how many callers would break, then lists would refuse / would allow / would change per origin, route and method with counts', () => {
    const page = words(renderReportOnlyPage({ summary, files: ['events.jsonl'] }));
    expect(page).toContain('What the candidate policy would change');
    expect(page).toContain('Events read from events.jsonl.');
    expect(page).toContain('1 caller would break (2 requests)');
    expect(page).toMatch(/Would refuse \(callers it would break\) 2 1 Would allow 1 1 Would answer differently 1 1/);
    expect(page).toContain('https://partner.example /orders/** GET 2 origin-not-allowed (shop-api) origin-allowed 2026-11-26T18:00:00Z 2026-11-26T19:30:00Z');
    expect(page).toContain('https://new.example /orders/** GET 1 origin-allowed (shop-api) origin-not-allowed');
    expect(page).toContain('https://app.example Top-level rules (e.g. /cart) PUT 1');
    expect(page).toContain('Read 4 report-only events; skipped 1 enforced decision events, 1 other lines.');
    expect(page.indexOf('Would refuse (callers')).toBeLessThan(page.indexOf('https://new.example'));
  });

  it('says no caller would break when the events hold no would-refuse', () => {
    const page = words(renderReportOnlyPage({ summary: summarise([]) }));
    expect(page).toContain('No report-only event: the candidate answered every recorded request as the enforced policy did.');
  });

  it('escapes hostile origins, paths, methods and file names', () => {
    const hostile = '<script>alert(1)</script><!--';
    const page = renderReportOnlyPage({ summary: summarise([event({ origin: hostile, path: hostile, route: hostile, method: hostile })]), files: [hostile] });
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toContain('<!--');
    expect(words(page)).toContain(hostile);
  });
});
