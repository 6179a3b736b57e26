import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from '../src/chromium.js';
import { freePort } from '../src/free-port.js';
import { startService, type RunningService } from '../src/service.js';
// The docs app's own static server for its export (a dependency: turbo builds @org/docs first).
import { startStaticServer } from '../../apps/docs/scripts/static-server.mjs';

/*
 * The live page's "Tenant domains" section against the real tenant service (apps/example-tenants on
 * SQLite, admin API on, as scripts/start.sh runs it): from a page origin that is no tenant, the
 * browser is refused, the "add" button makes the origin callable within the policy's TTL (measured by
 * the page and printed here), and "remove" makes it refused again.
 */

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const DOCS_OUT = fileURLToPath(new URL('../../apps/docs/out/', import.meta.url));
const TENANTS = fileURLToPath(new URL('../../apps/example-tenants/', import.meta.url));
const TTL_MS = 5_000; // the tenant policy's refreshSeconds

let site: Server | undefined;
let siteUrl = '';
let tenants: RunningService | undefined;
let browser: Browser | undefined;
const data = mkdtempSync(join(tmpdir(), 'e2e-tenants-'));

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  if (!existsSync(`${DOCS_OUT}live/index.html`)) throw new Error(`${DOCS_OUT}live/index.html is missing: build the docs app first (pnpm exec turbo run build --filter=@org/docs).`);
  if (!existsSync(join(TENANTS, 'dist/main.js'))) throw new Error(`${TENANTS}dist/main.js is missing: pnpm exec turbo run build --filter=@org/example-tenants...`);
  ({ server: site, url: siteUrl } = await startStaticServer({ root: DOCS_OUT, port: await freePort(), host: '127.0.0.1' }));
  tenants = await startService({
    name: 'tenants',
    cwd: TENANTS,
    command: ['pnpm', 'run', '--silent', 'start'],
    readyPath: '/public/status',
    env: { TENANT_ADMIN: '1', TENANT_DB_FILE: join(data, 'tenants.db'), TENANT_ADMIN_ORIGINS: siteUrl },
  }, ARTIFACTS);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  site?.close();
  await tenants?.stop();
  rmSync(data, { recursive: true, force: true });
});

describe('the live page\'s tenant domains section in Chromium, against the running tenant service', () => {
  it('is refused at first, callable within the TTL once the page adds its origin, and refused again once it removes it', async () => {
    const page = await browser!.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${siteUrl}/live/?tenants=${tenants!.baseUrl}`);
    const status = page.getByTestId('tenant-status');
    const result = page.getByTestId('tenant-result');
    await page.locator('[data-testid="tenant-status"][data-state="refused"]').waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toContain('Refused by CORS');

    await page.getByTestId('tenant-add').click();
    await page.locator('[data-testid="tenant-result"][data-state="done"]').waitFor({ timeout: 30_000 });
    const addMs = Number(await result.getAttribute('data-ms'));
    expect(await status.getAttribute('data-state')).toBe('allowed');
    await page.screenshot({ path: `${ARTIFACTS}live-tenants-added.png`, fullPage: true });
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBeLessThanOrEqual(1280);

    await page.getByTestId('tenant-remove').click();
    await page.locator('[data-testid="tenant-result"][data-state="done"]').waitFor({ timeout: 30_000 });
    const removeMs = Number(await result.getAttribute('data-ms'));
    expect(await status.getAttribute('data-state')).toBe('refused');
    await page.close();

    console.log(`live page, tenant domains: added → callable in the browser ${addMs} ms, removed → refused ${removeMs} ms (TTL ${TTL_MS} ms)`);
    expect(addMs).toBeGreaterThan(0);
    expect(addMs).toBeLessThan(TTL_MS);
    expect(removeMs).toBeLessThan(TTL_MS);
  });

  it('tells "service not running" apart from "refused by CORS" when nothing listens at the tenant service\'s address', async () => {
    const page = await browser!.context.newPage();
    await page.goto(`${siteUrl}/live/?tenants=http://127.0.0.1:${await freePort()}`);
    await page.locator('[data-testid="tenant-status"]:not([data-state="pending"])').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('tenant-status').getAttribute('data-state')).toBe('down');
    expect(await page.getByTestId('tenant-add').isDisabled()).toBe(true);
    await page.close();
  });
});
