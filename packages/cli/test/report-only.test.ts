import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corsDecider, definePolicy, type CorsDecisionEvent, type RequestFacts } from '@org/cors-core';
import type { ReportOnlyJson } from '@org/cors-report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from './run-cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cors-report-only-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const write = async (name: string, content: string) => {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
};

const enforced = definePolicy({ name: 'api', origins: ['https://app.example.com', 'https://partner.example'], methods: ['GET', 'PUT'], routes: [{ path: '/feed/**', origins: ['https://partner.example'] }] });
const candidate = definePolicy({ name: 'api-next', origins: ['https://app.example.com', 'https://new.example'], methods: ['GET'], routes: [{ path: '/feed/**', origins: ['https://app.example.com'] }] });
const facts = (origin: string, method: string, path: string, preflightFor?: string): RequestFacts => ({
  method, path, origin, accessControlRequestMethod: preflightFor, accessControlRequestHeaders: undefined, accessControlRequestPrivateNetwork: undefined,
});

/** Event lines as core writes them for real traffic: `onDecision` → pino-style `{ time, cors }` lines, plus other log lines. */
function eventLog(): string {
  const lines: string[] = [JSON.stringify({ level: 30, time: 1_764_180_000_000, msg: 'server started' })];
  let time = 1_764_180_000_000;
  const decide = corsDecider(enforced, { reportOnly: candidate, onDecision: (event: CorsDecisionEvent) => lines.push(JSON.stringify({ level: 40, time: (time += 1000), cors: event })) });
  for (let i = 0; i < 3; i++) decide(facts('https://partner.example', 'GET', '/feed/today'));
  decide(facts('https://app.example.com', 'OPTIONS', '/items/1', 'PUT'));
  decide(facts('https://new.example', 'GET', '/items'));
  decide(facts('https://app.example.com', 'GET', '/items'));
  return `${lines.join('\n')}\n`;
}

