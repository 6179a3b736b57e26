import type { Page } from 'playwright-core';
import type { RequestLog } from './request-log.js';
import type { Scenario, Verdict } from './scenarios.js';

/** What happened when a page ran a scenario: the verdict, plus the details a failure message needs. */
export interface Observation {
  readonly verdict: Verdict;
  /** `TypeError: Failed to fetch` and the like when the browser blocked the call. */
  readonly error?: string;
  readonly status?: number;
  readonly body?: string;
  /** Values of the checked headers: as the page read them, and as they came over the wire. */
  readonly pageHeaders: Readonly<Record<string, string | null>>;
  readonly wireHeaders: Readonly<Record<string, string>>;
}

type PageResult =
  | { readonly kind: 'response'; readonly status: number; readonly body: string; readonly headers: Record<string, string | null> }
  | { readonly kind: 'error'; readonly error: string };

/**
 * Runs one scenario inside `page` with the page's own `fetch` (so the browser, not the test, applies
 * CORS), then reads what reached the service from its request log.
 */
export async function runScenario(page: Page, baseUrl: string, requests: RequestLog, scenario: Scenario, session: { readonly sessionCookie: string; readonly consoleLines: readonly string[] }): Promise<Observation> {
  const url = `${baseUrl}${scenario.request.path}?e2e=${encodeURIComponent(scenario.id)}`;
  const checked = [...(scenario.expected.headers?.readable ?? []), ...(scenario.expected.headers?.hidden ?? [])];
  const wire = checked.length > 0
    ? page.waitForResponse((response) => response.url() === url && response.request().method() === scenario.request.method, { timeout: 10_000 })
    : undefined;

  const result = await page.evaluate(async ({ url, request, checked }): Promise<PageResult> => {
    try {
      const init: RequestInit = { method: request.method, credentials: request.credentials ?? 'same-origin' };
      if (request.headers !== undefined) init.headers = request.headers;
      if (request.body !== undefined) init.body = request.body;
      const response = await fetch(url, init);
      const body = await response.text();
      return { kind: 'response', status: response.status, body, headers: Object.fromEntries(checked.map((name) => [name, response.headers.get(name)])) };
    } catch (error) {
      return { kind: 'error', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  }, { url, request: scenario.request, checked });

  const wireHeaders = wire === undefined ? {} : await (await wire).allHeaders();
  const blockedBecause = result.kind === 'error' ? await corsConsoleReason(session.consoleLines, url) : undefined;
  const seen = requests.forScenario(scenario.id);
  const pageHeaders = result.kind === 'response' ? result.headers : {};
  const verdict: Verdict = {
    readable: result.kind === 'response',
    serverSaw: seen.map((entry) => entry.method),
    cookieSent: seen.some((entry) => entry.cookie?.split(/;\s*/).includes(session.sessionCookie) ?? false),
    ...(blockedBecause !== undefined && { blockedBecause }),
    ...(checked.length > 0 && {
      headers: {
        readable: checked.filter((name) => pageHeaders[name] != null),
        hidden: checked.filter((name) => wireHeaders[name] !== undefined && pageHeaders[name] == null),
      },
    }),
  };
  return result.kind === 'response'
    ? { verdict, status: result.status, body: result.body, pageHeaders, wireHeaders }
    : { verdict, error: result.error, pageHeaders, wireHeaders };
}

const BLOCKED = ' has been blocked by CORS policy: ';

/**
 * Chromium explains a CORS block only on the console, a moment after `fetch` rejects. Waits up to 2 s
 * for the line about `url` and returns the reason; `(no CORS message)` means the failure was something else.
 */
async function corsConsoleReason(consoleLines: readonly string[], url: string): Promise<string> {
  const deadline = Date.now() + 2_000;
  for (;;) {
    const line = consoleLines.find((text) => text.includes(`'${url}'`) && text.includes(BLOCKED));
    if (line !== undefined) return line.slice(line.indexOf(BLOCKED) + BLOCKED.length);
    if (Date.now() > deadline) return '(no CORS message)';
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
