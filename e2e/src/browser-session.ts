import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type Browser } from './chromium.js';
import type { PageOrigin } from './scenarios.js';

export interface BrowserSession {
  readonly pages: Readonly<Record<PageOrigin, Page>>;
  /** `sid=<value>`: the session cookie the browser holds for the service's host. */
  readonly sessionCookie: string;
  /** Console output of both pages so far (Chromium reports CORS blocks there). */
  readonly consoleLines: readonly string[];
  /** Screenshot of the allowed page into `<artifacts>/<name>.png`, console into `<name>-console.log`, then close. */
  close(artifacts: string, name: string): Promise<void>;
}

/**
 * A fresh Chromium with one tab per page origin, holding a `SameSite=Lax` session cookie for the
 * service's host (127.0.0.1: same site as both pages, so the cookie travels with `credentials:'include'`).
 */
export async function openBrowserSession(origins: Readonly<Record<PageOrigin, string>>, serviceUrl: string): Promise<BrowserSession> {
  const browser: Browser = await launchChromium();
  const consoleLines: string[] = [];
  const sessionCookie = `sid=e2e-${Math.random().toString(36).slice(2, 10)}`;
  const [name, value] = sessionCookie.split('=') as [string, string];
  await browser.context.addCookies([{ name, value, url: serviceUrl, sameSite: 'Lax' }]);
  const open = async (origin: string): Promise<Page> => {
    const page = await browser.context.newPage();
    page.on('console', (message) => consoleLines.push(`[${origin}] ${message.type()}: ${message.text()}`));
    await page.goto(`${origin}/`);
    return page;
  };
  const pages = { allowed: await open(origins.allowed), refused: await open(origins.refused) };
  return {
    pages,
    sessionCookie,
    consoleLines,
    close: async (artifacts, label) => {
      try {
        await pages.allowed.screenshot({ path: join(artifacts, `${label}.png`), fullPage: true });
        writeFileSync(join(artifacts, `${label}-console.log`), `${consoleLines.join('\n')}\n`);
      } finally {
        await browser.close();
      }
    },
  };
}
