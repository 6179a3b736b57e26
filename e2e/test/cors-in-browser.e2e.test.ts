import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { definePolicy, explain } from '@org/cors-core';
import { apiPolicyInput } from '@org/cors-policies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowserSession, type BrowserSession } from '../src/browser-session.js';
import { freePort } from '../src/free-port.js';
import { startPageServer, type PageServer } from '../src/page-server.js';
import { runScenario, type Observation } from '../src/run-scenario.js';
import { SCENARIOS, type PageOrigin, type Scenario } from '../src/scenarios.js';
import { startService, type RunningService } from '../src/service.js';
import { assertBuilt, selectedTargets, TARGETS } from '../src/targets.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
/** The development overlay lists this exact origin; the page that should be allowed must live there. */
const ALLOWED_PORT = 3000;
const developmentPolicy = definePolicy(apiPolicyInput, { environment: 'development' });

let pageServers: PageServer[] = [];
let origins: Record<PageOrigin, string>;
/** target name → scenario id → observation, for the cross-framework matrix in artifacts/. */
const results = new Map<string, Map<string, Observation>>();

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const allowed = await startPageServer(ALLOWED_PORT, 'allowed origin');
  pageServers.push(allowed);
  const refused = await startPageServer(await freePort(), 'refused origin');
  pageServers.push(refused);
  origins = { allowed: allowed.origin, refused: refused.origin };
});

afterAll(async () => {
  await Promise.all(pageServers.map((server) => server.close()));
  pageServers = [];
  writeFileSync(join(ARTIFACTS, 'verdicts.md'), verdictMatrix());
});

describe('the scenario table matches the policy', () => {
  it('lists the allowed page origin in the development overlay and not the refused one', () => {
    expect(explain(developmentPolicy, { origin: origins.allowed, path: '/api/items' }).allowed).toBe(true);
    expect(explain(developmentPolicy, { origin: origins.refused, path: '/api/items' }).allowed).toBe(false);
  });

  it.for(titled(SCENARIOS))('core\'s explain predicts the browser\'s verdict: %s', ([, scenario]) => {
    const prediction = explain(developmentPolicy, {
      origin: origins[scenario.from],
      method: scenario.request.method,
      path: scenario.request.path,
      headers: Object.keys(scenario.request.headers ?? {}),
      credentials: scenario.request.credentials === 'include',
    });
    expect({ readable: prediction.allowed, preflight: prediction.preflight.needed }, prediction.steps.join('\n'))
      .toEqual({ readable: scenario.expected.readable, preflight: scenario.expected.serverSaw[0] === 'OPTIONS' });
  });
});

describe.for(selectedTargets().map((target) => [target.name, target] as const))('in Chromium, against %s', ([, target]) => {
  let service: RunningService | undefined;
  let browser: BrowserSession | undefined;
  const observed = new Map<string, Observation>();
  results.set(target.name, observed);

  beforeAll(async () => {
    assertBuilt(target);
    service = await startService(target, ARTIFACTS);
    browser = await openBrowserSession(origins, service.baseUrl);
  });

  afterAll(async () => {
    try {
      if (browser !== undefined) {
        await browser.pages.allowed.evaluate((html) => { document.querySelector('#results')!.innerHTML = html; }, resultsHtml(target.name, observed));
        await browser.close(ARTIFACTS, target.name);
      }
    } finally {
      await service?.stop();
    }
  });

  it.for(titled(SCENARIOS))('%s', async ([, scenario]) => {
    const observation = await runScenario(browser!.pages[scenario.from], service!.baseUrl, service!.requests, scenario, browser!);
    observed.set(scenario.id, observation);
    const context = JSON.stringify({ ...observation, body: observation.body?.slice(0, 300) }, null, 2);

    expect(observation.verdict, context).toEqual(scenario.expected);
    if (scenario.expected.readable) {
      expect(observation.status, context).toBe(200);
    } else {
      // Blocked by the browser, not by the network: fetch rejects with a TypeError although the server answered.
      expect(observation.error, context).toMatch(/^TypeError: /);
    }
    for (const name of scenario.expected.headers?.readable ?? []) {
      expect(observation.pageHeaders[name], `${name} as the page reads it equals what the server sent`).toBe(observation.wireHeaders[name]);
    }
  });
});

