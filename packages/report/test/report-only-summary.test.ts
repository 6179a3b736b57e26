import { describe, expect, it } from 'vitest';
import { MAX_REPORT_ONLY_CALLERS, ReportOnlyAccumulator, parseEventLine } from '../src/index.js';

const event = (origin: string) => ({
  kind: 'actual-refused', reason: 'origin-not-allowed', origin, method: 'GET', path: '/x', route: null, policy: 'next', environment: null,
  reportOnly: true, change: 'would-refuse', enforced: { kind: 'actual-allowed', reason: 'origin-allowed' },
});

describe('report-only summary', () => {
  it('reads an event alone or under `cors`, with its time, and escapes its strings again', () => {
    const alone = parseEventLine(JSON.stringify({ ...event('https://a.example\u001b'), time: '2026-11-26T18:00:00Z' }));
    expect(alone).toMatchObject({ type: 'event', time: Date.parse('2026-11-26T18:00:00Z'), event: { origin: 'https://a.example\\u001b' } });
    expect(parseEventLine(JSON.stringify({ time: 5, cors: event('https://a.example') }))).toMatchObject({ type: 'event', time: 5 });
    expect(parseEventLine(JSON.stringify({ msg: 'hello' }))).toEqual({ type: 'other' });
    expect(parseEventLine(JSON.stringify({ ...event('https://a.example'), route: 7 }))).toEqual({ type: 'invalid', problem: '`route` is neither a string nor null' });
  });

  it('keeps at most MAX_REPORT_ONLY_CALLERS distinct callers and counts the rest, so random origins cannot exhaust memory', () => {
    const summary = new ReportOnlyAccumulator();
    for (let i = 0; i < MAX_REPORT_ONLY_CALLERS + 5; i++) summary.add(parseEventLine(JSON.stringify(event(`https://t${i}.example`))));
    summary.add(parseEventLine(JSON.stringify(event('https://t0.example'))));
    const result = summary.summary();
    expect(result.callers).toHaveLength(MAX_REPORT_ONLY_CALLERS);
    expect(result.overflow).toBe(5);
    expect(result.totals['would-refuse']).toBe(MAX_REPORT_ONLY_CALLERS + 6);
    expect(result.callers[0]).toMatchObject({ origin: 'https://t0.example', count: 2 });
  });
});
