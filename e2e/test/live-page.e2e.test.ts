import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from '../src/chromium.js';
import { freePort } from '../src/free-port.js';
import { startService, type RunningService } from '../src/service.js';
import { assertBuilt, TARGETS } from '../src/targets.js';
// The docs app's own static server for its export (a dependency: turbo builds @org/docs first).
import { startStaticServer } from '../../apps/docs/scripts/static-server.mjs';

/*
 * The auditor site's live page (apps/docs/app/live) run the way `scripts/start.sh` serves it: the
 * static export on an origin the development overlay lists (127.0.0.1:3000) and on one it does not,
 * with the four example services running. The page calls every service from the visitor's browser and
 * shows the browser's verdicts beside the policy's predictions; here Chromium is the visitor.
 */

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const DOCS_OUT = fileURLToPath(new URL('../../apps/docs/out/', import.meta.url));
const FRAMEWORK_LABELS: Readonly<Record<string, string>> = { express: 'Express', koa: 'Koa', nest: 'NestJS', next: 'Next.js' };
const API_CHECKS = ['simple-get', 'credentialed-get', 'put-json-auth', 'exposed-header'];

let services: RunningService[] = [];
const sites: Server[] = [];
let browser: Browser | undefined;
let query = '';
const origins = { allowed: '', refused: '' };

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  if (!existsSync(`${DOCS_OUT}live/index.html`)) throw new Error(`${DOCS_OUT}live/index.html is missing: build the docs app first (pnpm exec turbo run build --filter=@org/docs).`);
  const targets = TARGETS.filter((t) => t.name in FRAMEWORK_LABELS);
  targets.forEach(assertBuilt);
  services = await Promise.all(targets.map((t) => startService(t, ARTIFACTS)));
  query = `?${new URLSearchParams(services.map((s) => [FRAMEWORK_LABELS[s.name] as string, s.baseUrl])).toString()}`;
  for (const [key, port] of [['allowed', 3000], ['refused', await freePort()]] as const) {
    const { server, url } = await startStaticServer({ root: DOCS_OUT, port, host: '127.0.0.1' });
    sites.push(server);
    origins[key] = url;
  }
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  for (const site of sites) site.close();
  await Promise.all(services.map((s) => s.stop()));
});

async function liveTable(origin: string, shot: string): Promise<Map<string, { expected: string; readable: Record<string, string> }>> {
  const page = await browser!.context.newPage();
  await page.goto(`${origin}/live/${query}`);
  await page.locator('[data-testid="live-status"][data-done="true"]').waitFor({ timeout: 60_000 });
  await page.screenshot({ path: `${ARTIFACTS}live-${shot}.png`, fullPage: true });
  const rows = await page.locator('tr[data-check]').evaluateAll((trs) => trs.map((tr) => ({
    id: tr.getAttribute('data-check') ?? '',
    expected: tr.querySelector('[data-expected]')?.getAttribute('data-expected') ?? '',
    readable: Object.fromEntries([...tr.querySelectorAll('[data-framework]')].map((td) => [td.getAttribute('data-framework'), td.getAttribute('data-readable')])),
  })));
  await page.close();
  return new Map(rows.map((r) => [r.id, { expected: r.expected, readable: r.readable as Record<string, string> }]));
}

describe('the live page in Chromium, against the four running example services', () => {
  it('on the allowed origin, every framework lets the page read the API exactly as the policy predicts', async () => {
    const table = await liveTable(origins.allowed, 'allowed');
    expect(table.size).toBeGreaterThan(0);
    for (const [id, row] of table) {
      expect(Object.keys(row.readable).sort(), id).toEqual(Object.values(FRAMEWORK_LABELS).sort());
      for (const [framework, readable] of Object.entries(row.readable)) {
        expect(readable, `${id} on ${framework}`).toBe(row.expected === 'allowed' ? 'yes' : 'no');
      }
    }
    for (const id of API_CHECKS) expect(table.get(id)?.expected, id).toBe('allowed');
    expect(table.get('refused-method')?.expected).toBe('refused');
    expect(table.get('public-status-credentialed')?.expected).toBe('refused');
  });

  it('on a refused origin, every framework blocks the API and only the public route stays readable', async () => {
    const table = await liveTable(origins.refused, 'refused');
    for (const [id, row] of table) {
      const expected = id === 'public-status' ? 'yes' : 'no';
      expect(row.expected, id).toBe(expected === 'yes' ? 'allowed' : 'refused');
      for (const [framework, readable] of Object.entries(row.readable)) expect(readable, `${id} on ${framework}`).toBe(expected);
    }
  });
});