describe('the suite itself', () => {
  it('notices a server that echoes every origin: the refused-origin rows turn readable', async () => {
    const control = TARGETS.find((target) => target.name === 'control')!;
    const leaky = await startService({ ...control, name: 'control-reflect-any-origin', env: { CONTROL_MODE: 'reflect-any-origin' } }, ARTIFACTS);
    try {
      const session = await openBrowserSession(origins, leaky.baseUrl);
      try {
        const refusedRows = SCENARIOS.filter((scenario) => scenario.id.startsWith('refused-origin-'));
        const readable: Record<string, boolean> = {};
        for (const scenario of refusedRows) {
          readable[scenario.id] = (await runScenario(session.pages[scenario.from], leaky.baseUrl, leaky.requests, scenario, session)).verdict.readable;
        }
        expect(readable).toEqual(Object.fromEntries(refusedRows.map((scenario) => [scenario.id, true])));
      } finally {
        await session.close(ARTIFACTS, 'control-reflect-any-origin');
      }
    } finally {
      await leaky.stop();
    }
  });

  it('gives every framework the same verdict for every scenario', () => {
    const targets = [...results.keys()];
    const rows = SCENARIOS.map((scenario) => [scenario.id, targets.map((name) => summarise(scenario, results.get(name)?.get(scenario.id)))] as const);
    for (const [id, verdicts] of rows) {
      expect(new Set(verdicts), `${id}: ${targets.map((name, i) => `${name}=${verdicts[i]}`).join(', ')}`).toEqual(new Set([verdicts[0]]));
      expect(verdicts[0], id).not.toBe('not run');
    }
  });
});

/** `[title, scenario]` pairs: `%s` prints a title in full, where `$title` would truncate it. */
function titled(scenarios: readonly Scenario[]): [string, Scenario][] {
  return scenarios.map((scenario) => [scenario.title, scenario]);
}

function summarise(_scenario: Scenario, observation: Observation | undefined): string {
  if (observation === undefined) return 'not run';
  const { verdict } = observation;
  return `${verdict.readable ? 'readable' : 'blocked'}; server saw ${verdict.serverSaw.join(' then ') || 'nothing'}; cookie ${verdict.cookieSent ? 'sent' : 'not sent'}`
    + (verdict.blockedBecause === undefined ? '' : ` (Chromium: ${verdict.blockedBecause})`)
    + (verdict.headers === undefined ? '' : `; page reads ${verdict.headers.readable.join(', ')}; hidden ${verdict.headers.hidden.join(', ')}`);
}

function verdictMatrix(): string {
  const targets = [...results.keys()];
  const header = `| scenario | from | expected | ${targets.join(' | ')} |\n|---|---|---|${targets.map(() => '---|').join('')}\n`;
  return `# Browser verdicts (Chromium, APP_ENV=development)\n\n${header}${SCENARIOS.map((scenario) => {
    const expected = summarise(scenario, { verdict: scenario.expected, pageHeaders: {}, wireHeaders: {} });
    const cells = targets.map((name) => {
      const actual = summarise(scenario, results.get(name)?.get(scenario.id));
      return actual === expected ? 'same' : actual;
    });
    return `| ${scenario.title} | ${scenario.from} | ${expected} | ${cells.join(' | ')} |`;
  }).join('\n')}\n`;
}

function resultsHtml(name: string, observed: ReadonlyMap<string, Observation>): string {
  const escape = (text: string): string => text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<h2>${escape(name)}</h2><table border="1" cellpadding="4">${SCENARIOS.map((scenario) => {
    const observation = observed.get(scenario.id);
    const ok = observation !== undefined && isDeepStrictEqual(observation.verdict, scenario.expected);
    return `<tr><td>${ok ? 'PASS' : 'FAIL'}</td><td>${escape(scenario.title)}</td><td>${escape(summarise(scenario, observation))}</td></tr>`;
  }).join('')}</table>`;
}