describe('cors-policy report-only', () => {
  it('lists the callers the candidate would break, then those it would newly allow, with counts and first/last seen', async () => {
    const file = await write('events.jsonl', eventLog());
    const result = await runCli(['report-only', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('**2 callers would break** (4 requests); 1 newly allowed, 0 answered differently.');
    const breaks = result.stdout.slice(result.stdout.indexOf('#### ⚠️ Would break'), result.stdout.indexOf('#### Would newly allow'));
    expect(breaks).toContain('| `https://partner.example` | `/feed/**` | `GET` | 3 | `origin-not-allowed` (`api-next`) | `origin-allowed` | 2025-11-26T18:00:02Z | 2025-11-26T18:00:06Z |');
    expect(breaks).toContain('| `https://app.example.com` | top level (e.g. `/items/1`) | `PUT` | 1 | `method-not-allowed` (`api-next`)');
    expect(result.stdout).toContain('| `https://new.example` | top level (e.g. `/items`) | `GET` | 1 | `origin-allowed` (`api-next`) | `origin-not-allowed`');
    expect(result.stdout).toContain('skipped 6 enforced decision events, 1 other lines');
  });

  it('gives the versioned JSON with --format json and exits 1 with --fail-on-break', async () => {
    const file = await write('events-json.jsonl', eventLog());
    const result = await runCli(['report-only', file, '--format', 'json', '--fail-on-break']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as ReportOnlyJson;
    expect(json).toMatchObject({ schemaVersion: 1, kind: 'cors-policy-report-only', events: 5, totals: { 'would-refuse': 4, 'would-allow': 1, 'would-change': 0 } });
    expect(json.callers[0]).toMatchObject({ origin: 'https://partner.example', route: '/feed/**', count: 3, firstSeen: '2025-11-26T18:00:02.000Z', lastSeen: '2025-11-26T18:00:06.000Z' });
  });

  it('refuses a file with malformed, wrong-typed or huge lines with exit 5, naming file and line, never crashing', async () => {
    const good = eventLog().split('\n')[2] as string; // a report-only event (line 1 is its enforced twin)
    const wrongType = JSON.stringify({ cors: { ...JSON.parse(good).cors, reportOnly: 'yes' } });
    const wrongChange = JSON.stringify({ ...JSON.parse(good).cors, change: 'would-explode' });
    const badTime = JSON.stringify({ time: 'yesterday', cors: JSON.parse(good).cors });
    const content = [good, '{"cors": 42}', '[1,2]', 'not json', wrongType, wrongChange, badTime, `{"x":"${'a'.repeat(200_000)}"}`, good].join('\n');
    const file = await write('hostile.jsonl', content);
    const result = await runCli(['report-only', file]);
    expect(result.code).toBe(5);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('7 lines are not decision events');
    expect(result.stderr).toContain('hostile.jsonl:2: `cors` is not a decision event object');
    expect(result.stderr).toContain('hostile.jsonl:3: not a JSON object');
    expect(result.stderr).toContain('hostile.jsonl:4: not JSON');
    expect(result.stderr).toContain('hostile.jsonl:5: `reportOnly` is not true or false');
    expect(result.stderr).toContain('hostile.jsonl:6: report-only event: `change` is not would-refuse, would-allow or would-change');
    expect(result.stderr).toContain('hostile.jsonl:7: `time` is neither epoch milliseconds nor an ISO date');
    expect(result.stderr).toContain('hostile.jsonl:8: line is longer than 65536 characters');
    expect(hasStackTrace(result.stderr)).toBe(false);

    const skipped = await runCli(['report-only', file, '--skip-invalid', '--format', 'json']);
    expect(skipped.code).toBe(0);
    expect(JSON.parse(skipped.stdout)).toMatchObject({ events: 2, skipped: { invalid: 7 } });
  });

  it('escapes control characters and Markdown in event values: a hostile Origin cannot forge the report or the terminal', async () => {
    const event = JSON.parse(eventLog().split('\n')[2] as string).cors as Record<string, unknown>;
    const hostile = JSON.stringify({ ...event, origin: 'https://x.example`|\u001b[2J\n#### ⚠️ Would break\u202e' });
    const file = await write('escape.jsonl', `${hostile}\n`);
    const result = await runCli(['report-only', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(result.stdout.split('\n').filter((line) => line.startsWith('#### '))).toEqual(['#### ⚠️ Would break']);
    const row = result.stdout.split('\n').find((line) => line.includes('x.example')) as string;
    expect(row.startsWith('| <code>https://x.example\\`\\|')).toBe(true); // the cell's pipe is escaped: the table keeps its columns
    expect(row).toContain('u001b\\[2J\\\\u000a#### ⚠️ Would break\\\\u202e</code>');
  });

  it('needs at least one existing file (exit 2)', async () => {
    expect((await runCli(['report-only'])).code).toBe(2);
    const missing = await runCli(['report-only', join(dir, 'nope.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('is not a readable file');
  });
});

describe('cors-policy site --report-only', () => {
  const policyFile = () => write('api.policy.json', JSON.stringify({ name: 'api', origins: ['https://app.example.com', 'https://partner.example'], methods: ['GET', 'PUT'] }));
  const listing = async (out: string) => (await readdir(out, { recursive: true })).map(String).sort();

  it('adds the page "What the candidate policy would change", built from the same summary as report-only', async () => {
    const events = await write('site-events.jsonl', eventLog());
    const out = join(dir, 'site-with-report');
    const result = await runCli(['site', await policyFile(), '--out', out, '--report-only', events]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('report-only.html');
    const page = await readFile(join(out, 'report-only.html'), 'utf8');
    expect(page).toContain('<h1>What the candidate policy would change</h1>');
    expect(page).toContain('<strong>2 callers would break</strong> (4 requests)');
    expect(page).toMatch(/<th scope="row"><code>https:\/\/partner\.example<\/code><\/th><td><code>\/feed\/\*\*<\/code><\/td><td><code>GET<\/code><\/td><td>3<\/td>/);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('<a href="report-only.html">Report-only</a>');
  });

  it('reads several event files given as repeated --report-only', async () => {
    const a = await write('site-a.jsonl', eventLog());
    const b = await write('site-b.jsonl', eventLog());
    const out = join(dir, 'site-two-files');
    expect((await runCli(['site', await policyFile(), '--out', out, '--report-only', a, '--report-only', b])).code).toBe(0);
    expect(await readFile(join(out, 'report-only.html'), 'utf8')).toContain('<strong>2 callers would break</strong> (8 requests)');
  });

  it('refuses an events file with invalid lines with exit 5, as report-only does, and writes nothing; --skip-invalid builds the page', async () => {
    const events = await write('site-bad.jsonl', `${eventLog()}not json\n`);
    const out = join(dir, 'site-bad');
    const result = await runCli(['site', await policyFile(), '--out', out, '--report-only', events]);
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(/site-bad\.jsonl:\d+: not JSON/);
    expect(result.stderr).toContain('No site written');
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(await readdir(out).catch(() => [])).toEqual([]);
    const skipped = await runCli(['site', await policyFile(), '--out', out, '--report-only', events, '--skip-invalid']);
    expect(skipped.code).toBe(0);
    expect(await listing(out)).toContain('report-only.html');
  });

  it('refuses a missing events file with exit 2', async () => {
    const result = await runCli(['site', await policyFile(), '--out', join(dir, 'site-missing'), '--report-only', join(dir, 'nope.jsonl')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not a readable file');
  });
});
