import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { RULES, explain, policyForEnvironment } from '@org/cors-core';
import { apiPolicy } from '@org/cors-policies';
import { renderIndexPage, renderOriginsPage, renderPolicyPage, renderRulesPage } from '@org/cors-report';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAV_ITEMS } from '../lib/nav';
import { pageBody } from '../lib/page-body';
import { SITE_LINKS, getSite } from '../lib/site';
import { startStaticServer } from '../scripts/static-server.mjs';
import { collectErrors, launchBrowser } from './browser';

const outDir = fileURLToPath(new URL('../out', import.meta.url));
const resultsDir = fileURLToPath(new URL('../test-results', import.meta.url));

let server: Server;
let baseUrl: string;
let context: BrowserContext;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`No static export in ${outDir}: run \`pnpm --filter @org/docs build\` first.`);
  mkdirSync(resultsDir, { recursive: true });
  ({ server, url: baseUrl } = await startStaticServer({ root: outDir }));
  ({ context, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
  await closeBrowser?.();
  server?.close();
});

/** Every page of the export: each menu entry plus one page per policy directory. */
function sitePages(): string[] {
  const under = (dir: string) => readdirSync(`${outDir}/${dir}`, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `/${dir}/${d.name}/`);
  // The live page calls the example services (connection errors without them): e2e/test/live-page.e2e.test.ts
  // checks it with the four services running.
  return [...NAV_ITEMS.map((item) => item.href).filter((href) => href !== '/live/'), ...under('policies'), ...under('origins')];
}

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = collectErrors(page);
  const response = await page.goto(baseUrl + path, { waitUntil: 'networkidle' });
  expect(response?.status(), path).toBe(200);
  return { page, errors };
}

const screenshotName = (path: string) => (path === '/' ? 'index' : path.replace(/^\/|\/$/g, '').replace(/\//g, '--'));

describe('the static site in Chromium', () => {
  it('renders every page with a heading, hydrated, and no console errors', async () => {
    const pages = sitePages();
    expect(pages).toEqual(expect.arrayContaining(['/', '/origins/', '/rules/', '/schema/', `/policies/${apiPolicy.name}/`, '/origins/https--myapp.com/']));
    for (const path of pages) {
      const { page, errors } = await open(path);
      await expect.poll(() => page.locator('h1').first().textContent(), { message: path }).not.toBe('');
      if (path.startsWith('/policies/')) await page.locator('form[data-hydrated="true"]').waitFor();
      await page.screenshot({ path: `${resultsDir}/${screenshotName(path)}.png`, fullPage: true });
      expect(errors, path).toEqual([]);
      await page.close();
    }
  });

  it('gives every rule code its own row and anchor on the rules page, and policy pages link there', async () => {
    const { page, errors } = await open('/rules/');
    const ids = await page.locator('tr[id]').evaluateAll((rows) => rows.map((r) => r.id));
    expect(ids.sort()).toEqual(Object.keys(RULES).sort());
    await page.goto(`${baseUrl}${SITE_LINKS.rule('origins/null')}`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('origins/null');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('serves, inside its own shell, exactly the page bodies the report renders', async () => {
    const { views, origins } = await getSite();
    const bodies: Array<[string, string]> = [
      ['index.html', pageBody(renderIndexPage(views, { links: SITE_LINKS })).body],
      ['rules/index.html', pageBody(renderRulesPage({ links: SITE_LINKS })).body],
      ['origins/index.html', pageBody(renderOriginsPage(origins, { links: SITE_LINKS })).body],
      ...views.map((v): [string, string] => [`policies/${v.slug}/index.html`, pageBody(renderPolicyPage(v, { links: SITE_LINKS, origins })).body]),
    ];
    for (const [file, body] of bodies) expect(readFileSync(`${outDir}/${file}`, 'utf8'), file).toContain(body);
  });

  it('links every policy, origin and rule in the report\'s pages to a page of this site', async () => {
    const { page } = await open(`/policies/${apiPolicy.name}/`);
    const hrefs = await page.locator('main a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of new Set(hrefs.map((h) => h.split('#')[0] ?? ''))) {
      expect(existsSync(`${outDir}${decodeURIComponent(href)}index.html`), href).toBe(true);
    }
    await page.close();
  });
});

interface Question {
  environment?: string;
  origin: string;
  method: string;
  path: string;
  headers: string[];
  credentials: boolean;
}

/** Types the question into the explainer form, submits it and reads the verdict line. */
async function ask(page: Page, q: Question): Promise<{ verdict: string; summary: string }> {
  const form = page.locator('form[data-hydrated="true"]');
  await form.waitFor();
  await form.getByLabel('Environment').selectOption(q.environment ?? '');
  await form.getByLabel('Calling page origin').fill(q.origin);
  await form.getByLabel('Method').fill(q.method);
  await form.getByLabel('Path').fill(q.path);
  await form.getByLabel('Headers the page sets').fill(q.headers.join(', '));
  await form.getByLabel(/With cookies/).setChecked(q.credentials);
  await form.getByRole('button', { name: 'Explain' }).click();
  const summary = page.getByTestId('summary');
  const expectedStart = `${q.method} ${q.path} from ${q.origin}`;
  await expect.poll(() => summary.textContent()).toContain(expectedStart);
  return { verdict: (await page.getByTestId('verdict').locator('.badge').textContent()) ?? '', summary: (await summary.textContent()) ?? '' };
}

/** What core answers for the same question, in this process. */
function coreAnswer(q: Question) {
  const policy = q.environment === undefined ? apiPolicy : policyForEnvironment(apiPolicy, q.environment);
  return explain(policy, { origin: q.origin, method: q.method, path: q.path, headers: q.headers, credentials: q.credentials });
}

describe('the what-if explainer', () => {
  const allowed: Question = { origin: apiPolicy.rules.origins[1]!, method: 'PUT', path: '/api/items/1', headers: ['Content-Type', 'Authorization'], credentials: true };
  const refused: Question = { ...allowed, origin: 'https://evil.example' };
  const devOrigin = policyForEnvironment(apiPolicy, 'development').rules.origins.find((o) => !apiPolicy.rules.origins.includes(o))!;

  it('allows a listed origin\'s credentialed PUT with Authorization and refuses the same request from another site', async () => {
    const { page, errors } = await open(`/policies/${apiPolicy.name}/`);
    for (const q of [allowed, refused]) {
      const expected = coreAnswer(q);
      const answer = await ask(page, q);
      expect(answer.verdict).toBe(expected.allowed ? 'Allowed' : 'Refused');
      expect(answer.summary).toBe(expected.summary);
    }
    expect(coreAnswer(allowed).allowed).toBe(true);
    expect(coreAnswer(refused).allowed).toBe(false);
    await page.locator('#what-if').screenshot({ path: `${resultsDir}/explainer-refused.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers per environment: the development origin is refused in production and allowed in development', async () => {
    const { page, errors } = await open(`/policies/${apiPolicy.name}/`);
    const base: Question = { origin: devOrigin, method: 'GET', path: '/api/items', headers: [], credentials: true };
    expect((await ask(page, base)).verdict).toBe('Refused');
    expect((await ask(page, { ...base, environment: 'development' })).verdict).toBe('Allowed');
    expect(errors).toEqual([]);
    await page.close();
  });
});
