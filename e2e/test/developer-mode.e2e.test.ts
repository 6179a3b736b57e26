import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { definePolicy, type CorsPolicy } from '@org/cors-core';
import { cors } from '@org/cors-express';
import express from 'express';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from '../src/chromium.js';
import { startPageServer, type PageServer } from '../src/page-server.js';

/*
 * Developer mode (docs/decision-events.md) in Chromium: a page on an origin the policy allows sends a
 * method and a header the policy lacks. Without developer mode the refused preflight carries no CORS
 * headers and Chromium blames a missing Access-Control-Allow-Origin; with it, Chromium's console names
 * the method or the header. Either way the request is blocked and never reaches the app.
 */

interface Api {
  readonly url: string;
  /** Methods that reached the app (after the CORS layer). */
  readonly reached: string[];
  close(): Promise<void>;
}

async function startApi(policy: CorsPolicy, developerMode: boolean): Promise<Api> {
  const reached: string[] = [];
  const app = express();
  app.use(cors(policy, { developerMode }));
  app.all('/{*path}', (req, res) => {
    reached.push(req.method);
    res.json({ ok: true });
  });
  const server: Server = createServer(app);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    reached,
    close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }),
  };
}

/** Runs `fetch` in the page and returns whether it failed, plus the console lines it produced. */
async function fetchFromPage(page: Page, console: string[], url: string, init: { method: string; headers?: Record<string, string> }): Promise<{ blocked: boolean; console: string }> {
  const before = console.length;
  const blocked = await page.evaluate(async ([target, options]) => {
    try {
      await fetch(target, options);
      return false;
    } catch {
      return true;
    }
  }, [url, init] as const);
  // Chromium reports the CORS error on the console asynchronously, around the rejection: wait for it (at most 2 s).
  for (let i = 0; i < 40 && blocked && !console.slice(before).some((line) => line.includes('blocked by CORS policy')); i++) await page.waitForTimeout(50);
  return { blocked, console: console.slice(before).join('\n') };
}

let pageServer: PageServer;
let browser: Browser;
let page: Page;
const consoleLines: string[] = [];
const apis: Api[] = [];
let policy: CorsPolicy;

beforeAll(async () => {
  pageServer = await startPageServer(0, 'developer-mode page');
  policy = definePolicy({ name: 'dev-api', origins: [pageServer.origin], methods: ['GET', 'PUT'], allowHeaders: ['Content-Type'] });
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('console', (message) => consoleLines.push(message.text()));
  await page.goto(`${pageServer.origin}/`);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(apis.map((api) => api.close()));
  await pageServer?.close();
});

describe('developer mode in Chromium', () => {
  it('without it, a refused method or header gets the generic missing Access-Control-Allow-Origin message', async () => {
    const api = await startApi(policy, false);
    apis.push(api);
    const method = await fetchFromPage(page, consoleLines, `${api.url}/items/1`, { method: 'PATCH' });
    expect(method.blocked).toBe(true);
    expect(method.console).toContain("No 'Access-Control-Allow-Origin' header is present");
    expect(method.console).not.toContain('PATCH is not allowed');
    const header = await fetchFromPage(page, consoleLines, `${api.url}/items/1`, { method: 'PUT', headers: { 'X-Debug': '1' } });
    expect(header.blocked).toBe(true);
    expect(header.console).toContain("No 'Access-Control-Allow-Origin' header is present");
    expect(api.reached).toEqual([]);
  });

  it('with it, the console names the method and the header; the requests are still blocked and never reach the app', async () => {
    const api = await startApi(policy, true);
    apis.push(api);
    const method = await fetchFromPage(page, consoleLines, `${api.url}/items/2`, { method: 'PATCH' });
    expect(method.blocked).toBe(true);
    expect(method.console).toContain('Method PATCH is not allowed by Access-Control-Allow-Methods in preflight response');
    const header = await fetchFromPage(page, consoleLines, `${api.url}/items/2`, { method: 'PUT', headers: { 'X-Debug': '1' } });
    expect(header.blocked).toBe(true);
    expect(header.console).toContain('Request header field x-debug is not allowed by Access-Control-Allow-Headers in preflight response');
    expect(api.reached).toEqual([]);
    // What the policy allows still works, exactly as without developer mode.
    const allowed = await fetchFromPage(page, consoleLines, `${api.url}/items/2`, { method: 'PUT', headers: { 'Content-Type': 'application/json' } });
    expect(allowed.blocked).toBe(false);
    expect(api.reached).toEqual(['PUT']);
  });
});
