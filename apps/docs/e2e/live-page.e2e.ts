import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { mergeVary, policyForEnvironment, requestFacts, resolveCors } from '@org/cors-core';
import { apiPolicy } from '@org/cors-policies';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_CHECKS, LIVE_ENVIRONMENT } from '../lib/live-checks';
import { startStaticServer } from '../scripts/static-server.mjs';
import { launchBrowser } from './browser';

/*
 * The live page against one real service (node:http answering with core's decisions for the storefront
 * policy, as the example services do) and one port with nothing listening. The site is served on a
 * free port, an origin the policy does not list: only the public route is readable there. The four
 * example services themselves are exercised by e2e/test/live-page.e2e.test.ts at the repository root.
 */

const outDir = fileURLToPath(new URL('../out', import.meta.url));
const resultsDir = fileURLToPath(new URL('../test-results', import.meta.url));

let site: Server;
let service: Server;
let siteUrl: string;
let serviceUrl: string;
let closedUrl: string;
let context: BrowserContext;
let closeBrowser: () => Promise<void>;

/** A service enforcing the policy with core, like the example services: compute, then apply. */
function startPolicyService(): Promise<Server> {
  const policy = policyForEnvironment(apiPolicy, LIVE_ENVIRONMENT);
  const server = createServer((req, res) => {
    const decision = resolveCors(policy, requestFacts(req.method ?? 'GET', req.url ?? '/', (name) => req.headers[name.toLowerCase()]));
    for (const [name, value] of decision.headers) res.setHeader(name, value);
    const vary = mergeVary(undefined, decision.vary);
    if (vary !== undefined) res.setHeader('Vary', vary);
    if (decision.kind === 'preflight-allowed' || decision.kind === 'preflight-refused') {
      res.writeHead(decision.status).end();
      return;
    }
    req.resume();
    res.setHeader('X-Request-Id', 'live-e2e');
    res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A port that was free a moment ago and has nothing listening now. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  if (!existsSync(`${outDir}/live/index.html`)) throw new Error(`No live page in ${outDir}: run \`pnpm --filter @org/docs build\` first.`);
  ({ server: site, url: siteUrl } = await startStaticServer({ root: outDir }));
  service = await startPolicyService();
  serviceUrl = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
  closedUrl = `http://127.0.0.1:${await closedPort()}`;
  ({ context, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
  await closeBrowser?.();
  site?.close();
  service?.close();
});

interface Cell { state: string; asPredicted: string; text: string }

/** Waits for the page's checks to finish and reads every cell by check and service id. */
async function readTable(page: Page): Promise<{ expected: Record<string, string>; cells: Record<string, Record<string, Cell>> }> {
  await page.locator('[data-testid="live-status"][data-done="true"]').waitFor({ timeout: 60_000 });
  return page.locator('tr[data-check]').evaluateAll((rows) => {
    const expected: Record<string, string> = {};
    const cells: Record<string, Record<string, { state: string; asPredicted: string; text: string }>> = {};
    for (const row of rows) {
      const id = row.getAttribute('data-check') ?? '';
      expected[id] = row.querySelector('[data-expected]')?.getAttribute('data-expected') ?? '';
      cells[id] = Object.fromEntries([...row.querySelectorAll('td[data-service]')].map((td) => [td.getAttribute('data-service'), {
        state: td.getAttribute('data-state') ?? '',
        asPredicted: td.getAttribute('data-as-predicted') ?? '',
        text: td.textContent ?? '',
      }]));
    }
    return { expected, cells };
  });
}

// Services by id (`express`) and by label (`NestJS`): both query-string keys are accepted.
const query = () => `?express=${serviceUrl}&koa=${closedUrl}&NestJS=${serviceUrl}&next=${closedUrl}`;

describe('the live page in Chromium', () => {
  it('tells allowed, refused by CORS and service not running apart, each as the policy predicts', async () => {
    const page = await context.newPage();
    await page.goto(`${siteUrl}/live/${query()}`);
    const { expected, cells } = await readTable(page);
    await page.screenshot({ path: `${resultsDir}/live.png`, fullPage: true });

    expect(Object.keys(cells).sort()).toEqual(LIVE_CHECKS.map((c) => c.id).sort());
    for (const check of LIVE_CHECKS) {
      // The site's origin is not listed: only the public route without cookies is readable.
      const readable = check.id === 'public-status';
      expect(expected[check.id], check.id).toBe(readable ? 'allowed' : 'refused');
      for (const id of ['express', 'nest']) {
        expect(cells[check.id]?.[id], `${check.id} on ${id}`).toMatchObject({ state: readable ? 'allowed' : 'refused', asPredicted: 'true' });
        expect(cells[check.id]?.[id]?.text).toContain(readable ? 'Allowed' : 'Refused by CORS');
      }
      for (const id of ['koa', 'next']) {
        expect(cells[check.id]?.[id], `${check.id} on ${id}`).toMatchObject({ state: 'down', asPredicted: 'n/a' });
        expect(cells[check.id]?.[id]?.text.toLowerCase()).toContain('service not running');
      }
    }
    const status = page.getByTestId('live-status');
    expect(await status.getAttribute('data-mismatches')).toBe('0');
    expect(await status.getAttribute('data-down')).toBe(String(LIVE_CHECKS.length * 2));
    expect(await page.locator('th[data-service="koa"] [data-service-url]').textContent()).toBe(closedUrl);
    await page.close();
  });

  it('fits a 1280 px window without horizontal scrolling', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${siteUrl}/live/${query()}`);
    await readTable(page);
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.close();
  });

  it('runs the checks after a client-side navigation from another page of the site', async () => {
    const page = await context.newPage();
    await page.goto(`${siteUrl}/rules/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Live browser check' }).click();
    await page.waitForURL(/\/live\/$/);
    const { cells } = await readTable(page);
    // Default service URLs: whatever runs there, every cell has a verdict.
    for (const row of Object.values(cells)) for (const cell of Object.values(row)) expect(['allowed', 'refused', 'down']).toContain(cell.state);
    // The tenant-domains section's script ran too (e2e/test/live-tenants.e2e.test.ts drives it against the real service).
    await page.locator('[data-testid="tenant-status"]:not([data-state="pending"])').waitFor({ timeout: 30_000 });
    expect(['allowed', 'refused', 'down']).toContain(await page.getByTestId('tenant-status').getAttribute('data-state'));
    await page.close();
  });
});
